// Command kl-netd is the pod network agent of kubelessons' locally built kind nodes. On
// each node it:
//   - writes the CNI configuration for the node's pod CIDR (ptp + host-local + portmap,
//     from Debian's containernetworking-plugins),
//   - routes every other node's pod CIDR via that node's InternalIP (all nodes share
//     Docker's network, so one hop suffices),
//   - masquerades pod traffic that leaves the pod network,
//   - enforces NetworkPolicy (ingress and egress, pod/namespace selectors, ipBlock, ports,
//     named ports) for the pods on its node with iptables, in chain KL-NETPOL off FORWARD,
//   - enforces ClusterNetworkPolicy (policy.networking.k8s.io/v1beta1, SIG Network's
//     network-policy-api v0.3.0) around it, when the API server serves that resource.
//
// ClusterNetworkPolicy, what kl-netd implements (clusterpolicy.go):
//   - tier Admin, evaluated before NetworkPolicy: policies by ascending spec.priority, ties
//     broken by name; within a policy the rules in order; the first rule that matches decides.
//     Accept: allowed, and NetworkPolicy (and Baseline) are not consulted for that direction
//     (an egress Accept does not bypass the destination's ingress policies); Deny: dropped;
//     Pass: the remaining Admin rules are skipped and NetworkPolicy decides.
//   - tier Baseline, evaluated only for a pod that no NetworkPolicy selects in that direction
//     (and only when Admin did not Accept): Deny drops, Accept and Pass let the packet on.
//   - subject: namespaces (a namespace selector) or pods (namespaceSelector + podSelector);
//     host-network pods are never subjects nor peers.
//   - peers: namespaces and pods; for egress also networks (IPv4 CIDRs: cluster pods inside
//     them match too, as the API says). nodes and domainNames (experimental channel) are not
//     implemented: such a peer fails closed as the API asks (an Accept rule does not match,
//     a Deny or Pass rule matches all traffic), and kl-netd logs it once.
//   - protocols: tcp, udp, sctp with destinationPort number or range, and
//     destinationNamedPort (resolved on the subject pod for ingress, on the peer pod for egress;
//     note that the standard-channel CRD does not keep this experimental field).
//   - like NetworkPolicy here, verdicts apply to new connections: packets of established
//     connections pass (conntrack), so a new Deny does not cut a connection already open.
//   - status conditions are not written.
//
// It watches the resource with a dynamic informer. When the API server does not serve it (no
// CRD installed, or the CRD deleted), kl-netd enforces NetworkPolicy alone and looks again
// every 30 seconds.
//
// It watches nodes, pods, namespaces, NetworkPolicies and ClusterNetworkPolicies and re-applies
// everything on any change (debounced), and every 30 seconds anyway.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/dynamic"
	"k8s.io/client-go/dynamic/dynamicinformer"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/cache"
)

