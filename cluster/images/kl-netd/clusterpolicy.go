package main

// ClusterNetworkPolicy (SIG Network's network-policy-api, policy.networking.k8s.io/v1beta1)
// rendered to iptables. The types below are the subset of sigs.k8s.io/network-policy-api
// v0.3.0's apis/v1beta1 that kl-netd reads, with the same JSON names; importing that module
// instead would raise this module's go directive to 1.26.6 and its k8s.io modules to v0.36.
//
// Per local pod and direction, KL-NETPOL runs (see cnpRenderer.hook):
//
//	-s POD -j KL-AE-<hash>                                   Admin tier (when a policy selects the pod)
//	-s POD -m mark ! --mark 0x80000/0x80000 -j KL-E-<hash>   NetworkPolicy tier, unless Admin accepted
//	  (or ... -j KL-BE-<hash>: Baseline tier, when no NetworkPolicy selects the pod this way)
//	-s POD -j MARK --set-xmark 0x0/0x80000
//
// (-d POD, KL-AI-, KL-I-, KL-BI- for ingress). In an Admin chain the policies come by
// ascending priority, then name, and each policy's rules in their order, so the first rule
// that matches decides: Deny drops, Pass returns to KL-NETPOL (NetworkPolicy decides next),
// Accept jumps (goto) to KL-CNP-ACCEPT, which sets the accept bit 0x80000 and so returns to
// KL-NETPOL with the NetworkPolicy and Baseline tiers skipped for that direction. A Baseline
// chain drops on Deny and returns on Accept or Pass (the default then lets the packet on).
// Chains are named after a hash of their rules, so pods that the same policies select the
// same way share one chain.

import (
	"fmt"
	"net"
	"sort"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
)

// adminAcceptMark is the packet mark bit an Admin-tier Accept sets for the rest of KL-NETPOL's
// handling of one direction (allowMark is 0x40000; kube-proxy uses 0x4000 and 0x8000).
const adminAcceptMark = "0x80000/0x80000"

// adminAcceptChain sets adminAcceptMark; Admin chains reach it with -g so that it returns to KL-NETPOL.
const adminAcceptChain = "KL-CNP-ACCEPT"

type clusterNetworkPolicy struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              cnpSpec `json:"spec"`
}

type cnpSpec struct {
	Tier     string           `json:"tier"` // Admin or Baseline
	Priority int32            `json:"priority"`
	Subject  cnpSubject       `json:"subject"`
	Ingress  []cnpIngressRule `json:"ingress,omitempty"`
	Egress   []cnpEgressRule  `json:"egress,omitempty"`
}

type cnpSubject struct {
	Namespaces *metav1.LabelSelector `json:"namespaces,omitempty"`
	Pods       *cnpNamespacedPod     `json:"pods,omitempty"`
}

type cnpNamespacedPod struct {
	NamespaceSelector metav1.LabelSelector `json:"namespaceSelector"`
	PodSelector       metav1.LabelSelector `json:"podSelector"`
}

type cnpIngressRule struct {
	Name      string        `json:"name,omitempty"`
	Action    string        `json:"action"` // Accept, Deny or Pass
	From      []cnpPeer     `json:"from"`
	Protocols []cnpProtocol `json:"protocols,omitempty"`
}

type cnpEgressRule struct {
	Name      string        `json:"name,omitempty"`
	Action    string        `json:"action"`
	To        []cnpPeer     `json:"to"`
	Protocols []cnpProtocol `json:"protocols,omitempty"`
}

// cnpPeer is both ClusterNetworkPolicyIngressPeer and ClusterNetworkPolicyEgressPeer.
// Nodes and DomainNames (experimental channel) are read only to say that they are not supported.
type cnpPeer struct {
	Namespaces  *metav1.LabelSelector `json:"namespaces,omitempty"`
	Pods        *cnpNamespacedPod     `json:"pods,omitempty"`
	Networks    []string              `json:"networks,omitempty"`
	Nodes       *metav1.LabelSelector `json:"nodes,omitempty"`
	DomainNames []string              `json:"domainNames,omitempty"`
}

type cnpProtocol struct {
	TCP                  *cnpProtocolPort `json:"tcp,omitempty"`
	UDP                  *cnpProtocolPort `json:"udp,omitempty"`
	SCTP                 *cnpProtocolPort `json:"sctp,omitempty"`
	DestinationNamedPort string           `json:"destinationNamedPort,omitempty"`
}

type cnpProtocolPort struct {
	DestinationPort *cnpPort `json:"destinationPort,omitempty"`
}

type cnpPort struct {
	Number int32         `json:"number,omitempty"`
	Range  *cnpPortRange `json:"range,omitempty"`
}

type cnpPortRange struct {
	Start int32 `json:"start"`
	End   int32 `json:"end"`
}

const (
	tierAdmin    = "Admin"
	tierBaseline = "Baseline"
)

