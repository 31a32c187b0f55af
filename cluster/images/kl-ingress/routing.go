package main

import (
	"fmt"
	"net"
	"net/url"
	"sort"
	"strings"

	networkingv1 "k8s.io/api/networking/v1"
	corelisters "k8s.io/client-go/listers/core/v1"
)

// route is one path of one Ingress rule, or an Ingress's spec.defaultBackend (fallback) for
// one host. host "" is ingress-nginx's default server "_": the host-less rules.
type route struct {
	host, path string
	exact      bool
	fallback   bool
	backend    *url.URL
}

// routes flattens the Ingresses of class nginx, oldest first: where two Ingresses claim the
// same host and path, ingress-nginx keeps the older one, and pick keeps the first.
func routes(list []*networkingv1.Ingress, svcs corelisters.ServiceLister) []route {
	sorted := append([]*networkingv1.Ingress(nil), list...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if !a.CreationTimestamp.Equal(&b.CreationTimestamp) {
			return a.CreationTimestamp.Before(&b.CreationTimestamp)
		}
		return a.Namespace+"/"+a.Name < b.Namespace+"/"+b.Name
	})
	var out []route
	for _, ing := range sorted {
		if !ours(ing) {
			continue
		}
		hosts := map[string]bool{}
		for _, rule := range ing.Spec.Rules {
			hosts[rule.Host] = true
			if rule.HTTP == nil {
				continue
			}
			for _, p := range rule.HTTP.Paths {
				u := backendURL(ing.Namespace, p.Backend, svcs)
				if u == nil {
					continue
				}
				path := p.Path
				if path == "" {
					path = "/"
				}
				out = append(out, route{host: rule.Host, path: path, exact: p.PathType != nil && *p.PathType == networkingv1.PathTypeExact, backend: u})
			}
		}
		// spec.defaultBackend answers what no path matches on the hosts this Ingress names;
		// an Ingress without rules makes it the catch-all of the default server.
		if b := ing.Spec.DefaultBackend; b != nil {
			if u := backendURL(ing.Namespace, *b, svcs); u != nil {
				if len(ing.Spec.Rules) == 0 {
					out = append(out, route{path: "/", fallback: true, backend: u})
				}
				for h := range hosts {
					if h != "" {
						out = append(out, route{host: h, path: "/", fallback: true, backend: u})
					}
				}
			}
		}
	}
	return out
}

// backendURL is the Service's cluster DNS name and port, or nil when a named port is unknown.
func backendURL(namespace string, b networkingv1.IngressBackend, svcs corelisters.ServiceLister) *url.URL {
	if b.Service == nil {
		return nil
	}
	target := fmt.Sprintf("http://%s.%s.svc.cluster.local", b.Service.Name, namespace)
	if port := b.Service.Port.Number; port != 0 {
		target += fmt.Sprintf(":%d", port)
	} else if name := b.Service.Port.Name; name != "" {
		if svcs == nil {
			return nil
		}
		svc, err := svcs.Services(namespace).Get(b.Service.Name)
		if err != nil {
			return nil
		}
		found := false
		for _, sp := range svc.Spec.Ports {
			if sp.Name == name {
				target += fmt.Sprintf(":%d", sp.Port)
				found = true
			}
		}
		if !found {
			return nil
		}
	}
	u, err := url.Parse(target)
	if err != nil {
		return nil
	}
	return u
}

// requestHost is the Host header as nginx matches it: without the port, in lower case,
// without a trailing dot.
func requestHost(header string) string {
	host := header
	if h, _, err := net.SplitHostPort(header); err == nil {
		host = h
	}
	return strings.TrimSuffix(strings.ToLower(host), ".")
}

// server is the host whose rules serve a request, as nginx picks ingress-nginx's server
// blocks: a rule naming the host exactly, else a "*." wildcard matching its first label
// (ingress-nginx renders those as a one-label regex), else the default server "".
func server(rs []route, host string) string {
	wildcard := ""
	for _, r := range rs {
		switch {
		case r.host == "":
		case r.host == host:
			return host
		case strings.HasPrefix(r.host, "*.") && strings.HasSuffix(host, r.host[1:]) &&
			len(host) > len(r.host)-1 && !strings.Contains(strings.TrimSuffix(host, r.host[1:]), "."):
			wildcard = r.host
		}
	}
	return wildcard
}

// pick is the route for a request, or nil for ingress-nginx's default backend (a 404). Only
// the rules of the request's server count: a host that has rules of its own never falls back
// to the host-less rules, even when none of its paths match. Within the server an Exact match
// wins, then the longest Prefix, then the server's fallback (an Ingress's defaultBackend).
func pick(rs []route, host, path string) *route {
	srv := server(rs, host)
	var best, fallback *route
	for i := range rs {
		r := &rs[i]
		if r.host != srv {
			continue
		}
		if r.fallback {
			if fallback == nil {
				fallback = r
			}
			continue
		}
		if !pathMatch(*r, path) {
			continue
		}
		if best == nil || better(*r, *best) {
			best = r
		}
	}
	if best != nil {
		return best
	}
	return fallback
}

func pathMatch(r route, path string) bool {
	if r.exact {
		return path == r.path
	}
	if r.path == "/" {
		return true
	}
	p := strings.TrimSuffix(r.path, "/")
	return path == p || strings.HasPrefix(path, p+"/")
}

// better: an Exact match before any Prefix (nginx's "location ="), then the longer path; a
// tie keeps the earlier (older) route.
func better(a, b route) bool {
	if a.exact != b.exact {
		return a.exact
	}
	return len(strings.TrimSuffix(a.path, "/")) > len(strings.TrimSuffix(b.path, "/"))
}
