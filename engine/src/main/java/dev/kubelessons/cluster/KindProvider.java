package dev.kubelessons.cluster;

import dev.kubelessons.cli.PrerequisiteException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The learner's default: a kind cluster in Docker. Creating it is a later issue; this checks the tools and finds, removes or describes the cluster. */
public final class KindProvider implements ClusterProvider {

    public static final String CLUSTER = "kubelessons";

    /** True when both docker and kind are on PATH, the condition for kind being the default. */
    public static boolean toolsPresent() {
        return missingTools().isEmpty();
    }

    @Override
    public String name() {
        return "kind";
    }

    @Override
    public void up(PrintWriter out) {
        requireTools();
        if (clusterExists()) {
            out.println("kind cluster '" + CLUSTER + "' is already running; nothing to do");
            out.println(access().describe());
            out.flush();
            return;
        }
        throw new PrerequisiteException("creating kind clusters is not implemented on this machine yet",
                "use the kwok cluster for now: jbang lesson cluster up --provider kwok");
    }

    @Override
    public void down(PrintWriter out) {
        requireTools();
        if (!clusterExists()) {
            out.println("no kind cluster '" + CLUSTER + "'; nothing to remove");
            out.flush();
            return;
        }
        ExternalCommand.Result result = new ExternalCommand(List.of("kind", "delete", "cluster", "--name", CLUSTER), Map.of())
                .streamTo(line -> out.println("  kind: " + line), true).run();
        if (!result.ok()) {
            throw new PrerequisiteException("kind could not delete cluster '" + CLUSTER + "'", "run 'kind delete cluster --name " + CLUSTER + "' yourself");
        }
        out.println("kind cluster '" + CLUSTER + "' removed");
        out.flush();
    }

    @Override
    public ClusterStatus status() {
        List<String> missing = missingTools();
        if (!missing.isEmpty()) {
            return ClusterStatus.stopped(name(), "kind cannot run here: " + String.join(" and ", missing) + " not on PATH");
        }
        if (!clusterExists()) {
            return ClusterStatus.stopped(name(), "no kind cluster '" + CLUSTER + "'");
        }
        ClusterAccess access = access();
        boolean ready = ReadinessWait.apiReadyNow(access);
        return new ClusterStatus(name(), ready, List.of("kind cluster '" + CLUSTER + "': " + (ready ? "API ready" : "API not answering")),
                Optional.of(access));
    }

    @Override
    public ClusterAccess access() {
        // kind writes its context into the user's kubeconfig; the context provider knows how to find that file.
        return new ContextProvider("kind-" + CLUSTER).access();
    }

    @Override
    public boolean hasDataPlane() {
        return true;
    }

    private static void requireTools() {
        List<String> missing = missingTools();
        if (!missing.isEmpty()) {
            throw new PrerequisiteException("the kind provider needs " + String.join(" and ", missing) + ", not found on PATH",
                    "install " + String.join(" and ", missing) + " (Docker: your system's docker.io package; kind: "
                            + "https://kind.sigs.k8s.io/docs/user/quick-start/#installation), or use the kwok cluster: --provider kwok");
        }
    }

    private static List<String> missingTools() {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("docker", "kind")) {
            Optional<Path> found = ExternalCommand.onPath(tool);
            if (found.isEmpty()) {
                missing.add(tool);
            }
        }
        return missing;
    }

    private static boolean clusterExists() {
        ExternalCommand.Result result = new ExternalCommand(List.of("kind", "get", "clusters"), Map.of()).run();
        return result.ok() && result.stdout().stream().anyMatch(line -> line.strip().equals(CLUSTER));
    }
}
