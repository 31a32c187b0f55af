package dev.kubelessons.map;

import java.util.ArrayList;
import java.util.List;

/** The namespace map as plain lines, for the terminal tutor (the {@code m} key). */
public final class MapText {

    private MapText() {
    }

    public static List<String> lines(NamespaceMap map) {
        List<String> lines = new ArrayList<>();
        lines.add("Namespace " + map.namespace() + ", as the watch sees it now");
        lines.add("");
        lines.add("Nodes and their pods");
        for (NamespaceMap.Node node : map.nodes()) {
            lines.add("  " + node.name() + (node.ready() ? "" : " (not ready)"));
            map.pods().stream().filter(p -> p.node().equals(node.name())).forEach(p -> lines.add("    pod " + pod(p)));
        }
        map.pods().stream().filter(p -> p.node().isEmpty()).forEach(p -> lines.add("  (not scheduled) pod " + pod(p)));
        if (map.pods().isEmpty()) {
            lines.add("  no pods in the namespace");
        }
        lines.add("");
        lines.add("Services");
        for (NamespaceMap.Service service : map.services()) {
            lines.add("  " + service.name() + "  " + service.type() + " " + (service.clusterIp().isEmpty() ? "(no IP)" : service.clusterIp())
                    + "  " + String.join(", ", service.ports()));
            long ready = service.endpoints().stream().filter(NamespaceMap.Endpoint::ready).count();
            lines.add("    endpoints: " + ready + " ready, " + (service.endpoints().size() - ready) + " not ready");
            service.endpoints().forEach(e -> lines.add("      -> " + (e.pod().isEmpty() ? e.ip() : e.pod() + " " + e.ip()) + (e.ready() ? "  ready" : "  NOT READY")));
        }
        if (map.services().isEmpty()) {
            lines.add("  no Services");
        }
        if (!map.routes().isEmpty()) {
            lines.add("");
            lines.add("Routes in");
            map.routes().forEach(r -> lines.add("  " + r.kind() + " " + r.name() + ": " + r.match() + " -> " + String.join(", ", r.backends())));
        }
        if (!map.policies().isEmpty()) {
            lines.add("");
            lines.add("NetworkPolicies");
            for (NamespaceMap.Policy policy : map.policies()) {
                lines.add("  " + policy.name() + " selects " + policy.selects());
                policy.rules().forEach(rule -> lines.add("    " + rule));
            }
            lines.add("  Traffic between the workloads here:");
            map.flows().forEach(f -> lines.add("    " + f.from() + " -> " + f.to() + "  " + (f.allowed() ? "ALLOWED" : "DENIED") + "  (" + f.why() + ")"));
        }
        if (!map.probes().isEmpty()) {
            lines.add("");
            lines.add("Paths probed by the checks (what the latest probe's connection met)");
            map.probes().forEach(p -> lines.add("  " + p.from() + " -> " + p.to() + "  " + p.outcome().toUpperCase(java.util.Locale.ROOT)
                    + "  (" + p.detail() + ")  [" + p.check() + "]"));
        }
        return lines;
    }

    private static String pod(NamespaceMap.Pod pod) {
        return pod.name() + "  " + (pod.ip().isEmpty() ? "(no IP yet)" : pod.ip()) + (pod.ready() ? "  ready" : "  not ready");
    }
}
