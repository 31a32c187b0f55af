package main

import (
	"testing"
	"time"

	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// path is "<pathType> <path> <service>", e.g. "Prefix /api/ shop-api".
type rule struct {
	host  string
	paths [][3]string
}

func ingress(name string, age int, rules ...rule) *networkingv1.Ingress {
	cls := class
	ing := &networkingv1.Ingress{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "kl-06",
			CreationTimestamp: metav1.NewTime(time.Unix(1_700_000_000-int64(age), 0))},
		Spec: networkingv1.IngressSpec{IngressClassName: &cls},
	}
	for _, r := range rules {
		ir := networkingv1.IngressRule{Host: r.host, IngressRuleValue: networkingv1.IngressRuleValue{HTTP: &networkingv1.HTTPIngressRuleValue{}}}
		for _, p := range r.paths {
			pt := networkingv1.PathType(p[0])
			ir.HTTP.Paths = append(ir.HTTP.Paths, networkingv1.HTTPIngressPath{Path: p[1], PathType: &pt, Backend: service(p[2])})
		}
		ing.Spec.Rules = append(ing.Spec.Rules, ir)
	}
	return ing
}

func service(name string) networkingv1.IngressBackend {
	return networkingv1.IngressBackend{Service: &networkingv1.IngressServiceBackend{Name: name, Port: networkingv1.ServiceBackendPort{Number: 80}}}
}

// to is the Service a request reaches, or "404".
func to(t *testing.T, list []*networkingv1.Ingress, host, path string) string {
	t.Helper()
	r := pick(routes(list, nil), requestHost(host), path)
	if r == nil {
		return "404"
	}
	return r.backend.Hostname()[:len(r.backend.Hostname())-len(".kl-06.svc.cluster.local")]
}

func expect(t *testing.T, list []*networkingv1.Ingress, host, path, want string) {
	t.Helper()
	if got := to(t, list, host, path); got != want {
		t.Errorf("%s %s: got %s, want %s", host, path, got, want)
	}
}

// Lesson 06's last step: a host with rules of its own gets only those, as ingress-nginx's
// server block for it does; a path none of them matches is a 404, not the host-less rules.
func TestAHostWithRulesDoesNotFallBackToTheHostlessRules(t *testing.T) {
	shop := ingress("shop", 1,
		rule{host: "api.shop.localtest.me", paths: [][3]string{{"Prefix", "/api/", "shop-api"}}},
		rule{paths: [][3]string{{"Prefix", "/api/", "shop-api"}, {"Prefix", "/", "shop-web"}}})
	list := []*networkingv1.Ingress{shop}
	expect(t, list, "api.shop.localtest.me", "/api/", "shop-api")
	expect(t, list, "api.shop.localtest.me", "/api/items", "shop-api")
	expect(t, list, "api.shop.localtest.me", "/", "404")
	expect(t, list, "api.shop.localtest.me", "/apiary", "404")
	expect(t, list, "API.Shop.localtest.me:80", "/", "404")
	expect(t, list, "ingress-nginx-controller.ingress-nginx.svc.cluster.local", "/", "shop-web")
	expect(t, list, "other.example", "/api/x", "shop-api")
}

func TestHostlessRulesServeHostsNoRuleNames(t *testing.T) {
	list := []*networkingv1.Ingress{ingress("shop", 1, rule{paths: [][3]string{{"Prefix", "/", "shop-web"}}})}
	expect(t, list, "api.shop.localtest.me", "/", "shop-web")
	expect(t, list, "10.96.0.7", "/anything", "shop-web")
	expect(t, []*networkingv1.Ingress{ingress("api", 1, rule{host: "api.example", paths: [][3]string{{"Prefix", "/", "a"}}})},
		"web.example", "/", "404")
	expect(t, nil, "web.example", "/", "404")
}

func TestExactHostBeatsWildcardAndWildcardsMatchOneLabel(t *testing.T) {
	sub := ingress("subdomains", 2, rule{host: "*.shop.localtest.me", paths: [][3]string{{"Prefix", "/", "shop-web"}}})
	list := []*networkingv1.Ingress{sub, ingress("hostless", 3, rule{paths: [][3]string{{"Prefix", "/api/", "shop-api"}}})}
	expect(t, list, "www.shop.localtest.me", "/", "shop-web")
	// the wildcard's server has no /api/ path, and does not borrow the host-less one
	expect(t, list, "api.shop.localtest.me", "/api/", "shop-web")
	expect(t, list, "a.b.shop.localtest.me", "/api/", "shop-api")
	expect(t, list, "shop.localtest.me", "/api/", "shop-api")

	list = append(list, ingress("shop", 1, rule{host: "api.shop.localtest.me", paths: [][3]string{{"Prefix", "/api/", "shop-api"}}}))
	expect(t, list, "api.shop.localtest.me", "/api/", "shop-api")
	expect(t, list, "api.shop.localtest.me", "/", "404")
	expect(t, list, "www.shop.localtest.me", "/", "shop-web")
}

func TestRulesOfOneHostMergeAcrossIngresses(t *testing.T) {
	list := []*networkingv1.Ingress{
		ingress("newer", 1, rule{host: "a.example", paths: [][3]string{{"Prefix", "/", "new"}, {"Prefix", "/b/", "b"}}}),
		ingress("older", 5, rule{host: "a.example", paths: [][3]string{{"Prefix", "/", "old"}}}),
	}
	expect(t, list, "a.example", "/b/c", "b")
	expect(t, list, "a.example", "/x", "old")
}

func TestPathTypes(t *testing.T) {
	list := []*networkingv1.Ingress{ingress("p", 1, rule{paths: [][3]string{
		{"Exact", "/api", "exact"}, {"Prefix", "/api/", "prefix"}, {"ImplementationSpecific", "/docs", "docs"}}})}
	expect(t, list, "h", "/api", "exact")
	expect(t, list, "h", "/api/", "prefix")
	expect(t, list, "h", "/api/v1", "prefix")
	expect(t, list, "h", "/docs/x", "docs")
	expect(t, list, "h", "/docsx", "404")
	expect(t, list, "h", "/", "404")
}

func TestDefaultBackendAnswersForTheIngressHosts(t *testing.T) {
	withDefault := ingress("d", 1, rule{host: "a.example", paths: [][3]string{{"Prefix", "/api/", "api"}}})
	b := service("fallback")
	withDefault.Spec.DefaultBackend = &b
	list := []*networkingv1.Ingress{withDefault}
	expect(t, list, "a.example", "/api/x", "api")
	expect(t, list, "a.example", "/", "fallback")
	expect(t, list, "b.example", "/", "404")

	catchAll := ingress("all", 2)
	catchAll.Spec.DefaultBackend = &b
	expect(t, []*networkingv1.Ingress{catchAll}, "b.example", "/x", "fallback")
}

func TestOtherClassesAreIgnored(t *testing.T) {
	other := ingress("other", 1, rule{paths: [][3]string{{"Prefix", "/", "web"}}})
	traefik := "traefik"
	other.Spec.IngressClassName = &traefik
	expect(t, []*networkingv1.Ingress{other}, "h", "/", "404")
}
