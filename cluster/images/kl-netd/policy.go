package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os/exec"
	"sort"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// allowMark is the packet mark bit a per-pod chain sets when some rule admits the packet
// (kube-proxy uses 0x4000 and 0x8000).
const allowMark = "0x40000/0x40000"

type chain struct {
	name  string
	rules []string
}

// policyRules renders the filter-table chains for the pods on this node as
// iptables-restore input (without the table header).
func policyRules(node string, pods []*corev1.Pod, nss []*corev1.Namespace, policies []*networkingv1.NetworkPolicy, cnps []*clusterNetworkPolicy) string {
	nsLabels := map[string]labels.Set{}
	for _, ns := range nss {
		nsLabels[ns.Name] = labels.Set(ns.Labels)
	}
	var live []*corev1.Pod
	for _, p := range pods {
		if p.Status.PodIP == "" || p.Spec.HostNetwork || p.Status.Phase == corev1.PodSucceeded || p.Status.Phase == corev1.PodFailed {
			continue
		}
		live = append(live, p)
	}
	sort.Slice(live, func(i, j int) bool { return live[i].Namespace+"/"+live[i].Name < live[j].Namespace+"/"+live[j].Name })
	sort.Slice(policies, func(i, j int) bool {
		return policies[i].Namespace+"/"+policies[i].Name < policies[j].Namespace+"/"+policies[j].Name
	})

	top := chain{name: "KL-NETPOL"}
	top.rules = append(top.rules, "-m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT")
	var chains []chain
	cnp := newCNPRenderer(cnps, live, nsLabels, &chains) // ClusterNetworkPolicy: clusterpolicy.go
	for _, pod := range live {
		if pod.Spec.NodeName != node {
			continue
		}
		var ingress, egress []*networkingv1.NetworkPolicy
		for _, pol := range policies {
			if pol.Namespace != pod.Namespace || !selects(pol.Spec.PodSelector, pod.Labels) {
				continue
			}
			if hasType(pol, networkingv1.PolicyTypeIngress) {
				ingress = append(ingress, pol)
			}
			if hasType(pol, networkingv1.PolicyTypeEgress) {
				egress = append(egress, pol)
			}
		}
		id := shortHash(pod.Namespace + "/" + pod.Name + "/" + string(pod.UID))
		var egressRules, ingressRules []npRule
		for _, pol := range egress {
			for _, r := range pol.Spec.Egress {
				egressRules = append(egressRules, npRule{pol.Namespace, r.To, r.Ports})
			}
		}
		for _, pol := range ingress {
			for _, r := range pol.Spec.Ingress {
				ingressRules = append(ingressRules, npRule{pol.Namespace, r.From, r.Ports})
			}
		}
		// egress: match destinations, named ports on each peer; ingress: match sources, named ports on this pod
		npEgress := npChain(&chains, "KL-E-"+id, "-d", len(egress) > 0, egressRules, nil, "egress of "+pod.Namespace+"/"+pod.Name, live, nsLabels)
		npIngress := npChain(&chains, "KL-I-"+id, "-s", len(ingress) > 0, ingressRules, pod, "ingress to "+pod.Namespace+"/"+pod.Name, live, nsLabels)
		// the Admin tier, then the NetworkPolicy chain (or the Baseline tier) for each direction
		top.rules = append(top.rules, cnp.hook(pod, true, "-s "+pod.Status.PodIP+"/32", npEgress)...)
		top.rules = append(top.rules, cnp.hook(pod, false, "-d "+pod.Status.PodIP+"/32", npIngress)...)
	}
	var b bytes.Buffer
	all := append([]chain{top}, chains...)
	for _, c := range all {
		fmt.Fprintf(&b, ":%s - [0:0]\n", c.name)
	}
	for _, c := range all {
		for _, r := range c.rules {
			fmt.Fprintf(&b, "-A %s %s\n", c.name, r)
		}
	}
	return b.String()
}

// npRule is one egress or ingress rule of a NetworkPolicy, with the namespace its peers default to.
type npRule struct {
	ns    string
	peers []networkingv1.NetworkPolicyPeer
	ports []networkingv1.NetworkPolicyPort
}

// npChain renders the chain that drops what no rule of the pod's NetworkPolicies admits in one
// direction, and returns its name; "" when no policy isolates the pod in that direction (isolated).
func npChain(chains *[]chain, name, dir string, isolated bool, rules []npRule, target *corev1.Pod, what string,
	pods []*corev1.Pod, nsLabels map[string]labels.Set) string {
	if !isolated {
		return ""
	}
	c := chain{name: name}
	c.rules = append(c.rules, "-j MARK --set-xmark 0x0/0x40000")
	for _, r := range rules {
		c.rules = append(c.rules, peerRules(chains, c.name, dir, r.ns, r.peers, r.ports, target, pods, nsLabels)...)
	}
	c.rules = append(c.rules, fmt.Sprintf("-m mark ! --mark %s -m comment --comment \"%s not allowed\" -j DROP", allowMark, what))
	c.rules = append(c.rules, "-j MARK --set-xmark 0x0/0x40000")
	*chains = append(*chains, c)
	return c.name
}

