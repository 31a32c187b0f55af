package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	"sigs.k8s.io/yaml"
)

// --- fixtures -----------------------------------------------------------------------------

const attendeeLabel = "kubelessons.dev/attendee"

func testNS(name string, lbl map[string]string) *corev1.Namespace {
	all := map[string]string{"kubernetes.io/metadata.name": name}
	for k, v := range lbl {
		all[k] = v
	}
	return &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: name, Labels: all}}
}

func testPod(ns, name, node, ip string, lbl map[string]string, ports ...corev1.ContainerPort) *corev1.Pod {
	return &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name, Labels: lbl, UID: types.UID(ns + "-" + name)},
		Spec:       corev1.PodSpec{NodeName: node, Containers: []corev1.Container{{Name: "c", Ports: ports}}},
		Status:     corev1.PodStatus{Phase: corev1.PodRunning, PodIP: ip},
	}
}

// parseCNP reads a ClusterNetworkPolicy the way kl-netd does: YAML -> unstructured -> struct.
func parseCNP(t *testing.T, doc string) *clusterNetworkPolicy {
	t.Helper()
	var obj map[string]any
	if err := yaml.Unmarshal([]byte(doc), &obj); err != nil {
		t.Fatal(err)
	}
	var p clusterNetworkPolicy
	if err := runtime.DefaultUnstructuredConverter.FromUnstructured(obj, &p); err != nil {
		t.Fatal(err)
	}
	return &p
}

// fence is the attendee fence instructor mode creates (see the brief in main.go's header).
func fence(t *testing.T, attendee string) *clusterNetworkPolicy {
	return parseCNP(t, fmt.Sprintf(`
apiVersion: policy.networking.k8s.io/v1beta1
kind: ClusterNetworkPolicy
metadata: {name: kubelessons-attendee-%[1]s}
spec:
  tier: Admin
  priority: 50
  subject:
    namespaces: {matchLabels: {kubelessons.dev/attendee: %[1]s}}
  ingress:
    - {name: own-namespaces, action: Pass, from: [{namespaces: {matchLabels: {kubelessons.dev/attendee: %[1]s}}}]}
    - {name: other-attendees, action: Deny, from: [{namespaces: {matchExpressions: [{key: kubelessons.dev/attendee, operator: Exists}]}}]}
  egress:
    - {name: own-namespaces, action: Pass, to: [{namespaces: {matchLabels: {kubelessons.dev/attendee: %[1]s}}}]}
    - {name: other-attendees, action: Deny, to: [{namespaces: {matchExpressions: [{key: kubelessons.dev/attendee, operator: Exists}]}}]}
`, attendee))
}

func defaultDenyIngress(ns string) *networkingv1.NetworkPolicy {
	return &networkingv1.NetworkPolicy{
		ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: "default-deny-ingress"},
		Spec:       networkingv1.NetworkPolicySpec{PolicyTypes: []networkingv1.PolicyType{networkingv1.PolicyTypeIngress}},
	}
}

// world: a1 and a2 belong to attendee a, b1 to attendee b, other to nobody.
type world struct {
	nss  []*corev1.Namespace
	pods []*corev1.Pod
}

func newWorld() *world {
	return &world{
		nss: []*corev1.Namespace{
			testNS("a1", map[string]string{attendeeLabel: "a"}),
			testNS("a2", map[string]string{attendeeLabel: "a"}),
			testNS("b1", map[string]string{attendeeLabel: "b"}),
			testNS("other", nil),
		},
		pods: []*corev1.Pod{
			testPod("a1", "web", "n1", "10.244.1.10", map[string]string{"app": "web"}, corev1.ContainerPort{Name: "http", ContainerPort: 8080}),
			testPod("a1", "client", "n1", "10.244.1.11", map[string]string{"app": "client"}),
			testPod("a2", "web", "n2", "10.244.2.10", map[string]string{"app": "web"}, corev1.ContainerPort{Name: "http", ContainerPort: 80}),
			testPod("b1", "web", "n1", "10.244.1.20", map[string]string{"app": "web"}),
			testPod("other", "client", "n2", "10.244.2.30", nil),
		},
	}
}