// cnpRenderer renders the ClusterNetworkPolicy chains of one policyRules call.
type cnpRenderer struct {
	admin, baseline []*clusterNetworkPolicy // each sorted by priority, then name
	pods            []*corev1.Pod           // live pods with an IP, all nodes
	nsLabels        map[string]labels.Set
	chains          *[]chain // policyRules' chains, appended to
	seen            map[string]bool
}

func newCNPRenderer(cnps []*clusterNetworkPolicy, pods []*corev1.Pod, nsLabels map[string]labels.Set, chains *[]chain) *cnpRenderer {
	r := &cnpRenderer{pods: pods, nsLabels: nsLabels, chains: chains, seen: map[string]bool{}}
	for _, p := range cnps {
		switch p.Spec.Tier {
		case tierAdmin:
			r.admin = append(r.admin, p)
		case tierBaseline:
			r.baseline = append(r.baseline, p)
		}
	}
	for _, tier := range [][]*clusterNetworkPolicy{r.admin, r.baseline} {
		sort.SliceStable(tier, func(i, j int) bool {
			if tier[i].Spec.Priority != tier[j].Spec.Priority {
				return tier[i].Spec.Priority < tier[j].Spec.Priority
			}
			return tier[i].Name < tier[j].Name
		})
	}
	return r
}

// hook renders KL-NETPOL's rules for one local pod and one direction. match is "-s IP/32"
// (egress) or "-d IP/32" (ingress); np is the pod's NetworkPolicy chain for that direction,
// or "" when no NetworkPolicy selects the pod that way.
func (r *cnpRenderer) hook(pod *corev1.Pod, egress bool, match, np string) []string {
	dir := "I"
	if egress {
		dir = "E"
	}
	admin := r.tierChain("KL-A"+dir+"-", r.admin, pod, egress, true)
	next := np
	if np == "" {
		next = r.tierChain("KL-B"+dir+"-", r.baseline, pod, egress, false)
	}
	switch {
	case admin == "" && next == "":
		return nil
	case admin == "":
		return []string{match + " -j " + next}
	}
	out := []string{match + " -j " + admin}
	if next != "" {
		out = append(out, fmt.Sprintf("%s -m mark ! --mark %s -j %s", match, adminAcceptMark, next))
	}
	return append(out, match+" -j MARK --set-xmark 0x0/0x80000")
}

// tierChain renders the chain of one tier for one pod and direction and returns its name, or
// "" when no rule of that tier applies to the pod.
func (r *cnpRenderer) tierChain(prefix string, tier []*clusterNetworkPolicy, pod *corev1.Pod, egress, admin bool) string {
	var rules []string
	for _, pol := range tier {
		if !r.subjectSelects(pol.Spec.Subject, pod) {
			continue
		}
		if egress {
			for i, rule := range pol.Spec.Egress {
				rules = append(rules, r.ruleLines(pol, rule.Name, i, rule.Action, rule.To, rule.Protocols, pod, true)...)
			}
		} else {
			for i, rule := range pol.Spec.Ingress {
				rules = append(rules, r.ruleLines(pol, rule.Name, i, rule.Action, rule.From, rule.Protocols, pod, false)...)
			}
		}
	}
	if len(rules) == 0 {
		return ""
	}
	if admin { // start clean: only this chain's Accept may leave the bit set
		rules = append([]string{"-j MARK --set-xmark 0x0/0x80000"}, rules...)
	}
	name := prefix + shortHash(strings.Join(rules, "\n"))
	if !r.seen[name] {
		r.seen[name] = true
		*r.chains = append(*r.chains, chain{name: name, rules: rules})
	}
	return name
}

// ruleLines renders one rule: one line per (peer address, port) pair, all with the rule's action.
func (r *cnpRenderer) ruleLines(pol *clusterNetworkPolicy, ruleName string, index int, action string, peers []cnpPeer,
	protocols []cnpProtocol, subject *corev1.Pod, egress bool) []string {
	target := ""
	switch {
	case action == "Deny":
		target = "-j DROP"
	case action == "Pass" || pol.Spec.Tier == tierBaseline && action == "Accept":
		target = "-j RETURN"
	case action == "Accept":
		target = "-g " + r.acceptChain()
	default:
		return nil // an unknown action matches nothing (the CRD's enum admits none)
	}
	if ruleName == "" {
		ruleName = "#" + strconv.Itoa(index)
	}
	comment := fmt.Sprintf("-m comment --comment %q", commentText(fmt.Sprintf("cnp %s %s rule %s: %s", pol.Name, map[bool]string{true: "egress", false: "ingress"}[egress], ruleName, action)))
	dir := "-s"
	if egress {
		dir = "-d"
	}
	var out []string
	add := func(addr string, portPod *corev1.Pod, named bool) {
		for _, pm := range cnpPortMatches(protocols, portPod, named) {
			out = append(out, strings.Join(nonEmpty(addr, pm, comment, target), " "))
		}
	}
	for _, peer := range peers {
		switch {
		case peer.Namespaces != nil || peer.Pods != nil:
			for _, p := range r.pods {
				if !peerSelects(peer, p, r.nsLabels) {
					continue
				}
				portPod := subject // ingress: the named port is the subject's
				if egress {
					portPod = p
				}
				add(dir+" "+p.Status.PodIP+"/32", portPod, true)
			}
		case egress && len(peer.Networks) > 0:
			for _, cidr := range peer.Networks {
				if ip, _, err := net.ParseCIDR(cidr); err != nil || ip.To4() == nil {
					continue // kl-netd programs IPv4 only
				}
				add(dir+" "+cidr, nil, false)
			}
		default:
			// a peer kl-netd does not implement (nodes, domainNames) or an empty one: fail
			// closed, as the API asks: Accept matches nothing, Deny and Pass match everything
			if action != "Accept" {
				add("", nil, false)
			}
		}
	}
	return out
}