// peerRules admits (sets allowMark for) the traffic of one rule. dir is "-s" for ingress
// (match the source) and "-d" for egress. target is the pod the ingress rule protects, for
// named ports; for egress the named port is looked up on each peer pod.
func peerRules(chains *[]chain, owner, dir, ns string, peers []networkingv1.NetworkPolicyPeer, ports []networkingv1.NetworkPolicyPort,
	target *corev1.Pod, pods []*corev1.Pod, nsLabels map[string]labels.Set) []string {
	type addr struct {
		match string
		pod   *corev1.Pod
	}
	var addrs []addr
	if len(peers) == 0 {
		addrs = append(addrs, addr{match: ""})
	}
	for _, peer := range peers {
		if peer.IPBlock != nil {
			if len(peer.IPBlock.Except) == 0 {
				addrs = append(addrs, addr{match: dir + " " + peer.IPBlock.CIDR})
				continue
			}
			sub := chain{name: fmt.Sprintf("%s-B%d", owner, len(*chains))}
			for _, ex := range peer.IPBlock.Except {
				sub.rules = append(sub.rules, dir+" "+ex+" -j RETURN")
			}
			sub.rules = append(sub.rules, "-j MARK --set-xmark "+allowMark)
			*chains = append(*chains, sub)
			addrs = append(addrs, addr{match: dir + " " + peer.IPBlock.CIDR + " -g " + sub.name})
			continue
		}
		for _, p := range pods {
			inNS := false
			if peer.NamespaceSelector != nil {
				inNS = selects(*peer.NamespaceSelector, nsLabels[p.Namespace])
			} else {
				inNS = p.Namespace == ns
			}
			if !inNS {
				continue
			}
			if peer.PodSelector != nil && !selects(*peer.PodSelector, p.Labels) {
				continue
			}
			addrs = append(addrs, addr{match: dir + " " + p.Status.PodIP + "/32", pod: p})
		}
	}
	var out []string
	for _, a := range addrs {
		portPod := target
		if portPod == nil {
			portPod = a.pod
		}
		for _, pm := range portMatches(ports, portPod) {
			rule := strings.TrimSpace(a.match + " " + pm)
			if strings.Contains(rule, " -g ") {
				// the jump must come last: move the port match before it
				parts := strings.SplitN(a.match, " -g ", 2)
				rule = strings.TrimSpace(parts[0] + " " + pm + " -g " + parts[1])
				out = append(out, rule)
				continue
			}
			out = append(out, rule+" -j MARK --set-xmark "+allowMark)
		}
	}
	return out
}

// portMatches renders the port part of a rule: one entry per port, or one empty entry for
// "all ports". A named port that the pod does not define matches nothing.
func portMatches(ports []networkingv1.NetworkPolicyPort, pod *corev1.Pod) []string {
	if len(ports) == 0 {
		return []string{""}
	}
	var out []string
	for _, p := range ports {
		proto := "tcp"
		if p.Protocol != nil {
			proto = strings.ToLower(string(*p.Protocol))
		}
		if p.Port == nil {
			out = append(out, "-p "+proto)
			continue
		}
		num := 0
		if p.Port.Type == intstr.Int {
			num = int(p.Port.IntVal)
		} else if pod != nil {
			for _, c := range pod.Spec.Containers {
				for _, cp := range c.Ports {
					if cp.Name == p.Port.StrVal && strings.EqualFold(string(cp.Protocol), proto) || cp.Name == p.Port.StrVal && cp.Protocol == "" && proto == "tcp" {
						num = int(cp.ContainerPort)
					}
				}
			}
		}
		if num == 0 {
			continue
		}
		m := "-p " + proto + " --dport " + strconv.Itoa(num)
		if p.EndPort != nil {
			m += ":" + strconv.Itoa(int(*p.EndPort))
		}
		out = append(out, m)
	}
	return out
}

func selects(sel metav1.LabelSelector, set labels.Set) bool {
	s, err := metav1.LabelSelectorAsSelector(&sel)
	if err != nil {
		return false
	}
	return s.Matches(set)
}

func hasType(pol *networkingv1.NetworkPolicy, t networkingv1.PolicyType) bool {
	if len(pol.Spec.PolicyTypes) == 0 {
		return t == networkingv1.PolicyTypeIngress || len(pol.Spec.Egress) > 0
	}
	for _, pt := range pol.Spec.PolicyTypes {
		if pt == t {
			return true
		}
	}
	return false
}

func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return strings.ToUpper(hex.EncodeToString(h[:]))[:12]
}

// applyPolicyRules replaces the KL- chains of the filter table in one iptables-restore
// transaction, removes chains no longer wanted, and hooks KL-NETPOL first into FORWARD.
func applyPolicyRules(rules string) error {
	saved, err := exec.Command("iptables-save", "-t", "filter").Output()
	if err != nil {
		return fmt.Errorf("iptables-save: %v", err)
	}
	wanted := map[string]bool{}
	for _, line := range strings.Split(rules, "\n") {
		if strings.HasPrefix(line, ":") {
			wanted[strings.Fields(line[1:])[0]] = true
		}
	}
	var stale []string
	for _, line := range strings.Split(string(saved), "\n") {
		if strings.HasPrefix(line, ":KL-") {
			name := strings.Fields(line[1:])[0]
			if !wanted[name] {
				stale = append(stale, name)
			}
		}
	}
	var b strings.Builder
	b.WriteString("*filter\n")
	for _, s := range stale {
		fmt.Fprintf(&b, ":%s - [0:0]\n", s)
	}
	b.WriteString(rules)
	for _, s := range stale {
		fmt.Fprintf(&b, "-X %s\n", s)
	}
	b.WriteString("COMMIT\n")
	cmd := exec.Command("iptables-restore", "-w", "5", "--noflush")
	cmd.Stdin = strings.NewReader(b.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("iptables-restore: %v: %s\ninput:\n%s", err, out, b.String())
	}
	if exec.Command("iptables", "-w", "5", "-C", "FORWARD", "-j", "KL-NETPOL").Run() != nil {
		if out, err := exec.Command("iptables", "-w", "5", "-I", "FORWARD", "1", "-j", "KL-NETPOL").CombinedOutput(); err != nil {
			return fmt.Errorf("hooking KL-NETPOL into FORWARD: %v: %s", err, out)
		}
	}
	return nil
}