func (w *world) ip(nsName string) string {
	for _, p := range w.pods {
		if p.Namespace+"/"+p.Name == nsName {
			return p.Status.PodIP
		}
	}
	panic("no pod " + nsName)
}

func (w *world) render(node string, nps []*networkingv1.NetworkPolicy, cnps ...*clusterNetworkPolicy) string {
	return policyRules(node, w.pods, w.nss, append([]*networkingv1.NetworkPolicy(nil), nps...), cnps)
}

// --- a small interpreter of the rendered rules ----------------------------------------------

var tokenRE = regexp.MustCompile(`"[^"]*"|\S+`)

type fwRule struct{ tokens []string }

func parseRules(t *testing.T, text string) map[string][]fwRule {
	t.Helper()
	chains := map[string][]fwRule{}
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		switch {
		case strings.HasPrefix(line, ":"):
			name := strings.Fields(line[1:])[0]
			if _, dup := chains[name]; dup {
				t.Fatalf("chain %s declared twice", name)
			}
			chains[name] = nil
		case strings.HasPrefix(line, "-A "):
			tok := tokenRE.FindAllString(line, -1)
			if _, ok := chains[tok[1]]; !ok {
				t.Fatalf("rule in undeclared chain: %s", line)
			}
			chains[tok[1]] = append(chains[tok[1]], fwRule{tok[2:]})
		default:
			t.Fatalf("unexpected line %q", line)
		}
	}
	for name, rules := range chains {
		for _, r := range rules {
			for i, tok := range r.tokens {
				if (tok == "-j" || tok == "-g") && strings.HasPrefix(r.tokens[i+1], "KL-") {
					if _, ok := chains[r.tokens[i+1]]; !ok {
						t.Fatalf("chain %s jumps to undeclared %s", name, r.tokens[i+1])
					}
				}
			}
		}
	}
	return chains
}

type packet struct {
	src, dst, proto string
	dport           int
	mark            uint32
}

func inCIDR(ip, cidr string) bool {
	if !strings.Contains(cidr, "/") {
		cidr += "/32"
	}
	_, n, err := net.ParseCIDR(cidr)
	return err == nil && n.Contains(net.ParseIP(ip))
}

func parseMark(s string) (val, mask uint32) {
	v, m, _ := strings.Cut(s, "/")
	a, _ := strconv.ParseUint(v, 0, 32)
	b, _ := strconv.ParseUint(m, 0, 32)
	return uint32(a), uint32(b)
}

// run evaluates chain for a new connection's first packet: "ACCEPT", "DROP" or "" (fell through).
func run(t *testing.T, chains map[string][]fwRule, name string, p *packet, depth int) string {
	if depth > 10 {
		t.Fatalf("jump loop at %s", name)
	}
	for _, r := range chains[name] {
		tok, match := r.tokens, true
		target, arg, gotoChain := "", "", false
		for i := 0; i < len(tok) && match; i++ {
			switch tok[i] {
			case "-s":
				match = inCIDR(p.src, tok[i+1])
				i++
			case "-d":
				match = inCIDR(p.dst, tok[i+1])
				i++
			case "-p":
				match = p.proto == tok[i+1]
				i++
			case "--dport":
				lo, hi, isRange := strings.Cut(tok[i+1], ":")
				l, _ := strconv.Atoi(lo)
				h := l
				if isRange {
					h, _ = strconv.Atoi(hi)
				}
				match = p.dport >= l && p.dport <= h
				i++
			case "-m":
				switch tok[i+1] {
				case "conntrack": // --ctstate ESTABLISHED,RELATED: never for a new connection
					match = false
				case "comment":
					i += 3
				case "mark":
					neg := tok[i+2] == "!"
					j := i + 3
					if neg {
						j++
					}
					v, m := parseMark(tok[j])
					match = (p.mark&m == v) != neg
					i = j
				default:
					t.Fatalf("unknown match %s", tok[i+1])
				}
			case "-j", "-g":
				target, gotoChain = tok[i+1], tok[i] == "-g"
				if target == "MARK" {
					arg = tok[i+3]
				}
				i = len(tok)
			default:
				t.Fatalf("unknown token %q in %v", tok[i], tok)
			}
		}
		if !match {
			continue
		}
		switch target {
		case "ACCEPT", "DROP":
			return target
		case "RETURN":
			return ""
		case "MARK":
			v, m := parseMark(arg)
			p.mark = p.mark&^m ^ v
		default:
			if v := run(t, chains, target, p, depth+1); v != "" || gotoChain {
				return v
			}
		}
	}
	return ""
}

