package dev.kubelessons.cluster;

import dev.kubelessons.failure.PrerequisiteException;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A cluster the user already has, named by a context in their kubeconfig (a workshop cluster, EKS, GKE); never started or removed by us. */
public final class ContextProvider implements ClusterProvider {

    private final String context;
    private Boolean dataPlane;

    public ContextProvider(String context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "context:" + context;
    }

    @Override
    public void up(PrintWriter out) {
        ClusterAccess access = access();
        out.println("context '" + context + "' is your own cluster: 'up' starts nothing; "
                + (ReadinessWait.apiReadyNow(access) ? "its API answers" : "its API does NOT answer"));
        out.println(access.describe());
        out.flush();
    }

    @Override
    public void down(PrintWriter out) {
        out.println("context '" + context + "' is your own cluster: 'down' removes nothing");
        out.flush();
    }

    @Override
    public ClusterStatus status() {
        Optional<Path> file = kubeconfigWithContext();
        if (file.isEmpty()) {
            return ClusterStatus.stopped(name(), "no context '" + context + "' in " + String.join(", ", io.fabric8.kubernetes.client.Config.getKubeconfigFilenames()));
        }
        ClusterAccess access = new ClusterAccess(file.get(), context);
        boolean ready = ReadinessWait.apiReadyNow(access);
        return new ClusterStatus(name(), ready, List.of("context '" + context + "': " + (ready ? "API ready" : "API not answering")),
                Optional.of(access));
    }

    @Override
    public ClusterAccess access() {
        return kubeconfigWithContext().map(file -> new ClusterAccess(file, context)).orElseThrow(() -> new PrerequisiteException(
                "no context '" + context + "' in your kubeconfig (" + String.join(", ", io.fabric8.kubernetes.client.Config.getKubeconfigFilenames()) + ")",
                "list your contexts with 'kubectl config get-contexts', then pass --cluster context:<one of them>"));
    }

    /**
     * True unless every node is a kwok-simulated one: a kwok cluster reached through a context has
     * no data plane either, and probes there could only fail or, worse, seem to pass.
     */
    @Override
    public boolean hasDataPlane() {
        if (dataPlane == null) {
            try (var client = access().client()) {
                var nodes = client.nodes().list().getItems();
                dataPlane = nodes.isEmpty() || !nodes.stream().allMatch(ContextProvider::simulated);
            } catch (RuntimeException e) {
                dataPlane = true; // cannot tell: let data-plane checks run and explain their own failure
            }
        }
        return dataPlane;
    }

    private static boolean simulated(io.fabric8.kubernetes.api.model.Node node) {
        var annotations = node.getMetadata().getAnnotations();
        var labels = node.getMetadata().getLabels();
        return (annotations != null && annotations.containsKey("kwok.x-k8s.io/node"))
                || (labels != null && "kwok".equals(labels.get("type")));
    }

    /** The first kubeconfig file ($KUBECONFIG's list, else ~/.kube/config) that defines the context. */
    private Optional<Path> kubeconfigWithContext() {
        for (String name : io.fabric8.kubernetes.client.Config.getKubeconfigFilenames()) {
            File file = new File(name);
            if (!file.isFile()) {
                continue;
            }
            try {
                Config parsed = KubeConfigUtils.parseConfig(file);
                if (parsed.getContexts() != null && parsed.getContexts().stream().anyMatch(c -> context.equals(c.getName()))) {
                    return Optional.of(file.toPath().toAbsolutePath());
                }
            } catch (RuntimeException e) {
                // A broken kubeconfig file is skipped here; kubectl would report it, and the next file may hold the context.
            }
        }
        return Optional.empty();
    }
}
