package dev.kubelessons.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.check.CheckWatcher;
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
        Map<String, List<GenericKubernetesResource>> objects = byKind();
        return new MapBuilder((CheckWatcher.Kind kind) -> objects.getOrDefault(kind.kind(), List.of())).build("kl-shop", List.of());
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