// verdict follows a new connection through KL-NETPOL on the source's node and, when the
// destination runs on another node, on the destination's node.
func verdict(t *testing.T, w *world, nps []*networkingv1.NetworkPolicy, cnps []*clusterNetworkPolicy, from, to string, proto string, port int) string {
	t.Helper()
	src, dst := w.pod(from), w.pod(to)
	nodes := []string{src.Spec.NodeName}
	if dst.Spec.NodeName != src.Spec.NodeName {
		nodes = append(nodes, dst.Spec.NodeName)
	}
	for _, n := range nodes {
		chains := parseRules(t, w.render(n, nps, cnps...))
		p := &packet{src: src.Status.PodIP, dst: dst.Status.PodIP, proto: proto, dport: port}
		if run(t, chains, "KL-NETPOL", p, 0) == "DROP" {
			return "DROP"
		}
		if p.mark&0xC0000 != 0 {
			t.Fatalf("%s -> %s on %s: mark bits left set: %#x", from, to, n, p.mark)
		}
	}
	return "ACCEPT"
}

func (w *world) pod(nsName string) *corev1.Pod {
	for _, p := range w.pods {
		if p.Namespace+"/"+p.Name == nsName {
			return p
		}
	}
	panic("no pod " + nsName)
}

func expectVerdicts(t *testing.T, w *world, nps []*networkingv1.NetworkPolicy, cnps []*clusterNetworkPolicy, want map[string]string) {
	t.Helper()
	for flow, v := range want {
		from, to, _ := strings.Cut(flow, " -> ")
		if got := verdict(t, w, nps, cnps, from, to, "tcp", 8080); got != v {
			t.Errorf("%s: %s, want %s", flow, got, v)
		}
	}
}

// lines returns the rules of chain in text, in order, without the "-A CHAIN " prefix.
func lines(text, chain string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(l, "-A "+chain+" "); ok {
			out = append(out, rest)
		}
	}
	return out
}

// chainsWithPrefix lists the declared chains whose name starts with prefix.
func chainsWithPrefix(text, prefix string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, ":"+prefix) {
			out = append(out, strings.Fields(l[1:])[0])
		}
	}
	return out
}

func mustContain(t *testing.T, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("rules lack %q:\n%s", w, text)
		}
	}
}

// --- tests ------------------------------------------------------------------------------------

func TestNoClusterPolicyKeepsNetworkPolicyRules(t *testing.T) {
	w := newWorld()
	got := w.render("n1", []*networkingv1.NetworkPolicy{defaultDenyIngress("a1")})
	top := lines(got, "KL-NETPOL")
	if len(top) != 3 || top[0] != "-m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT" ||
		!regexp.MustCompile(`^-d 10\.244\.1\.11/32 -j KL-I-[0-9A-F]{12}$`).MatchString(top[1]) ||
		!regexp.MustCompile(`^-d 10\.244\.1\.10/32 -j KL-I-[0-9A-F]{12}$`).MatchString(top[2]) {
		t.Fatalf("KL-NETPOL without ClusterNetworkPolicies changed:\n%s", got)
	}
	if strings.Contains(got, "0x80000") || strings.Contains(got, "KL-A") {
		t.Fatalf("Admin-tier rules without ClusterNetworkPolicies:\n%s", got)
	}
}

