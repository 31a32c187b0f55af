package dev.kubelessons.map;

import dev.kubelessons.check.CheckWatcher;
import java.util.List;

/**
 * What is in a lesson namespace, as the live map draws it: the nodes and the pods on them, the Services with their
 * endpoints, the routes into them, what the NetworkPolicies allow and deny between the namespace's workloads, and the
 * paths that data-plane checks probed. Built by {@link MapBuilder} from the watch's caches; drawn as text and SVG.
 */
public record NamespaceMap(String namespace, List<Node> nodes, List<Pod> pods, List<Service> services, List<Route> routes,
                           List<Policy> policies, List<Flow> flows, List<Probe> probes) {

    /** The kinds the map reads, watched by the same informers as the checks. */
    public static final List<CheckWatcher.Kind> KINDS = List.of(
            new CheckWatcher.Kind("v1", "Node"),
            new CheckWatcher.Kind("v1", "Pod"),
            new CheckWatcher.Kind("v1", "Service"),
            new CheckWatcher.Kind("discovery.k8s.io/v1", "EndpointSlice"),
            new CheckWatcher.Kind("networking.k8s.io/v1", "Ingress"),
            new CheckWatcher.Kind("gateway.networking.k8s.io/v1", "HTTPRoute"),
            new CheckWatcher.Kind("networking.k8s.io/v1", "NetworkPolicy"));

    public NamespaceMap {
        nodes = List.copyOf(nodes);
        pods = List.copyOf(pods);
        services = List.copyOf(services);
        routes = List.copyOf(routes);
        policies = List.copyOf(policies);
        flows = List.copyOf(flows);
        probes = List.copyOf(probes);
    }

    /** A node of the cluster. */
    public record Node(String name, boolean ready) {
    }

    /** A pod: its IP and node (empty while unscheduled), whether it is ready, and the workload it belongs to. */
    public record Pod(String name, String ip, String node, boolean ready, String workload) {
    }

    /** A Service: type, ClusterIP, ports as "80/TCP -> 8080", and the endpoints its EndpointSlices list. */
    public record Service(String name, String type, String clusterIp, List<String> ports, List<Endpoint> endpoints) {
        public Service {
            ports = List.copyOf(ports);
            endpoints = List.copyOf(endpoints);
        }
    }

    /** One endpoint of a Service: the pod it names (or its IP), and whether it is ready to take traffic. */
    public record Endpoint(String pod, String ip, boolean ready) {
    }

    /** An Ingress rule or an HTTPRoute: what it matches and the Services ("name:port") it sends that traffic to. */
    public record Route(String kind, String name, String match, List<String> backends) {
        public Route {
            backends = List.copyOf(backends);
        }
    }

    /** A NetworkPolicy in words: which pods it selects, and what it lets in and out. */
    public record Policy(String name, String selects, List<String> rules) {
        public Policy {
            rules = List.copyOf(rules);
        }
    }

    /** Traffic between two workloads of the namespace under the policies: allowed or denied, and why. */
    public record Flow(String from, String to, boolean allowed, String why) {
    }

    /**
     * A path a data-plane check probed, and what its latest probe met there: from which pods (their labels, or the probe
     * pod) to what ({@code to} in words), the object of the map it reaches ({@code target}, to draw the edge to), and
     * {@code reach} (empty when no probe ran: skipped on a cluster without a data plane, or not run yet) with {@code detail}
     * in the probe's or the skip's own words.
     */
    public record Probe(String check, String from, String to, Target target, java.util.Optional<dev.kubelessons.check.Reach> reach, String detail) {

        /** "reached", "timed out", ...; "not probed" when no probe ran. */
        public String outcome() {
            return reach.map(dev.kubelessons.check.Reach::word).orElse("not probed");
        }
    }

    /** An object of the map a probe aims at: a Service by name, or a route (Ingress rule or HTTPRoute) by name and match; NONE when it is not in the map. */
    public record Target(String kind, String name, String match) {
        public static final Target NONE = new Target("", "", "");

        public static Target service(String name) {
            return new Target("Service", name, "");
        }
    }
}
