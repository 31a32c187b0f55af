package dev.kubelessons.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.lesson.CheckSpec;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import dev.kubelessons.lesson.NodeRequirement;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Data-plane checks without a cluster: probe commands, parsing of what curl and nslookup print, node commands
 * through a fake shell, and the bounded retries. A kwok cluster has no data plane, so this is all we can run here.
 */
class DataPlaneChecksTest {

    // Never contacted: the fake probe runner and node shell stand in for the cluster.
    private final KubernetesClient client = new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build()).build();
    private final List<List<String>> commands = new ArrayList<>();
    private final List<Map<String, String>> labels = new ArrayList<>();
    private final Deque<String> logs = new ArrayDeque<>();
    private final CheckEvaluator evaluator = new CheckEvaluator(context -> (podLabels, command) -> {
        labels.add(podLabels);
        commands.add(command);
        return new ProbeRunner.Result(0, logs.isEmpty() ? "" : logs.pop());
    });

    @AfterEach
    void close() {
        client.close();
    }

    private CheckContext kind(NodeShell shell) {
        return CheckContext.withDataPlane(client, "kl-03", shell)
                .withProbe(new ProbeOptions(ProbeOptions.DEFAULT_IMAGE, Duration.ofSeconds(5), 3, Duration.ZERO));
    }

    private static String curl(int exit, int status, String error, String body) {
        return "kl-curl-exit " + exit + "\nkl-http-status " + status + "\nkl-curl-error " + error + "\nkl-body\n" + body;
    }

    @Test
    void httpPassesOnStatusAndBodyWithTheNamespaceExpanded() {
        logs.add(curl(0, 200, "", "<h1>Welcome to nginx!</h1>\nkl-body in the body is fine\n"));
        Verdict verdict = evaluator.evaluate(Checks.http("http://my-nginx.${namespace}.svc.cluster.local", 200, "Welcome to nginx!"), kind(null));
        assertEquals(Status.PASS, verdict.status(), verdict.message());
        assertEquals("GET http://my-nginx.kl-03.svc.cluster.local returned 200 and the body contains 'Welcome to nginx!'", verdict.message());
        List<String> command = commands.get(0);
        assertEquals(List.of("sh", "-c"), command.subList(0, 2));
        // The URL is an argument, not part of the script: nothing in lesson text is interpreted by the shell.
        assertEquals("http://my-nginx.kl-03.svc.cluster.local", command.get(command.size() - 1));
        assertTrue(!command.get(2).contains("my-nginx"), command.get(2));
    }

    @Test
    void httpHeadersReachCurlAsArgumentsOfTheirOwn() {
        logs.add(curl(0, 404, "", "404 Not Found"));
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Host", "api.shop.localtest.me");
        headers.put("X-Lesson", "${namespace}; $(reboot) `id`");
        headers.put("X-Empty", "");
        CheckSpec.Http check = new CheckSpec.Http(Checks.info("host"), "http://ingress.example/", 404, "", headers);
        Verdict verdict = evaluator.evaluate(check, kind(null));
        assertEquals(Status.PASS, verdict.status(), verdict.message());
        assertEquals("GET http://ingress.example/ with Host: api.shop.localtest.me, X-Lesson: kl-03; $(reboot) `id`, X-Empty: "
                + "returned 404", verdict.message());
        List<String> command = commands.get(0);
        // After sh -c, the script and $0 come the URL and one -H plus one "Name: value" entry per header, in file order.
        assertEquals(List.of("http://ingress.example/", "-H", "Host: api.shop.localtest.me", "-H", "X-Lesson: kl-03; $(reboot) `id`",
                "-H", "X-Empty;"), command.subList(4, command.size()));
        String script = command.get(2);
        assertTrue(script.contains("\"$@\" \"$url\""), script);
        assertTrue(!script.contains("localtest") && !script.contains("reboot"), "no header text is spliced into the script: " + script);
    }

    @Test
    void httpRetriesABoundedNumberOfTimesAndExplainsTheLastFailure() {
        logs.add(curl(6, 0, "curl: (6) Could not resolve host: my-nginx", ""));
        logs.add(curl(7, 0, "curl: (7) Failed to connect", ""));
        logs.add(curl(28, 0, "curl: (28) Connection timed out after 5001 milliseconds", ""));
        logs.add(curl(0, 200, "", "never reached"));
        Verdict verdict = evaluator.evaluate(Checks.http("http://my-nginx", 200, null), kind(null));
        assertEquals(Status.FAIL, verdict.status());
        assertEquals(3, commands.size(), "three attempts, then stop");
        assertEquals("GET http://my-nginx failed: timed out (curl: (28) Connection timed out after 5001 milliseconds)", verdict.message());
    }

    @Test
    void httpNamesAWrongStatusAndAMissingText() {
        CheckSpec.Http check = Checks.http("http://x", 200, "Welcome");
        assertEquals("GET http://x returned 503; expected 200",
                HttpProbeEvaluator.judge(check, "GET http://x", CurlOutput.parse(curl(0, 503, "", "busy"))).message());
        assertEquals("GET http://x returned 200 but the body does not contain 'Welcome' (it begins: It works)",
                HttpProbeEvaluator.judge(check, "GET http://x", CurlOutput.parse(curl(0, 200, "", "It works\n"))).message());
    }

    @Test
    void dnsReadsBusyboxAndBindStyleAnswers() {
        String busybox = "kl-exit 0\nServer:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n"
                + "Name:\tmy-nginx.kl-03.svc.cluster.local\nAddress: 10.96.41.7\n";
        NslookupOutput out = NslookupOutput.parse(busybox);
        assertEquals(List.of("10.96.41.7"), out.addresses());
        assertTrue(out.resolves());
        String bind = "kl-exit 0\nServer:  10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n"
                + "Name:      my-nginx\nAddress 1: 10.96.41.7 my-nginx.kl-03.svc.cluster.local\n";
        assertEquals(List.of("10.96.41.7"), NslookupOutput.parse(bind).addresses());
        NslookupOutput missing = NslookupOutput.parse("kl-exit 1\nServer:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n"
                + "** server can't find nope.kl-03.svc.cluster.local: NXDOMAIN\n");
        assertTrue(!missing.resolves() && !missing.serverUnreachable());
        NslookupOutput noServer = NslookupOutput.parse("kl-exit 1\n;; connection timed out; no servers could be reached\n");
        assertTrue(noServer.serverUnreachable());
    }

    @Test
    void dnsVerdictsForBothExpectations() {
        logs.add("kl-exit 0\nServer: 10.96.0.10\nAddress: 10.96.0.10:53\nName: my-nginx.kl-03.svc.cluster.local\nAddress: 10.96.41.7\n");
        Verdict resolves = evaluator.evaluate(Checks.dns("my-nginx.${namespace}.svc.cluster.local", true), kind(null));
        assertEquals(Status.PASS, resolves.status(), resolves.message());
        assertEquals("my-nginx.kl-03.svc.cluster.local resolves to 10.96.41.7", resolves.message());
        assertEquals("my-nginx.kl-03.svc.cluster.local", commands.get(0).get(commands.get(0).size() - 1));

        String nx = "kl-exit 1\n** server can't find gone.kl-03.svc.cluster.local: NXDOMAIN\n";
        logs.add(nx);
        Verdict mustNot = evaluator.evaluate(Checks.dns("gone.${namespace}.svc.cluster.local", false), kind(null));
        assertEquals(Status.PASS, mustNot.status(), mustNot.message());

        Verdict timeout = DnsProbeEvaluator.judge(Checks.dns("x", false), "x",
                NslookupOutput.parse("kl-exit 1\n;; connection timed out; no servers could be reached\n"));
        assertEquals(Status.FAIL, timeout.status(), "no answer is not proof that a name does not resolve");
    }

    @Test
    void trafficProbeCarriesTheFromLabelsAndTellsAllowFromDeny() {
        logs.add(curl(28, 0, "curl: (28) Connection timed out after 3002 milliseconds", ""));
        logs.add(curl(28, 0, "", ""));
        logs.add(curl(28, 0, "", ""));
        Verdict denied = evaluator.evaluate(Checks.traffic(Map.of("app", "frontend"), "checkout", 80, true), kind(null));
        assertEquals(Status.FAIL, denied.status());
        assertEquals("traffic from pods app=frontend to checkout:80 is denied; expected allowed (no connection: timed out)",
                denied.message());
        assertEquals(Map.of("app", "frontend"), labels.get(0));
        assertEquals("http://checkout.kl-03.svc.cluster.local:80/", commands.get(0).get(commands.get(0).size() - 1));

        CheckSpec.Traffic deny = Checks.traffic(Map.of("app", "stranger"), "frontend", 80, false);
        assertEquals(Status.PASS, TrafficProbeEvaluator.judge(deny, "kl-07", CurlOutput.parse(curl(28, 0, "", ""))).status());
        assertEquals(Status.FAIL, TrafficProbeEvaluator.judge(deny, "kl-07", CurlOutput.parse(curl(0, 404, "", ""))).status());
        assertEquals(Status.FAIL, TrafficProbeEvaluator.judge(deny, "kl-07", CurlOutput.parse(curl(6, 0, "", ""))).status(),
                "an unresolvable Service proves nothing about policy");
    }

    @Test
    void aProbeSaysWhatItsConnectionMetWhateverTheVerdict() {
        CheckSpec.Traffic deny = Checks.traffic(Map.of("app", "stranger"), "checkout", 80, false);
        Verdict timedOut = TrafficProbeEvaluator.judge(deny, "kl-07", CurlOutput.parse(curl(28, 0, "curl: (28) Connection timed out after 3002 milliseconds", "")));
        assertEquals(Status.PASS, timedOut.status(), "a deny check passes when nothing gets through");
        assertEquals(Reach.TIMED_OUT, timedOut.probeOutcome().orElseThrow().reach());
        assertEquals("curl: (28) Connection timed out after 3002 milliseconds", timedOut.probeOutcome().orElseThrow().evidence());
        assertEquals(Reach.REFUSED, TrafficProbeEvaluator.judge(deny, "kl-07", CurlOutput.parse(curl(7, 0,
                "curl: (7) Failed to connect to checkout port 80 after 1 ms: Couldn't connect to server", ""))).probeOutcome().orElseThrow().reach());
        assertEquals(Reach.REFUSED, TrafficProbeEvaluator.judge(deny, "kl-07", CurlOutput.parse(curl(7, 0, "curl: (7) Connection refused", "")))
                .probeOutcome().orElseThrow().reach());
        assertEquals(Reach.NO_ROUTE, TrafficProbeEvaluator.judge(deny, "kl-07", CurlOutput.parse(curl(7, 0,
                "curl: (7) Failed to connect to 10.96.0.9 port 80 after 3 ms: No route to host", ""))).probeOutcome().orElseThrow().reach());
        Verdict reached = TrafficProbeEvaluator.judge(deny, "kl-07", CurlOutput.parse(curl(0, 200, "", "")));
        assertEquals(Status.FAIL, reached.status());
        assertEquals(Reach.REACHED, reached.probeOutcome().orElseThrow().reach(), "a failing deny check reached its target");
        assertEquals(Reach.UNRESOLVED, TrafficProbeEvaluator.judge(deny, "kl-07", CurlOutput.parse(curl(6, 0, "", ""))).probeOutcome().orElseThrow().reach());
        Verdict busy = HttpProbeEvaluator.judge(Checks.http("http://x", 200, ""), "GET http://x", CurlOutput.parse(curl(0, 503, "", "busy")));
        assertEquals(Status.FAIL, busy.status());
        assertEquals(new ProbeOutcome(Reach.REACHED, "HTTP 503", busy.probeOutcome().orElseThrow().at()), busy.probeOutcome().orElseThrow());
        assertEquals(Reach.FAILED, HttpProbeEvaluator.judge(Checks.http("http://x", 200, ""), "GET http://x", CurlOutput.parse("no markers"))
                .probeOutcome().orElseThrow().reach());
        assertTrue(Verdict.skipped(deny, "no data plane").probeOutcome().isEmpty(), "a skipped check probed nothing");
    }

    @Test
    void probePodIsLabelledAsOursAndCannotLinger() {
        Pod pod = ProbePod.manifest("kl-07", ProbeOptions.DEFAULT_IMAGE, Map.of("app", "frontend"), List.of("true"), 60);
        assertEquals("kubelessons", pod.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
        assertEquals("frontend", pod.getMetadata().getLabels().get("app"));
        assertEquals("Never", pod.getSpec().getRestartPolicy());
        assertEquals(60L, pod.getSpec().getActiveDeadlineSeconds());
        assertEquals("IfNotPresent", pod.getSpec().getContainers().get(0).getImagePullPolicy());
        assertEquals("kl-probe-", pod.getMetadata().getGenerateName());
    }

    @Test
    void nodeCommandRunsInTheNamedNodeAndMatchesALine() {
        List<String> ran = new ArrayList<>();
        NodeShell shell = (node, command) -> {
            ran.add(node + ": " + String.join(" ", command));
            return "*nat\n-A KUBE-SERVICES -d 10.96.41.7/32 -p tcp -m comment --comment \"kl-03/my-nginx:http cluster IP\""
                    + " -j KUBE-SVC-ABCDEFGHIJKLMNOP\nCOMMIT\n";
        };
        CheckSpec.NodeCommand check = Checks.nodeCommand("control-plane", List.of("iptables-save", "-t", "nat"),
                "-A KUBE-SERVICES .*\\Q${namespace}\\E/my-nginx(:http)? cluster IP.* -j KUBE-SVC-[A-Z0-9]{16}");
        Verdict verdict = evaluator.evaluate(check, kind(shell));
        assertEquals(Status.PASS, verdict.status(), verdict.message());
        assertEquals(List.of("control-plane: iptables-save -t nat"), ran);
        assertTrue(verdict.actual().startsWith("-A KUBE-SERVICES -d 10.96.41.7/32"), verdict.actual());

        ran.clear();
        Verdict fail = evaluator.evaluate(Checks.nodeCommand("worker", List.of("iptables-save"), "--probability 0\\.5"), kind(shell));
        assertEquals(Status.FAIL, fail.status());
        assertEquals(3, ran.size(), "retried a bounded number of times: kube-proxy may lag the API");
        assertEquals("no line of `iptables-save` on node worker (3 lines) matches --probability 0\\.5", fail.message());
    }

    @Test
    void nodeCommandFailuresAndMissingShellsAreNotPasses() {
        NodeShell broken = (node, command) -> {
            throw new NodeShell.NodeShellException("docker exec kubelessons-worker exited with 1: No such container");
        };
        Verdict error = evaluator.evaluate(Checks.nodeCommand("worker", List.of("ip", "route"), "."), kind(broken));
        assertEquals(Status.ERROR, error.status());
        assertTrue(error.message().contains("No such container"), error.message());

        Verdict noShell = evaluator.evaluate(Checks.nodeCommand("worker", List.of("ip", "route"), "."), kind(null));
        assertEquals(Status.SKIPPED, noShell.status());
        assertEquals(NodeCommandEvaluator.NO_NODE_SHELL, noShell.message());
    }

    @Test
    void aNodeCheckWhoseRequirementFailsIsSkippedWithTheEvidenceNeverFailed() {
        List<String> ran = new ArrayList<>();
        NodeShell noIpvs = (node, command) -> {
            ran.add(node + ": " + String.join(" ", command));
            if (command.get(0).equals("probe-ipvs")) {
                throw new NodeShell.NodeShellException("docker exec kubelessons-ipvs-control-plane probe-ipvs exited with 1: no /proc/net/ip_vs\n# CONFIG_IP_VS is not set\n");
            }
            return "TCP  0A60000A:1F90 rr\n";
        };
        NodeRequirement ipvs = new NodeRequirement(List.of("probe-ipvs"), "the kernel has no IPVS (CONFIG_IP_VS)");
        CheckSpec.NodeCommand check = new CheckSpec.NodeCommand(Checks.nodeCommand("control-plane", List.of("cat", "/proc/net/ip_vs"), "TCP").info(),
                "control-plane", List.of("cat", "/proc/net/ip_vs"), "TCP", Optional.of(ipvs));
        Verdict skipped = evaluator.evaluate(check, kind(noIpvs));
        assertEquals(Status.SKIPPED, skipped.status());
        assertEquals(Verdict.NOT_ON_THIS_MACHINE + "the kernel has no IPVS (CONFIG_IP_VS) (evidence on node control-plane: no /proc/net/ip_vs; "
                + "# CONFIG_IP_VS is not set)", skipped.message(), "the command's own words, on one line");
        assertEquals(List.of("control-plane: probe-ipvs"), ran, "the check's own command never runs without its requirement");

        ran.clear();
        NodeShell withIpvs = (node, command) -> {
            ran.add(node + ": " + String.join(" ", command));
            return command.get(0).equals("probe-ipvs") ? "" : "TCP  0A60000A:1F90 rr\n";
        };
        assertEquals(Status.PASS, evaluator.evaluate(check, kind(withIpvs)).status());
        assertEquals(List.of("control-plane: probe-ipvs", "control-plane: cat /proc/net/ip_vs"), ran);

        NodeShell noNode = (node, command) -> {
            throw new NodeShell.NodeShellException("docker exec kubelessons-ipvs-control-plane exited with 1: No such container");
        };
        assertEquals(Status.ERROR, evaluator.evaluate(check, kind(noNode)).status(), "a missing node is not a machine's limit");
    }

    @Test
    void dockerNodeShellNamesKindContainers() {
        DockerNodeShell shell = new DockerNodeShell("kubelessons");
        assertEquals("kubelessons-control-plane", shell.container("control-plane"));
        assertEquals("kubelessons-worker", shell.container("worker"));
        assertEquals("kubelessons-worker2", shell.container("kubelessons-worker2"));
        assertEquals(List.of("docker", "exec", "kubelessons-worker", "iptables-save", "-t", "nat"),
                shell.argv("worker", List.of("iptables-save", "-t", "nat")));
    }

    @Test
    void celFailureNamesTheValuesOfTheFieldsItRead() {
        Map<String, Object> service = Map.of("spec", Map.of("type", "NodePort", "selector", Map.of("app", "web")));
        assertEquals(" (spec.type is NodePort, spec.selector.app is web, spec.clusterIP is absent)",
                CelEvaluator.explainFields("object.spec.type == 'ClusterIP' && has(object.spec.selector)"
                        + " && object.spec.selector.app == 'my-nginx' && object.spec.clusterIP != 'None'", service));
    }
}
