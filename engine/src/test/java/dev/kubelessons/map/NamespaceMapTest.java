package dev.kubelessons.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.check.CheckWatcher;
import dev.kubelessons.check.ProbeOutcome;
import dev.kubelessons.check.Reach;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.CheckInfo;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.SourcePosition;
import java.nio.file.Path;
import java.time.Instant;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The map read from objects as the watch holds them: endpoints, routes, policies as allowed and denied traffic; its SVG escaped and labelled. */
class NamespaceMapTest {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private static final String OBJECTS = """
            apiVersion: v1
            kind: Node
            metadata: {name: node-a}
            status: {conditions: [{type: Ready, status: "True"}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: frontend-1, labels: {app: frontend}}
            spec: {nodeName: node-a, containers: [{name: c, image: nginx}]}
            status: {podIP: 10.244.0.5, conditions: [{type: Ready, status: "True"}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: checkout-1, labels: {app: checkout}}
            spec: {nodeName: node-a, containers: [{name: c, image: nginx}]}
            status: {podIP: 10.244.0.6, conditions: [{type: Ready, status: "False"}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: payments-1, labels: {app: payments}}
            spec: {containers: [{name: c, image: nginx}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: checkout}
            spec: {type: ClusterIP, clusterIP: 10.96.0.20, selector: {app: checkout}, ports: [{port: 80, targetPort: 8080, protocol: TCP}]}
            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata: {name: checkout-abc, labels: {kubernetes.io/service-name: checkout}}
            addressType: IPv4
            endpoints: [{addresses: [10.244.0.6], conditions: {ready: false}, targetRef: {kind: Pod, name: checkout-1}}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop}
            spec: {rules: [{host: shop.example, http: {paths: [{path: /pay, pathType: Prefix, backend: {service: {name: checkout, port: {number: 80}}}}]}}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: checkout-ingress}
            spec:
              podSelector: {matchLabels: {app: checkout}}
              policyTypes: [Ingress]
              ingress: [{from: [{podSelector: {matchLabels: {app: frontend}}}], ports: [{port: 8080, protocol: TCP}]}]
            """;

    private static Map<String, List<GenericKubernetesResource>> byKind() {
        List<GenericKubernetesResource> all = java.util.Arrays.stream(OBJECTS.split("(?m)^---$"))
                .map(doc -> JSON.unmarshal(doc, GenericKubernetesResource.class)).toList();
        return all.stream().collect(Collectors.groupingBy(GenericKubernetesResource::getKind));
    }

    private static NamespaceMap map() {
        return map(List.of());
    }

    private static NamespaceMap map(List<Verdict> verdicts) {
        Map<String, List<GenericKubernetesResource>> objects = byKind();
        return new MapBuilder((CheckWatcher.Kind kind) -> objects.getOrDefault(kind.kind(), List.of())).build("kl-shop", verdicts);
    }

    private static CheckInfo info(String id) {
        return new CheckInfo(id, id, "", "", SourcePosition.of(Path.of("07.md"), 1, 1));
    }

    private static Verdict probed(Verdict verdict, Reach reach, String evidence) {
        return verdict.probed(new ProbeOutcome(reach, evidence, Instant.EPOCH));
    }

    /** Four data-plane checks as kind leaves them, and one as kwok does (skipped). */
    private static List<Verdict> probedVerdicts() {
        CheckSpec.Traffic frontend = new CheckSpec.Traffic(info("frontend-reaches-checkout"), Map.of("app", "frontend"), "checkout", 80, true);
        CheckSpec.Traffic stranger = new CheckSpec.Traffic(info("stranger-blocked"), Map.of("app", "stranger"), "checkout", 80, false);
        CheckSpec.Traffic payments = new CheckSpec.Traffic(info("payments-refused"), Map.of("app", "payments"), "checkout", 80, false);
        CheckSpec.Http ingress = new CheckSpec.Http(info("pay-through-ingress"), "http://traefik.traefik.svc.cluster.local/pay/now", 200, "",
                Map.of("Host", "shop.example"));
        CheckSpec.Http skipped = new CheckSpec.Http(info("checkout-http"), "http://checkout.${namespace}.svc.cluster.local", 200, "", Map.of());
        return List.of(
                probed(Verdict.pass(frontend, "allowed", "a connection was made"), Reach.REACHED, "HTTP 200"),
                // A deny check PASSES when the probe times out: the map says "timed out", not "passed" or "reached".
                probed(Verdict.pass(stranger, "denied", "no connection"), Reach.TIMED_OUT, "curl: (28) Connection timed out after 3002 milliseconds"),
                probed(Verdict.pass(payments, "denied", "no connection"), Reach.REFUSED, "curl: (7) Couldn't connect to server"),
                probed(Verdict.fail(ingress, "HTTP 404", "HTTP 200", "returned 404"), Reach.REACHED, "HTTP 404"),
                Verdict.skipped(skipped, "needs a data plane; kwok has none"));
    }