func TestDenyFencesAttendees(t *testing.T) {
	w := newWorld()
	cnps := []*clusterNetworkPolicy{fence(t, "a"), fence(t, "b")}
	got := w.render("n1", nil, cnps...)

	// a1/web's ingress: the Admin chain, no NetworkPolicy, then the accept bit cleared
	top := lines(got, "KL-NETPOL")
	var hook []string
	for _, r := range top {
		if strings.HasPrefix(r, "-d 10.244.1.10/32 ") {
			hook = append(hook, r)
		}
	}
	if len(hook) != 2 || !strings.HasPrefix(hook[0], "-d 10.244.1.10/32 -j KL-AI-") || hook[1] != "-d 10.244.1.10/32 -j MARK --set-xmark 0x0/0x80000" {
		t.Fatalf("a1/web's ingress hook: %q", hook)
	}
	admin := strings.TrimPrefix(hook[0], "-d 10.244.1.10/32 -j ")
	want := []string{
		"-j MARK --set-xmark 0x0/0x80000",
		// Pass for attendee a's own pods, in pod order (a1/client, a1/web, a2/web)
		`-s 10.244.1.11/32 -m comment --comment "cnp kubelessons-attendee-a ingress rule own-namespaces: Pass" -j RETURN`,
		`-s 10.244.1.10/32 -m comment --comment "cnp kubelessons-attendee-a ingress rule own-namespaces: Pass" -j RETURN`,
		`-s 10.244.2.10/32 -m comment --comment "cnp kubelessons-attendee-a ingress rule own-namespaces: Pass" -j RETURN`,
		// then Deny for every attendee's pod (a's own already passed)
		`-s 10.244.1.11/32 -m comment --comment "cnp kubelessons-attendee-a ingress rule other-attendees: Deny" -j DROP`,
		`-s 10.244.1.10/32 -m comment --comment "cnp kubelessons-attendee-a ingress rule other-attendees: Deny" -j DROP`,
		`-s 10.244.2.10/32 -m comment --comment "cnp kubelessons-attendee-a ingress rule other-attendees: Deny" -j DROP`,
		`-s 10.244.1.20/32 -m comment --comment "cnp kubelessons-attendee-a ingress rule other-attendees: Deny" -j DROP`,
	}
	if g := lines(got, admin); strings.Join(g, "\n") != strings.Join(want, "\n") {
		t.Fatalf("chain %s:\n%s\nwant:\n%s", admin, strings.Join(g, "\n"), strings.Join(want, "\n"))
	}
	// attendee b's policy does not select a1's pods, and b's pod gets b's chain
	if strings.Contains(strings.Join(lines(got, admin), "\n"), "attendee-b") {
		t.Fatalf("attendee b's rules in a's chain")
	}
	mustContain(t, got, `-d 10.244.1.20/32 -m comment --comment "cnp kubelessons-attendee-b egress rule other-attendees: Deny" -j DROP`)
	// both a1 pods share one ingress chain and one egress chain: no named port differs
	if n := len(chainsWithPrefix(got, "KL-AI-")); n != 2 { // a's, b's
		t.Fatalf("%d Admin ingress chains, want 2 (shared per attendee):\n%s", n, got)
	}

	expectVerdicts(t, w, nil, cnps, map[string]string{
		"a1/client -> a1/web":       "ACCEPT",
		"a1/client -> a2/web":       "ACCEPT", // across nodes
		"a1/client -> b1/web":       "DROP",
		"b1/web -> a1/web":          "DROP",
		"b1/web -> a2/web":          "DROP",
		"other/client -> a1/web":    "ACCEPT", // not an attendee: no fence
		"a1/client -> other/client": "ACCEPT",
	})
}

func TestPassWithoutNetworkPolicy(t *testing.T) {
	w := newWorld()
	cnps := []*clusterNetworkPolicy{fence(t, "a")}
	got := w.render("n1", nil, cnps...)
	if strings.Contains(got, "KL-I-") || strings.Contains(got, "KL-E-") || strings.Contains(got, "! --mark 0x80000") {
		t.Fatalf("no NetworkPolicy, yet a NetworkPolicy jump:\n%s", got)
	}
	expectVerdicts(t, w, nil, cnps, map[string]string{"a1/client -> a1/web": "ACCEPT"})
}

