// Command kl-ingress is a small stand-in for ingress-nginx on machines that cannot build
// ingress-nginx's image (no container registry). It serves the Ingresses of class "nginx"
// the way ingress-nginx's server blocks do (routing.go): each host named by a rule is a
// server of its own (exact names before "*." wildcards), the host-less rules serve only the
// hosts no rule names, Exact and Prefix paths (ImplementationSpecific is treated as Prefix)
// with the longest match winning, and a request no path of its server matches gets a 404.
// It proxies each request to the backend Service's cluster DNS name, and writes its own
// Service's cluster IP into each Ingress's status. It is not ingress-nginx: annotations
// are ignored and there is no generated nginx.conf to read.
package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httputil"
	"os"
	"time"

	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
)

const class = "nginx"

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
		if rt := pick(routes(list, services.Lister()), requestHost(r.Host), r.URL.Path); rt != nil {
			proxy := httputil.NewSingleHostReverseProxy(rt.backend)
			proxy.ErrorHandler = func(w http.ResponseWriter, _ *http.Request, err error) {
				http.Error(w, "502 Bad Gateway: "+err.Error(), http.StatusBadGateway)
			}
			proxy.ServeHTTP(w, r)
			return
		}
		http.Error(w, "404 Not Found (kl-ingress: no Ingress path of class nginx matches this host and path)", http.StatusNotFound)
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
