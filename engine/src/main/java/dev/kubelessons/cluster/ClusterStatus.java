package dev.kubelessons.cluster;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of one cluster: whether it runs with every component it needs, what runs in it, how to reach it, and
 * what is wrong with it when something is down, with the command that brings it back.
 */
public record ClusterStatus(String provider, boolean running, List<String> details, Optional<ClusterAccess> access,
                            Optional<Fault> fault) {

    /** What is wrong ("kube-apiserver is not running") and the next step that repairs it. */
    public record Fault(String what, String next) {
    }

    public ClusterStatus {
        details = List.copyOf(details);
    }

    public ClusterStatus(String provider, boolean running, List<String> details, Optional<ClusterAccess> access) {
        this(provider, running, details, access, Optional.empty());
    }

    public static ClusterStatus stopped(String provider, String why) {
        return new ClusterStatus(provider, false, List.of(why), Optional.empty());
    }
}