func TestPassHandsOverToNetworkPolicy(t *testing.T) {
	w := newWorld()
	cnps := []*clusterNetworkPolicy{fence(t, "a")}
	deny := []*networkingv1.NetworkPolicy{defaultDenyIngress("a1")}
	got := w.render("n1", deny, cnps...)
	var hook []string
	for _, r := range lines(got, "KL-NETPOL") {
		if strings.HasPrefix(r, "-d 10.244.1.10/32 ") {
			hook = append(hook, r)
		}
	}
	re := regexp.MustCompile(`^-d 10\.244\.1\.10/32 -j KL-AI-\w{12}\n-d 10\.244\.1\.10/32 -m mark ! --mark 0x80000/0x80000 -j KL-I-\w{12}\n-d 10\.244\.1\.10/32 -j MARK --set-xmark 0x0/0x80000$`)
	if !re.MatchString(strings.Join(hook, "\n")) {
		t.Fatalf("a1/web's ingress hook:\n%s", strings.Join(hook, "\n"))
	}
	expectVerdicts(t, w, deny, cnps, map[string]string{
		"a1/client -> a1/web":    "DROP", // Pass, then default-deny
		"other/client -> a1/web": "DROP",
		"a1/client -> a2/web":    "ACCEPT", // a2 has no NetworkPolicy
	})
	// an allow policy re-admits a1's own pods
	allow := &networkingv1.NetworkPolicy{
		ObjectMeta: metav1.ObjectMeta{Namespace: "a1", Name: "allow-same-namespace"},
		Spec: networkingv1.NetworkPolicySpec{
			Ingress: []networkingv1.NetworkPolicyIngressRule{{From: []networkingv1.NetworkPolicyPeer{{PodSelector: &metav1.LabelSelector{}}}}},
		},
	}
	expectVerdicts(t, w, append(deny, allow), cnps, map[string]string{
		"a1/client -> a1/web":    "ACCEPT",
		"other/client -> a1/web": "DROP",
		"b1/web -> a1/web":       "DROP",
	})
}

func TestAcceptOverridesNetworkPolicyDeny(t *testing.T) {
	w := newWorld()
	accept := parseCNP(t, `
metadata: {name: monitoring}
spec:
  tier: Admin
  priority: 10
  subject: {namespaces: {}}
  ingress:
    - name: from-other
      action: Accept
      from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: other}}}]
`)
	cnps := []*clusterNetworkPolicy{accept, fence(t, "a")}
	deny := []*networkingv1.NetworkPolicy{defaultDenyIngress("a1")}
	got := w.render("n1", deny, cnps...)
	mustContain(t, got,
		":KL-CNP-ACCEPT - [0:0]",
		"-A KL-CNP-ACCEPT -j MARK --set-xmark 0x80000/0x80000",
		`-s 10.244.2.30/32 -m comment --comment "cnp monitoring ingress rule from-other: Accept" -g KL-CNP-ACCEPT`,
		"-d 10.244.1.10/32 -m mark ! --mark 0x80000/0x80000 -j KL-I-",
	)
	expectVerdicts(t, w, deny, cnps, map[string]string{
		"other/client -> a1/web": "ACCEPT", // Accept: the default-deny is not consulted
		"a1/client -> a1/web":    "DROP",   // Pass: the default-deny decides
		"b1/web -> a1/web":       "DROP",
	})
	// the Accept bit does not leak into the next pod's NetworkPolicy (same node, a1/client)
	if v := verdict(t, w, deny, cnps, "other/client", "a1/client", "tcp", 80); v != "ACCEPT" {
		t.Fatalf("other/client -> a1/client: %s", v)
	}
}

func TestEgressAcceptDoesNotBypassDestinationIngress(t *testing.T) {
	w := newWorld()
	accept := parseCNP(t, `
metadata: {name: egress-accept}
spec:
  tier: Admin
  priority: 5
  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: a1}}}
  egress:
    - {name: all, action: Accept, to: [{networks: [0.0.0.0/0]}]}
`)
	deny := []*networkingv1.NetworkPolicy{defaultDenyIngress("a1")}
	expectVerdicts(t, w, deny, []*clusterNetworkPolicy{accept}, map[string]string{
		"a1/client -> a1/web": "DROP", // egress accepted; a1/web's ingress default-deny still holds
		"a1/client -> a2/web": "ACCEPT",
	})
}

