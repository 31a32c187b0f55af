package dev.kubelessons.map;

import dev.kubelessons.check.CheckWatcher;
import dev.kubelessons.check.Verdict;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Builds a {@link NamespaceMap} from the objects the watch holds and the latest verdicts (for the probed paths). */
public final class MapBuilder {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final Function<CheckWatcher.Kind, List<GenericKubernetesResource>> objects;

    /** @param objects the watch's cached objects of a kind (empty when it is not watched) */
    public MapBuilder(Function<CheckWatcher.Kind, List<GenericKubernetesResource>> objects) {
        this.objects = objects;
    }

    public NamespaceMap build(String namespace, List<Verdict> verdicts) {
        List<Pod> pods = typed("v1", "Pod", Pod.class);
        List<NetworkPolicy> policies = typed("networking.k8s.io/v1", "NetworkPolicy", NetworkPolicy.class);
        List<NamespaceMap.Pod> podBoxes = pods.stream().map(MapBuilder::pod).sorted(Comparator.comparing(NamespaceMap.Pod::name)).toList();
        PolicyReading reading = new PolicyReading(namespace, policies);
        List<NamespaceMap.Service> services = services();
        List<NamespaceMap.Route> routes = routes();
        return new NamespaceMap(namespace, nodes(), podBoxes, services, routes, reading.policies(), reading.flows(pods),
                ProbedPaths.of(namespace, verdicts, services, routes));
    }

    private <T> List<T> typed(String apiVersion, String kind, Class<T> type) {
        return objects.apply(new CheckWatcher.Kind(apiVersion, kind)).stream().map(o -> JSON.convertValue(o, type)).toList();
    }

    private List<NamespaceMap.Node> nodes() {
        return objects.apply(new CheckWatcher.Kind("v1", "Node")).stream()
                .map(o -> JSON.convertValue(o, io.fabric8.kubernetes.api.model.Node.class))
                .map(n -> new NamespaceMap.Node(n.getMetadata().getName(), n.getStatus() != null && n.getStatus().getConditions() != null
                        && n.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))))
                .sorted(Comparator.comparing(NamespaceMap.Node::name)).toList();
    }

    private static NamespaceMap.Pod pod(Pod pod) {
        var status = pod.getStatus();
        boolean ready = status != null && status.getConditions() != null && status.getConditions().stream()
                .anyMatch((PodCondition c) -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        String node = pod.getSpec() == null || pod.getSpec().getNodeName() == null ? "" : pod.getSpec().getNodeName();
        String ip = status == null || status.getPodIP() == null ? "" : status.getPodIP();
        return new NamespaceMap.Pod(pod.getMetadata().getName(), ip, node, ready, Workloads.of(pod.getMetadata()));
    }

    private List<NamespaceMap.Service> services() {
        List<EndpointSlice> slices = typed("discovery.k8s.io/v1", "EndpointSlice", EndpointSlice.class);
        List<NamespaceMap.Service> services = new ArrayList<>();
        for (Service service : typed("v1", "Service", Service.class)) {
            String name = service.getMetadata().getName();
            List<String> ports = service.getSpec().getPorts() == null ? List.of()
                    : service.getSpec().getPorts().stream().map(MapBuilder::port).toList();
            List<NamespaceMap.Endpoint> endpoints = new ArrayList<>();
            for (EndpointSlice slice : slices) {
                Map<String, String> labels = slice.getMetadata().getLabels();
                if (labels == null || !name.equals(labels.get("kubernetes.io/service-name")) || slice.getEndpoints() == null) {
                    continue;
                }
                for (Endpoint endpoint : slice.getEndpoints()) {
                    boolean ready = endpoint.getConditions() == null || !Boolean.FALSE.equals(endpoint.getConditions().getReady());
                    String pod = endpoint.getTargetRef() == null ? "" : Objects.toString(endpoint.getTargetRef().getName(), "");
                    String ip = endpoint.getAddresses() == null || endpoint.getAddresses().isEmpty() ? "" : endpoint.getAddresses().get(0);
                    endpoints.add(new NamespaceMap.Endpoint(pod, ip, ready));
                }
            }
            endpoints.sort(Comparator.comparing(NamespaceMap.Endpoint::pod).thenComparing(NamespaceMap.Endpoint::ip));
            services.add(new NamespaceMap.Service(name, Objects.toString(service.getSpec().getType(), "ClusterIP"),
                    Objects.toString(service.getSpec().getClusterIP(), ""), ports, endpoints));
        }
        services.sort(Comparator.comparing(NamespaceMap.Service::name));
        return services;
    }

    private static String port(ServicePort port) {
        String target = port.getTargetPort() == null ? "" : " -> " + (port.getTargetPort().getStrVal() != null
                ? port.getTargetPort().getStrVal() : String.valueOf(port.getTargetPort().getIntVal()));
        String nodePort = port.getNodePort() == null ? "" : " (node port " + port.getNodePort() + ")";
        return port.getPort() + "/" + Objects.toString(port.getProtocol(), "TCP") + target + nodePort;
    }

    private List<NamespaceMap.Route> routes() {
        List<NamespaceMap.Route> routes = new ArrayList<>();
        for (Ingress ingress : typed("networking.k8s.io/v1", "Ingress", Ingress.class)) {
            String name = ingress.getMetadata().getName();
            if (ingress.getSpec().getDefaultBackend() != null && ingress.getSpec().getDefaultBackend().getService() != null) {
                var backend = ingress.getSpec().getDefaultBackend().getService();
                routes.add(new NamespaceMap.Route("Ingress", name, "everything else", List.of(backend.getName() + ":" + backendPort(backend.getPort()))));
            }
            for (IngressRule rule : ingress.getSpec().getRules() == null ? List.<IngressRule>of() : ingress.getSpec().getRules()) {
                String host = rule.getHost() == null ? "*" : rule.getHost();
                if (rule.getHttp() == null) {
                    continue;
                }
                rule.getHttp().getPaths().forEach(path -> routes.add(new NamespaceMap.Route("Ingress", name,
                        host + Objects.toString(path.getPath(), "/"),
                        path.getBackend() == null || path.getBackend().getService() == null ? List.of()
                                : List.of(path.getBackend().getService().getName() + ":" + backendPort(path.getBackend().getService().getPort())))));
            }
        }
        for (GenericKubernetesResource route : objects.apply(new CheckWatcher.Kind("gateway.networking.k8s.io/v1", "HTTPRoute"))) {
            routes.addAll(HttpRoutes.of(route));
        }
        return routes;
    }

    private static String backendPort(io.fabric8.kubernetes.api.model.networking.v1.ServiceBackendPort port) {
        return port == null ? "" : port.getName() != null ? port.getName() : String.valueOf(port.getNumber());
    }
}