func main() {
	if os.Getenv("CNI_COMMAND") != "" {
		runCNIPlugin()
		return
	}
	installPlugin()
	cniDir := flag.String("cni-conf-dir", "/etc/cni/net.d", "where the CNI configuration goes")
	flag.Parse()
	nodeName := os.Getenv("NODE_NAME")
	podSubnet := os.Getenv("POD_SUBNET")
	if nodeName == "" || podSubnet == "" {
		log.Fatal("NODE_NAME and POD_SUBNET must be set")
	}
	cfg, err := rest.InClusterConfig()
	if err != nil {
		log.Fatalf("in-cluster config: %v", err)
	}
	client := kubernetes.NewForConfigOrDie(cfg)
	factory := informers.NewSharedInformerFactory(client, 0)
	nodes := factory.Core().V1().Nodes()
	pods := factory.Core().V1().Pods()
	namespaces := factory.Core().V1().Namespaces()
	policies := factory.Networking().V1().NetworkPolicies()
	kick := make(chan struct{}, 1)
	trigger := func() {
		select {
		case kick <- struct{}{}:
		default:
		}
	}
	handler := cache.ResourceEventHandlerFuncs{
		AddFunc:    func(any) { trigger() },
		UpdateFunc: func(any, any) { trigger() },
		DeleteFunc: func(any) { trigger() },
	}
	for _, inf := range []cache.SharedIndexInformer{nodes.Informer(), pods.Informer(), namespaces.Informer(), policies.Informer()} {
		if _, err := inf.AddEventHandler(handler); err != nil {
			log.Fatal(err)
		}
	}
	ctx := context.Background()
	factory.Start(ctx.Done())
	factory.WaitForCacheSync(ctx.Done())
	log.Printf("kl-netd on node %s, pod subnet %s: caches synced", nodeName, podSubnet)
	cnps := &cnpWatch{dyn: dynamic.NewForConfigOrDie(cfg), disc: client.Discovery(), handler: handler, warned: map[string]bool{}}
	cnps.ensure(ctx)

	var lastRules, lastCNI string
	ticker := time.NewTicker(30 * time.Second)
	for {
		allNodes, _ := nodes.Lister().List(labels.Everything())
		var self *corev1.Node
		for _, n := range allNodes {
			if n.Name == nodeName {
				self = n
			}
		}
		if self == nil || self.Spec.PodCIDR == "" {
			log.Printf("node %s has no pod CIDR yet", nodeName)
		} else {
			if cni := cniConfig(self.Spec.PodCIDR); cni != lastCNI {
				if err := writeFileAtomic(*cniDir+"/10-kubelessons.conflist", cni); err != nil {
					log.Printf("writing CNI config: %v", err)
				} else {
					lastCNI = cni
					log.Printf("CNI config written for %s", self.Spec.PodCIDR)
				}
			}
			syncRoutes(allNodes, nodeName)
			if err := ensureMasquerade(podSubnet); err != nil {
				log.Printf("masquerade: %v", err)
			}
		}
		allPods, _ := pods.Lister().List(labels.Everything())
		allNS, _ := namespaces.Lister().List(labels.Everything())
		allPolicies, _ := policies.Lister().List(labels.Everything())
		cnps.ensure(ctx)
		allCNPs := cnps.list()
		recorded, waiting := recordedPodIPs()
		rules := policyRules(nodeName, withRecordedIPs(allPods, recorded, nodeName), allNS, allPolicies, allCNPs)
		applied := rules == lastRules
		if !applied {
			if err := applyPolicyRules(rules); err != nil {
				log.Printf("network policy rules: %v", err)
			} else {
				applied = true
				lastRules = rules
				log.Printf("network policy rules applied (%d lines)", strings.Count(rules, "\n"))
			}
		}
		if applied {
			markReady(waiting, allPods, recorded)
		}
		select {
		case <-pollRecords(waiting):
		case <-kick:
			time.Sleep(200 * time.Millisecond) // let a burst of events settle
			select {
			case <-kick:
			default:
			}
		case <-ticker.C:
			lastRules = "" // re-apply: someone may have flushed the tables
		}
	}
}

// cnpGVR is ClusterNetworkPolicy's resource (SIG Network's network-policy-api, standard channel).
var cnpGVR = schema.GroupVersionResource{Group: "policy.networking.k8s.io", Version: "v1beta1", Resource: "clusternetworkpolicies"}

// cnpWatch watches ClusterNetworkPolicies once the API server serves them.
type cnpWatch struct {
	dyn       dynamic.Interface
	disc      discovery.DiscoveryInterface
	handler   cache.ResourceEventHandler
	informer  cache.SharedIndexInformer // nil while the resource is not served
	stop      context.CancelFunc        // stops informer
	lastCheck time.Time
	said      string          // the last thing logged about the resource being served
	warned    map[string]bool // cnpWarnings already logged
}