func TestPriorityOrder(t *testing.T) {
	w := newWorld()
	mk := func(name string, prio int, action string) *clusterNetworkPolicy {
		return parseCNP(t, fmt.Sprintf(`
metadata: {name: %s}
spec:
  tier: Admin
  priority: %d
  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: a1}}}
  ingress:
    - {action: %s, from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: other}}}]}
`, name, prio, action))
	}
	// given in the wrong order: evaluation is by priority, then by name
	cnps := []*clusterNetworkPolicy{mk("z-deny", 30, "Deny"), mk("b-accept", 20, "Accept"), mk("a-pass", 20, "Pass")}
	got := w.render("n1", nil, cnps...)
	chain := chainsWithPrefix(got, "KL-AI-")
	if len(chain) != 1 {
		t.Fatalf("want one Admin ingress chain:\n%s", got)
	}
	var order []string
	for _, r := range lines(got, chain[0])[1:] {
		order = append(order, regexp.MustCompile(`cnp (\S+)`).FindStringSubmatch(r)[1])
	}
	if strings.Join(order, ",") != "a-pass,b-accept,z-deny" {
		t.Fatalf("order %v, want a-pass,b-accept,z-deny", order)
	}
	// a-pass wins, no NetworkPolicy: allowed; with a-pass gone, b-accept wins; alone, z-deny drops
	expectVerdicts(t, w, nil, cnps, map[string]string{"other/client -> a1/web": "ACCEPT"})
	expectVerdicts(t, w, nil, cnps[:1], map[string]string{"other/client -> a1/web": "DROP"})
	deny := []*networkingv1.NetworkPolicy{defaultDenyIngress("a1")}
	expectVerdicts(t, w, deny, cnps, map[string]string{"other/client -> a1/web": "DROP"})       // Pass first, then NP denies
	expectVerdicts(t, w, deny, cnps[:2], map[string]string{"other/client -> a1/web": "ACCEPT"}) // Accept (20) before Deny (30)
	// rules within one policy: first match wins
	inOrder := parseCNP(t, `
metadata: {name: in-order}
spec:
  tier: Admin
  priority: 1
  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: a1}}}
  ingress:
    - {name: first, action: Deny, from: [{pods: {namespaceSelector: {}, podSelector: {}}}]}
    - {name: second, action: Accept, from: [{namespaces: {}}]}
`)
	expectVerdicts(t, w, nil, []*clusterNetworkPolicy{inOrder}, map[string]string{"other/client -> a1/web": "DROP"})
}

func TestPorts(t *testing.T) {
	w := newWorld()
	p := parseCNP(t, `
metadata: {name: ports}
spec:
  tier: Admin
  priority: 1
  subject: {pods: {namespaceSelector: {matchLabels: {kubelessons.dev/attendee: a}}, podSelector: {matchLabels: {app: web}}}}
  ingress:
    - name: web-ports
      action: Deny
      from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: other}}}]
      protocols:
        - tcp: {destinationPort: {number: 8443}}
        - udp: {destinationPort: {range: {start: 5000, end: 5010}}}
        - sctp: {destinationPort: {number: 9}}
        - destinationNamedPort: http
  egress:
    - name: named-egress
      action: Deny
      to: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}}]
      protocols: [{destinationNamedPort: http}]
    - name: net
      action: Deny
      to: [{networks: [192.0.2.0/24, "2001:db8::/32"]}]
      protocols: [{tcp: {destinationPort: {number: 443}}}]
`)
	got := w.render("n1", nil, p)
	c := `-m comment --comment "cnp ports ingress rule web-ports: Deny" -j DROP`
	mustContain(t, got,
		"-s 10.244.2.30/32 -p tcp --dport 8443 "+c,
		"-s 10.244.2.30/32 -p udp --dport 5000:5010 "+c,
		"-s 10.244.2.30/32 -p sctp --dport 9 "+c,
		"-s 10.244.2.30/32 -p tcp --dport 8080 "+c, // a1/web's port "http"
		// egress: the named port is each peer's own
		`-d 10.244.1.10/32 -p tcp --dport 8080 -m comment --comment "cnp ports egress rule named-egress: Deny" -j DROP`,
		`-d 10.244.2.10/32 -p tcp --dport 80 -m comment --comment "cnp ports egress rule named-egress: Deny" -j DROP`,
		`-d 192.0.2.0/24 -p tcp --dport 443 -m comment --comment "cnp ports egress rule net: Deny" -j DROP`,
	)
	if strings.Contains(got, "2001:db8") {
		t.Fatalf("an IPv6 network in IPv4 rules:\n%s", got)
	}
	if strings.Contains(got, "-d 10.244.1.20/32 -p") { // b1/web has no port named http
		t.Fatalf("named port matched a pod without it:\n%s", got)
	}
	// the subject is a1/web only (podSelector app=web), not a1/client
	if strings.Contains(got, "-d 10.244.1.11/32 -j KL-AI-") {
		t.Fatalf("a1/client is not a subject:\n%s", got)
	}
	// a1/web on n1 resolves "http" to 8080, a2/web on n2 to 80: their ingress chains differ
	if a, b := chainsWithPrefix(got, "KL-AI-"), chainsWithPrefix(w.render("n2", nil, p), "KL-AI-"); len(a) != 1 || len(b) != 1 || a[0] == b[0] {
		t.Fatalf("named-port chains: n1 %v, n2 %v", a, b)
	}
	for port, want := range map[int]string{8443: "DROP", 8080: "DROP", 80: "ACCEPT", 5005: "ACCEPT" /* tcp, not udp */} {
		if v := verdict(t, w, nil, []*clusterNetworkPolicy{p}, "other/client", "a1/web", "tcp", port); v != want {
			t.Errorf("other/client -> a1/web tcp/%d: %s, want %s", port, v, want)
		}
	}
	if v := verdict(t, w, nil, []*clusterNetworkPolicy{p}, "other/client", "a1/web", "udp", 5005); v != "DROP" {
		t.Errorf("udp/5005: %s, want DROP", v)
	}
}

