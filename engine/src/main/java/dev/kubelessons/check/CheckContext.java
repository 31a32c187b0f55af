package dev.kubelessons.check;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a check needs to run: a client, the lesson namespace, whether packets flow on this
 * cluster (and why not), a shell on the nodes when the cluster has one, and the probe pod settings.
 */
public record CheckContext(KubernetesClient client, String namespace, Optional<String> noDataPlaneReason,
                           Optional<NodeShell> nodeShell, ProbeOptions probe) {

    /** The reason data-plane checks give on kwok. */
    public static final String KWOK_REASON = "the kwok cluster has no data plane (no kube-proxy, DNS or packets)";

    public CheckContext {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(noDataPlaneReason, "noDataPlaneReason");
        Objects.requireNonNull(nodeShell, "nodeShell");
        Objects.requireNonNull(probe, "probe");
    }

    /** A cluster without a data plane (kwok): data-plane checks are SKIPPED with {@code reason}. */
    public static CheckContext withoutDataPlane(KubernetesClient client, String namespace, String reason) {
        return new CheckContext(client, namespace, Optional.of(reason), Optional.empty(), ProbeOptions.defaults());
    }

    /** A cluster with real pods and packets; {@code nodeShell} is null when its nodes cannot be entered (not kind). */
    public static CheckContext withDataPlane(KubernetesClient client, String namespace, NodeShell nodeShell) {
        return new CheckContext(client, namespace, Optional.empty(), Optional.ofNullable(nodeShell), ProbeOptions.defaults());
    }

    public CheckContext withProbe(ProbeOptions options) {
        return new CheckContext(client, namespace, noDataPlaneReason, nodeShell, options);
    }

    public boolean hasDataPlane() {
        return noDataPlaneReason.isEmpty();
    }

    /**
     * Lessons write {@code ${namespace}} in URLs, DNS names and node-command patterns for the lesson namespace, and
     * {@code ${nodes}} in node commands for the cluster's nodes ({@link NodeTable}).
     */
    public String expand(String text) {
        return text == null ? null : NodeTable.expand(text.replace("${namespace}", namespace), client);
    }
}