// ensure follows whether the API server serves the resource (asked at most every 30 s): it
// starts the informer when it does and waits (up to 30 s) for its first list, so that a
// restarted kl-netd does not open a fence for a moment by applying rules without the
// ClusterNetworkPolicies; it stops the informer when the resource is gone (CRD deleted). An
// error other than "not found" (API server unreachable) changes nothing.
func (w *cnpWatch) ensure(ctx context.Context) {
	if time.Since(w.lastCheck) < 30*time.Second {
		return
	}
	w.lastCheck = time.Now()
	served := false
	list, err := w.disc.ServerResourcesForGroupVersion(cnpGVR.GroupVersion().String())
	switch {
	case err == nil:
		for _, r := range list.APIResources {
			served = served || r.Name == cnpGVR.Resource
		}
	case !apierrors.IsNotFound(err):
		log.Printf("ClusterNetworkPolicy (%s): discovery failed, keeping the current state: %v", cnpGVR.GroupVersion(), err)
		return
	}
	if !served {
		if w.informer != nil {
			w.stop()
			w.informer, w.stop = nil, nil
		}
		msg := fmt.Sprintf("ClusterNetworkPolicy (%s) is not served by this cluster: enforcing NetworkPolicy alone, looking again every 30 s", cnpGVR.GroupVersion())
		if msg != w.said {
			log.Print(msg)
			w.said = msg
		}
		return
	}
	if w.informer != nil {
		return
	}
	inf := dynamicinformer.NewFilteredDynamicInformer(w.dyn, cnpGVR, "", 0, cache.Indexers{}, nil).Informer()
	if _, err := inf.AddEventHandler(w.handler); err != nil {
		log.Printf("ClusterNetworkPolicy informer: %v", err)
		return
	}
	run, stop := context.WithCancel(ctx)
	go inf.Run(run.Done())
	wait, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if cache.WaitForCacheSync(wait.Done(), inf.HasSynced) {
		w.said = fmt.Sprintf("ClusterNetworkPolicy (%s): watching, cache synced", cnpGVR.GroupVersion())
	} else {
		w.said = fmt.Sprintf("ClusterNetworkPolicy (%s): watching, but the first list did not complete in 30 s (RBAC?); enforcing what arrives", cnpGVR.GroupVersion())
	}
	log.Print(w.said)
	w.informer, w.stop = inf, stop
}

// list converts the cached ClusterNetworkPolicies; it logs (once each) those it cannot read
// and what kl-netd does not implement in the others.
func (w *cnpWatch) list() []*clusterNetworkPolicy {
	if w.informer == nil {
		return nil
	}
	var out []*clusterNetworkPolicy
	for _, obj := range w.informer.GetStore().List() {
		u, ok := obj.(*unstructured.Unstructured)
		if !ok {
			continue
		}
		var p clusterNetworkPolicy
		if err := runtime.DefaultUnstructuredConverter.FromUnstructured(u.UnstructuredContent(), &p); err != nil {
			w.warnOnce(fmt.Sprintf("ClusterNetworkPolicy %s (resourceVersion %s) cannot be read, ignored: %v", u.GetName(), u.GetResourceVersion(), err))
			continue
		}
		out = append(out, &p)
	}
	for _, msg := range cnpWarnings(out) {
		w.warnOnce(msg)
	}
	return out
}

func (w *cnpWatch) warnOnce(msg string) {
	if !w.warned[msg] {
		w.warned[msg] = true
		log.Print(msg)
	}
}

// installPlugin copies this binary into the node's CNI plugin folder as "kl-netd".
func installPlugin() {
	self, err := os.Executable()
	if err != nil {
		log.Fatalf("locating myself: %v", err)
	}
	data, err := os.ReadFile(self)
	if err != nil {
		log.Fatalf("reading %s: %v", self, err)
	}
	dst := "/opt/cni/bin/kl-netd"
	if err := os.WriteFile(dst+".tmp", data, 0o755); err != nil {
		log.Fatalf("installing the CNI plugin: %v", err)
	}
	if err := os.Rename(dst+".tmp", dst); err != nil {
		log.Fatalf("installing the CNI plugin: %v", err)
	}
}

