package dev.kubelessons.cluster;

import java.util.List;
import java.util.Optional;

/** A snapshot of one cluster: whether it runs, what runs in it, and how to reach it when it does. */
public record ClusterStatus(String provider, boolean running, List<String> details, Optional<ClusterAccess> access) {

    public ClusterStatus {
        details = List.copyOf(details);
    }

    public static ClusterStatus stopped(String provider, String why) {
        return new ClusterStatus(provider, false, List.of(why), Optional.empty());
    }
}