func TestBaselineOnlyWithoutNetworkPolicy(t *testing.T) {
	w := newWorld()
	base := parseCNP(t, `
metadata: {name: baseline-deny}
spec:
  tier: Baseline
  priority: 1
  subject: {namespaces: {matchLabels: {kubelessons.dev/attendee: a}}}
  ingress:
    - {name: deny-all, action: Deny, from: [{namespaces: {}}]}
`)
	got := w.render("n1", nil, base)
	mustContain(t, got, "-A KL-NETPOL -d 10.244.1.10/32 -j KL-BI-", `-m comment --comment "cnp baseline-deny ingress rule deny-all: Deny" -j DROP`)
	expectVerdicts(t, w, nil, []*clusterNetworkPolicy{base}, map[string]string{"other/client -> a1/web": "DROP", "other/client -> a2/web": "DROP"})
	// a NetworkPolicy selecting a1/web overrides the Baseline tier
	allowAll := &networkingv1.NetworkPolicy{
		ObjectMeta: metav1.ObjectMeta{Namespace: "a1", Name: "allow-all"},
		Spec:       networkingv1.NetworkPolicySpec{Ingress: []networkingv1.NetworkPolicyIngressRule{{}}},
	}
	np := []*networkingv1.NetworkPolicy{allowAll}
	if strings.Contains(w.render("n1", np, base), "-d 10.244.1.10/32 -j KL-BI-") {
		t.Fatal("Baseline chain hooked for a pod that a NetworkPolicy selects")
	}
	expectVerdicts(t, w, np, []*clusterNetworkPolicy{base}, map[string]string{"other/client -> a1/web": "ACCEPT", "other/client -> a2/web": "DROP"})
	// Admin Pass, then Baseline (no NetworkPolicy); Admin Accept skips Baseline
	expectVerdicts(t, w, nil, []*clusterNetworkPolicy{base, fence(t, "a")}, map[string]string{"a1/client -> a1/web": "DROP"})
	accept := parseCNP(t, `
metadata: {name: accept}
spec:
  tier: Admin
  priority: 1
  subject: {namespaces: {}}
  ingress: [{action: Accept, from: [{namespaces: {}}]}]
`)
	expectVerdicts(t, w, nil, []*clusterNetworkPolicy{base, accept}, map[string]string{"other/client -> a1/web": "ACCEPT"})
}