// withRecordedIPs gives local pods whose IP the API does not show yet the IP the CNI plugin recorded.
func withRecordedIPs(pods []*corev1.Pod, recorded map[string]string, node string) []*corev1.Pod {
	out := make([]*corev1.Pod, 0, len(pods))
	for _, p := range pods {
		if p.Status.PodIP == "" && p.Spec.NodeName == node {
			if ip, ok := recorded[p.Namespace+"/"+p.Name]; ok {
				c := p.DeepCopy()
				c.Status.PodIP = ip
				if c.Status.Phase == "" {
					c.Status.Phase = corev1.PodPending
				}
				out = append(out, c)
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// markReady releases the CNI plugin for every waiting IP whose pod the rules just applied included.
func markReady(waiting []string, pods []*corev1.Pod, recorded map[string]string) {
	known := map[string]bool{}
	for _, p := range pods {
		known[p.Namespace+"/"+p.Name] = true
	}
	byIP := map[string]string{}
	for pod, ip := range recorded {
		byIP[ip] = pod
	}
	for _, ip := range waiting {
		if known[byIP[ip]] {
			_ = os.WriteFile(podIPDir+"/"+ip+".ready", nil, 0o644)
		}
	}
}

// pollRecords fires soon when the CNI plugin has recorded a new pod IP (or one still waits).
func pollRecords(waiting []string) <-chan time.Time {
	if len(waiting) > 0 {
		return time.After(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(podIPDir)
	n := len(entries)
	ch := make(chan time.Time, 1)
	go func() {
		for i := 0; i < 300; i++ { // 30 s, then the main loop polls again
			time.Sleep(100 * time.Millisecond)
			if e, _ := os.ReadDir(podIPDir); len(e) != n {
				ch <- time.Now()
				return
			}
		}
	}()
	return ch
}

func cniConfig(podCIDR string) string {
	return fmt.Sprintf(`{
  "cniVersion": "0.4.0",
  "name": "kubelessons",
  "plugins": [
    {
      "type": "ptp",
      "ipMasq": false,
      "mtu": 1500,
      "ipam": {
        "type": "host-local",
        "dataDir": "/run/cni-ipam-state",
        "routes": [{"dst": "0.0.0.0/0"}],
        "ranges": [[{"subnet": %q}]]
      }
    },
    {"type": "portmap", "capabilities": {"portMappings": true}},
    {"type": "kl-netd"}
  ]
}
`, podCIDR)
}

func writeFileAtomic(path, content string) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func syncRoutes(allNodes []*corev1.Node, self string) {
	for _, n := range allNodes {
		if n.Name == self || n.Spec.PodCIDR == "" {
			continue
		}
		ip := ""
		for _, a := range n.Status.Addresses {
			if a.Type == corev1.NodeInternalIP && !strings.Contains(a.Address, ":") {
				ip = a.Address
			}
		}
		if ip == "" {
			continue
		}
		if out, err := exec.Command("ip", "route", "replace", n.Spec.PodCIDR, "via", ip).CombinedOutput(); err != nil {
			log.Printf("route %s via %s: %v: %s", n.Spec.PodCIDR, ip, err, out)
		}
	}
}

func ensureMasquerade(podSubnet string) error {
	run := func(args ...string) error {
		out, err := exec.Command("iptables", append([]string{"-w", "5"}, args...)...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("iptables %s: %v: %s", strings.Join(args, " "), err, out)
		}
		return nil
	}
	if exec.Command("iptables", "-w", "5", "-t", "nat", "-C", "POSTROUTING", "-j", "KL-MASQ").Run() == nil {
		return nil
	}
	_ = run("-t", "nat", "-N", "KL-MASQ")
	if err := run("-t", "nat", "-F", "KL-MASQ"); err != nil {
		return err
	}
	if err := run("-t", "nat", "-A", "KL-MASQ", "-d", podSubnet, "-j", "RETURN"); err != nil {
		return err
	}
	if err := run("-t", "nat", "-A", "KL-MASQ", "-s", podSubnet, "-m", "addrtype", "!", "--dst-type", "LOCAL", "-j", "MASQUERADE"); err != nil {
		return err
	}
	return run("-t", "nat", "-A", "POSTROUTING", "-m", "comment", "--comment", "kl-netd: masquerade pod traffic leaving the pod network", "-j", "KL-MASQ")
}
