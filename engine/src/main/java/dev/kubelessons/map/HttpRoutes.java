package dev.kubelessons.map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The Gateway API's HTTPRoutes as map routes, read as plain maps (the CRD's model is not part of the client). */
final class HttpRoutes {

    private HttpRoutes() {
    }

    @SuppressWarnings("unchecked")
    static List<NamespaceMap.Route> of(GenericKubernetesResource route) {
        Map<String, Object> spec = (Map<String, Object>) route.getAdditionalProperties().getOrDefault("spec", Map.of());
        List<String> hosts = (List<String>) spec.getOrDefault("hostnames", List.of("*"));
        List<NamespaceMap.Route> routes = new ArrayList<>();
        for (Object ruleObject : (List<Object>) spec.getOrDefault("rules", List.of())) {
            Map<String, Object> rule = (Map<String, Object>) ruleObject;
            List<String> paths = new ArrayList<>();
            for (Object match : (List<Object>) rule.getOrDefault("matches", List.of())) {
                Map<String, Object> path = (Map<String, Object>) ((Map<String, Object>) match).getOrDefault("path", Map.of());
                paths.add(Objects.toString(path.get("value"), "/"));
            }
            List<String> backends = new ArrayList<>();
            for (Object ref : (List<Object>) rule.getOrDefault("backendRefs", List.of())) {
                Map<String, Object> backend = (Map<String, Object>) ref;
                backends.add(backend.get("name") + ":" + Objects.toString(backend.get("port"), ""));
            }
            routes.add(new NamespaceMap.Route("HTTPRoute", route.getMetadata().getName(),
                    String.join(",", hosts) + (paths.isEmpty() ? "/" : String.join(",", paths)), backends));
        }
        return routes;
    }
}
