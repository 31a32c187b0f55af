// Command kl-ingress is a small stand-in for ingress-nginx on machines that cannot build
// ingress-nginx's image (no container registry). It serves the Ingresses of class "nginx":
// host rules (exact and "*." wildcards), Exact and Prefix paths (ImplementationSpecific is
// treated as Prefix), the longest matching path winning, a default backend of the host-less
// rules; it proxies each request to the backend Service's cluster DNS name, and writes its
// own Service's cluster IP into each Ingress's status. It is not ingress-nginx: annotations
// are ignored and there is no generated nginx.conf to read.
package main

import (
	"context"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"

	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	corelisters "k8s.io/client-go/listers/core/v1"
	"k8s.io/client-go/rest"
)

const class = "nginx"

type route struct {
	host, path string
	exact      bool
	backend    *url.URL
}

func main() {
	cfg, err := rest.InClusterConfig()
	if err != nil {
		log.Fatal(err)
	}
	client := kubernetes.NewForConfigOrDie(cfg)
	factory := informers.NewSharedInformerFactory(client, 0)
	ingresses := factory.Networking().V1().Ingresses()
	ingresses.Informer()
	services := factory.Core().V1().Services()
	services.Informer()
	ctx := context.Background()
	factory.Start(ctx.Done())
	factory.WaitForCacheSync(ctx.Done())
	statusIP := os.Getenv("STATUS_IP")
	go func() {
		for range time.Tick(2 * time.Second) {
			list, _ := ingresses.Lister().List(labels.Everything())
			for _, ing := range list {
				if !ours(ing) || statusIP == "" {
					continue
				}
				lb := ing.Status.LoadBalancer.Ingress
				if len(lb) == 1 && lb[0].IP == statusIP {
					continue
				}
				c := ing.DeepCopy()
				c.Status.LoadBalancer.Ingress = []networkingv1.IngressLoadBalancerIngress{{IP: statusIP}}
				if _, err := client.NetworkingV1().Ingresses(c.Namespace).UpdateStatus(ctx, c, metav1.UpdateOptions{}); err != nil {
					log.Printf("status of %s/%s: %v", c.Namespace, c.Name, err)
				}
			}
		}
	}()
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		list, _ := ingresses.Lister().List(labels.Everything())
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		if rt := pick(routes(list, services.Lister()), host, r.URL.Path); rt != nil {
			proxy := httputil.NewSingleHostReverseProxy(rt.backend)
			proxy.ErrorHandler = func(w http.ResponseWriter, _ *http.Request, err error) {
				http.Error(w, "502 Bad Gateway: "+err.Error(), http.StatusBadGateway)
			}
			proxy.ServeHTTP(w, r)
			return
		}
		http.Error(w, "404 Not Found (kl-ingress: no Ingress of class nginx matches)", http.StatusNotFound)
	})
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	go func() { log.Fatal(http.ListenAndServe(":10254", mux)) }()
	log.Printf("kl-ingress serving Ingresses of class %q on :80", class)
	log.Fatal(http.ListenAndServe(":80", handler))
}

func ours(ing *networkingv1.Ingress) bool {
	if ing.Spec.IngressClassName != nil {
		return *ing.Spec.IngressClassName == class
	}
	return ing.Annotations["kubernetes.io/ingress.class"] == class
}

func routes(list []*networkingv1.Ingress, svcs corelisters.ServiceLister) []route {
	var out []route
	for _, ing := range list {
		if !ours(ing) {
			continue
		}
		for _, rule := range ing.Spec.Rules {
			if rule.HTTP == nil {
				continue
			}
			for _, p := range rule.HTTP.Paths {
				if p.Backend.Service == nil {
					continue
				}
				port := p.Backend.Service.Port.Number
				target := fmt.Sprintf("http://%s.%s.svc.cluster.local", p.Backend.Service.Name, ing.Namespace)
				if port != 0 {
					target += fmt.Sprintf(":%d", port)
				} else if name := p.Backend.Service.Port.Name; name != "" {
					svc, err := svcs.Services(ing.Namespace).Get(p.Backend.Service.Name)
					if err != nil {
						continue
					}
					found := false
					for _, sp := range svc.Spec.Ports {
						if sp.Name == name {
							target += fmt.Sprintf(":%d", sp.Port)
							found = true
						}
					}
					if !found {
						continue
					}
				}
				u, err := url.Parse(target)
				if err != nil {
					continue
				}
				path := p.Path
				if path == "" {
					path = "/"
				}
				out = append(out, route{host: rule.Host, path: path, exact: p.PathType != nil && *p.PathType == networkingv1.PathTypeExact, backend: u})
			}
		}
		if b := ing.Spec.DefaultBackend; b != nil && b.Service != nil {
			u, _ := url.Parse(fmt.Sprintf("http://%s.%s.svc.cluster.local:%d", b.Service.Name, ing.Namespace, b.Service.Port.Number))
			out = append(out, route{path: "/", backend: u})
		}
	}
	return out
}

// pick: rules of the request's host first (exact host, then wildcard), then host-less rules;
// within them the longest matching path, an Exact match before a Prefix match of the same length.
func pick(rs []route, host, path string) *route {
	hostMatch := func(r route) int {
		switch {
		case r.host == "":
			return 1
		case r.host == host:
			return 3
		case strings.HasPrefix(r.host, "*.") && strings.HasSuffix(host, r.host[1:]) && !strings.Contains(strings.TrimSuffix(host, r.host[1:]), "."):
			return 2
		}
		return 0
	}
	pathMatch := func(r route) bool {
		if r.exact {
			return path == r.path
		}
		if r.path == "/" {
			return true
		}
		p := strings.TrimSuffix(r.path, "/")
		return path == p || strings.HasPrefix(path, p+"/")
	}
	var cands []route
	for _, r := range rs {
		if hostMatch(r) > 0 && pathMatch(r) {
			cands = append(cands, r)
		}
	}
	if len(cands) == 0 {
		return nil
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if hostMatch(a) != hostMatch(b) {
			return hostMatch(a) > hostMatch(b)
		}
		if len(a.path) != len(b.path) {
			return len(a.path) > len(b.path)
		}
		return a.exact && !b.exact
	})
	return &cands[0]
}