func TestUnsupportedPeerFailsClosed(t *testing.T) {
	w := newWorld()
	p := parseCNP(t, `
metadata: {name: nodes}
spec:
  tier: Admin
  priority: 1
  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: a1}}}
  egress:
    - {name: to-nodes-accept, action: Accept, to: [{nodes: {}}]}
    - {name: to-nodes-deny, action: Deny, to: [{nodes: {}}], protocols: [{tcp: {destinationPort: {number: 10250}}}]}
`)
	got := w.render("n1", nil, p)
	if strings.Contains(got, "to-nodes-accept") {
		t.Fatalf("an Accept with an unsupported peer must match nothing:\n%s", got)
	}
	mustContain(t, got, `-p tcp --dport 10250 -m comment --comment "cnp nodes egress rule to-nodes-deny: Deny" -j DROP`)
	if w := cnpWarnings([]*clusterNetworkPolicy{p}); len(w) != 2 {
		t.Fatalf("warnings %q", w)
	}
}

func TestUnknownTierIgnored(t *testing.T) {
	w := newWorld()
	p := parseCNP(t, `
metadata: {name: odd}
spec:
  tier: Developer
  priority: 1
  subject: {namespaces: {}}
  ingress: [{action: Deny, from: [{namespaces: {}}]}]
`)
	if got := w.render("n1", nil, p); strings.Contains(got, "odd") {
		t.Fatalf("unknown tier rendered:\n%s", got)
	}
	if w := cnpWarnings([]*clusterNetworkPolicy{p}); len(w) != 1 || !strings.Contains(w[0], "unknown") {
		t.Fatalf("warnings %q", w)
	}
}

func TestRenderingIsDeterministic(t *testing.T) {
	w := newWorld()
	cnps := []*clusterNetworkPolicy{fence(t, "b"), fence(t, "a")}
	a := w.render("n1", []*networkingv1.NetworkPolicy{defaultDenyIngress("a1")}, cnps...)
	b := w.render("n1", []*networkingv1.NetworkPolicy{defaultDenyIngress("a1")}, cnps[1], cnps[0])
	if a != b {
		t.Fatalf("rendering depends on the input order:\n%s\n---\n%s", a, b)
	}
}

// TestIptablesRestoreAcceptsRules loads a ruleset using every rendered feature with
// iptables-restore into a new, throwaway network namespace (--test would not check the jump
// targets); root and iptables are needed, the test is skipped otherwise.
func TestIptablesRestoreAcceptsRules(t *testing.T) {
	if _, err := exec.LookPath("iptables-restore"); err != nil || os.Geteuid() != 0 {
		t.Skip("needs root and iptables-restore")
	}
	w := newWorld()
	p := parseCNP(t, `
metadata: {name: "every feature"}
spec:
  tier: Admin
  priority: 1
  subject: {namespaces: {}}
  ingress:
    - name: 'quotes " and \ backslashes'
      action: Accept
      from: [{namespaces: {}}]
      protocols: [{tcp: {destinationPort: {number: 80}}}, {udp: {destinationPort: {range: {start: 5000, end: 5010}}}}, {sctp: {destinationPort: {number: 9}}}, {destinationNamedPort: http}]
    - {action: Pass, from: [{pods: {namespaceSelector: {}, podSelector: {}}}]}
  egress:
    - {action: Deny, to: [{networks: [192.0.2.0/24]}]}
    - {action: Deny, to: [{nodes: {}}]}
`)
	base := parseCNP(t, `
metadata: {name: base}
spec:
  tier: Baseline
  priority: 1
  subject: {namespaces: {}}
  ingress: [{action: Deny, from: [{namespaces: {}}]}]
  egress: [{action: Accept, to: [{namespaces: {}}]}]
`)
	rules := w.render("n1", []*networkingv1.NetworkPolicy{defaultDenyIngress("a1")}, p, base)
	cmd := exec.Command("unshare", "-n", "iptables-restore")
	cmd.Stdin = strings.NewReader("*filter\n" + rules + "COMMIT\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		if strings.Contains(string(out), "unshare") {
			t.Skipf("no network namespace here: %s", out)
		}
		t.Fatalf("iptables-restore: %v: %s\n%s", err, out, rules)
	}
}