func (r *cnpRenderer) acceptChain() string {
	if !r.seen[adminAcceptChain] {
		r.seen[adminAcceptChain] = true
		*r.chains = append(*r.chains, chain{name: adminAcceptChain, rules: []string{"-j MARK --set-xmark " + adminAcceptMark}})
	}
	return adminAcceptChain
}

func (r *cnpRenderer) subjectSelects(s cnpSubject, pod *corev1.Pod) bool {
	switch {
	case s.Namespaces != nil:
		return selects(*s.Namespaces, r.nsLabels[pod.Namespace])
	case s.Pods != nil:
		return selects(s.Pods.NamespaceSelector, r.nsLabels[pod.Namespace]) && selects(s.Pods.PodSelector, pod.Labels)
	}
	return false
}

func peerSelects(peer cnpPeer, pod *corev1.Pod, nsLabels map[string]labels.Set) bool {
	if peer.Namespaces != nil {
		return selects(*peer.Namespaces, nsLabels[pod.Namespace])
	}
	return selects(peer.Pods.NamespaceSelector, nsLabels[pod.Namespace]) && selects(peer.Pods.PodSelector, pod.Labels)
}

// cnpPortMatches renders the protocol part of a rule: one entry per protocol, or one empty
// entry for "any traffic". A destinationNamedPort resolves on pod (the subject for ingress,
// the peer for egress); on a network peer (named false) or a pod without it, it matches nothing.
func cnpPortMatches(protocols []cnpProtocol, pod *corev1.Pod, named bool) []string {
	if len(protocols) == 0 {
		return []string{""}
	}
	var out []string
	for _, p := range protocols {
		for _, pp := range []struct {
			name string
			port *cnpProtocolPort
		}{{"tcp", p.TCP}, {"udp", p.UDP}, {"sctp", p.SCTP}} {
			if pp.port == nil {
				continue
			}
			m := "-p " + pp.name
			if d := pp.port.DestinationPort; d != nil {
				switch {
				case d.Range != nil:
					m += fmt.Sprintf(" --dport %d:%d", d.Range.Start, d.Range.End)
				case d.Number > 0:
					m += fmt.Sprintf(" --dport %d", d.Number)
				}
			}
			out = append(out, m)
		}
		if p.DestinationNamedPort != "" && named && pod != nil {
			for _, c := range pod.Spec.Containers {
				for _, cp := range c.Ports {
					if cp.Name != p.DestinationNamedPort {
						continue
					}
					proto := strings.ToLower(string(cp.Protocol))
					if proto == "" {
						proto = "tcp"
					}
					out = append(out, fmt.Sprintf("-p %s --dport %d", proto, cp.ContainerPort))
				}
			}
		}
	}
	return out
}

// cnpWarnings lists what kl-netd does not implement in the given policies; main logs each
// message once.
func cnpWarnings(cnps []*clusterNetworkPolicy) []string {
	var out []string
	for _, p := range cnps {
		if p.Spec.Tier != tierAdmin && p.Spec.Tier != tierBaseline {
			out = append(out, fmt.Sprintf("ClusterNetworkPolicy %s: tier %q is unknown: policy ignored", p.Name, p.Spec.Tier))
			continue
		}
		if p.Spec.Subject.Namespaces == nil && p.Spec.Subject.Pods == nil {
			out = append(out, fmt.Sprintf("ClusterNetworkPolicy %s: subject selects neither namespaces nor pods: policy applies to no pod", p.Name))
		}
		check := func(kind, rule string, peers []cnpPeer) {
			for _, peer := range peers {
				if peer.Nodes != nil || len(peer.DomainNames) > 0 {
					out = append(out, fmt.Sprintf("ClusterNetworkPolicy %s: %s rule %q: nodes and domainNames peers are not implemented by kl-netd: such a peer matches nothing in an Accept rule and everything in a Deny or Pass rule", p.Name, kind, rule))
				}
			}
		}
		for _, r := range p.Spec.Ingress {
			check("ingress", r.Name, r.From)
		}
		for _, r := range p.Spec.Egress {
			check("egress", r.Name, r.To)
		}
	}
	return out
}

// commentText keeps what iptables' comment match accepts safely inside double quotes (at most 256 bytes).
func commentText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '"' || r == '\\' || r < 0x20 || r > 0x7e {
			return '_'
		}
		return r
	}, s)
	if len(s) > 250 {
		s = s[:250]
	}
	return s
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}