    @Test
    void probedPathsAreMarkedWithWhatTheProbeMetNotWithPassOrFail() throws Exception {
        NamespaceMap map = map(probedVerdicts());
        List<String> outcomes = map.probes().stream().map(p -> p.check() + " " + p.outcome() + " " + p.target()).toList();
        assertEquals(List.of(
                "frontend-reaches-checkout reached Target[kind=Service, name=checkout, match=]",
                "stranger-blocked timed out Target[kind=Service, name=checkout, match=]",
                "payments-refused refused Target[kind=Service, name=checkout, match=]",
                "pay-through-ingress reached Target[kind=Route, name=shop, match=shop.example/pay]",
                "checkout-http not probed Target[kind=Service, name=checkout, match=]"), outcomes);
        assertEquals("skipped here: needs a data plane; kwok has none", map.probes().get(4).detail());

        List<String> text = MapText.lines(map);
        String all = String.join("\n", text);
        assertTrue(text.contains("  app=stranger -> checkout:80  TIMED OUT  (curl: (28) Connection timed out after 3002 milliseconds)  [stranger-blocked]"), all);
        assertTrue(text.contains("  app=payments -> checkout:80  REFUSED  (curl: (7) Couldn't connect to server)  [payments-refused]"), all);
        assertTrue(text.contains("  the probe pod -> traefik /pay/now (Host shop.example)  REACHED  (HTTP 404)  [pay-through-ingress]"), all);
        assertTrue(text.contains("  the probe pod -> checkout /  NOT PROBED  (skipped here: needs a data plane; kwok has none)  [checkout-http]"), all);

        Document doc = parse(MapSvg.render(map));
        List<org.w3c.dom.Element> edges = elements(doc, "path").stream().filter(p -> p.getAttribute("class").startsWith("p-")).toList();
        assertEquals(List.of("p-reached", "p-timed-out", "p-refused", "p-reached"), edges.stream().map(e -> e.getAttribute("class")).toList(),
                "one edge per probe that ran; none for the skipped one");
        assertTrue(edges.stream().allMatch(e -> e.getAttribute("marker-end").startsWith("url(#kl-map-arrow-")), "every probed edge has an arrow");
        assertEquals("app=stranger \u2192 checkout:80: timed out (curl: (28) Connection timed out after 3002 milliseconds); check stranger-blocked",
                edges.get(1).getElementsByTagName("title").item(0).getTextContent(), "the edge says its outcome in words");
        String desc = doc.getElementsByTagName("desc").item(0).getTextContent();
        assertTrue(desc.contains("app=stranger -> checkout:80  TIMED OUT") && desc.contains("checkout-http") && desc.contains("NOT PROBED"), desc);
        List<String> boxes = elements(doc, "g").stream().map(g -> g.getTextContent()).filter(t -> t.contains("check ")).toList();
        assertTrue(boxes.stream().anyMatch(t -> t.contains("\u2718 timed out")), String.join(" | ", boxes));
        assertTrue(boxes.stream().anyMatch(t -> t.contains("\u2013 not probed here")), String.join(" | ", boxes));
        assertFalse(boxes.stream().filter(t -> t.contains("checkout-http")).anyMatch(t -> t.contains("reached")), "a skipped probe never says reached");
    }

