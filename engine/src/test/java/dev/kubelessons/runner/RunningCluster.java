package dev.kubelessons.runner;

import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.ClusterProvider;
import dev.kubelessons.cluster.ClusterStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** The test run's kwok cluster as a provider that already runs and has no data plane, for in-process runner sessions. */
public final class RunningCluster {

    private RunningCluster() {
    }

    public static ClusterSession session(ClusterAccess access, String namespacePrefix) {
        return ClusterSession.connect(provider(access), access, namespacePrefix);
    }

    /** As the interactive runner opens it: every API call bounded in time. */
    public static ClusterSession interactiveSession(ClusterAccess access, String namespacePrefix) {
        return ClusterSession.interactive(provider(access), access, namespacePrefix);
    }

    private static ClusterProvider provider(ClusterAccess access) {
        ClusterProvider provider = new ClusterProvider() {
            public String name() { return "kwok-test"; }
            public void up(PrintWriter out) { }
            public void down(PrintWriter out) { }
            public ClusterStatus status() { return new ClusterStatus(name(), true, List.of(), Optional.of(access)); }
            public ClusterAccess access() { return access; }
            public boolean hasDataPlane() { return false; }
        };
        return provider;
    }
}