    @Test
    void aProbedPathWhoseTargetIsNotInTheMapIsABoxWithoutAnEdge() throws Exception {
        CheckSpec.Traffic gone = new CheckSpec.Traffic(info("x<y>"), Map.of("app", "a&b"), "no-such-service", 80, true);
        NamespaceMap map = map(List.of(probed(Verdict.fail(gone, "denied", "allowed", "no connection"), Reach.TIMED_OUT, "<timed out>")));
        assertEquals(NamespaceMap.Target.NONE, map.probes().get(0).target());
        String svg = MapSvg.render(map);
        assertFalse(svg.contains("<timed out>") || svg.contains("x<y>"), svg);
        Document doc = parse(svg);
        assertTrue(elements(doc, "path").stream().noneMatch(p -> p.getAttribute("class").startsWith("p-")), "no edge to nothing");
        assertTrue(doc.getDocumentElement().getTextContent().contains("app=a&b \u2192 no-such-service:80: timed out (<timed out>); check x<y>"));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<org.w3c.dom.Element> elements(Document doc, String tag) {
        var list = doc.getElementsByTagName(tag);
        List<org.w3c.dom.Element> out = new java.util.ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((org.w3c.dom.Element) list.item(i));
        }
        return out;
    }

    @Test
    void readsEndpointsRoutesAndPoliciesAsTraffic() {
        NamespaceMap map = map();
        assertEquals(List.of(new NamespaceMap.Node("node-a", true)), map.nodes());
        assertEquals(new NamespaceMap.Pod("checkout-1", "10.244.0.6", "node-a", false, "app=checkout"), map.pods().get(0));
        NamespaceMap.Service checkout = map.services().get(0);
        assertEquals(List.of("80/TCP -> 8080"), checkout.ports());
        assertEquals(List.of(new NamespaceMap.Endpoint("checkout-1", "10.244.0.6", false)), checkout.endpoints());
        assertEquals(List.of(new NamespaceMap.Route("Ingress", "shop", "shop.example/pay", List.of("checkout:80"))), map.routes());
        NamespaceMap.Flow fromFrontend = flow(map, "app=frontend", "app=checkout");
        assertTrue(fromFrontend.allowed(), fromFrontend.toString());
        assertEquals("allowed by checkout-ingress on TCP 8080", fromFrontend.why());
        NamespaceMap.Flow fromPayments = flow(map, "app=payments", "app=checkout");
        assertFalse(fromPayments.allowed(), fromPayments.toString());
        assertTrue(fromPayments.why().contains("limited by checkout-ingress, and no rule admits app=payments"), fromPayments.why());
        assertTrue(flow(map, "app=checkout", "app=frontend").allowed(), "frontend is selected by no policy");
        List<String> text = MapText.lines(map);
        assertTrue(text.contains("      -> checkout-1 10.244.0.6  NOT READY"), String.join("\n", text));
        assertTrue(text.stream().anyMatch(l -> l.contains("app=payments -> app=checkout  DENIED")), String.join("\n", text));
        assertTrue(text.contains("  (not scheduled) pod payments-1  (no IP yet)  not ready"), String.join("\n", text));
    }

    private static NamespaceMap.Flow flow(NamespaceMap map, String from, String to) {
        return map.flows().stream().filter(f -> f.from().equals(from) && f.to().equals(to)).findFirst().orElseThrow();
    }

    @Test
    void theSvgIsWellFormedEscapedAndLabelled() throws Exception {
        NamespaceMap hostile = new NamespaceMap("kl-x", List.of(new NamespaceMap.Node("n<1>", true)),
                List.of(new NamespaceMap.Pod("p\"&<script>alert(1)</script>", "10.0.0.1", "n<1>", true, "app=x")),
                List.of(new NamespaceMap.Service("s'1", "ClusterIP", "10.96.0.1", List.of("80/TCP -> 8080"),
                        List.of(new NamespaceMap.Endpoint("p\"&<script>alert(1)</script>", "10.0.0.1", true)))),
                List.of(new NamespaceMap.Route("HTTPRoute", "r", "*/<img src=x>", List.of("s'1:80"))), List.of(), List.of(), List.of());
        String svg = MapSvg.render(hostile);
        assertFalse(svg.contains("<script>") || svg.contains("<img"), svg);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("img", doc.getDocumentElement().getAttribute("role"));
        assertEquals("kl-map-title kl-map-desc", doc.getDocumentElement().getAttribute("aria-labelledby"));
        assertEquals("Live map of namespace kl-x", doc.getElementsByTagName("title").item(0).getTextContent());
        String desc = doc.getElementsByTagName("desc").item(0).getTextContent();
        assertTrue(desc.contains("pod p\"&<script>alert(1)</script>  10.0.0.1  ready"), "the description reads the names as text: " + desc);
        assertEquals(2, doc.getElementsByTagName("path").getLength(), "one edge to the endpoint, one from the route");
    }
}
