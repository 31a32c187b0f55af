package dev.kubelessons.lesson;

import java.util.List;

/**
 * One incident of a drill (a {@code fault} block): what breaks the healthy system, what the learner is told, which
 * checks must catch it ({@code caughtByPosition}: where the list is written, for lint), and how the reference responder restores service. {@code breaks} and {@code restores} are
 * blocks like a solution's (a manifest, or kubectl commands), so they go through the same apply code as setup.
 */
public record Fault(
        String name,
        String title,
        String symptom,
        String cause,
        String shows,
        List<String> caughtBy,
        boolean needsDataPlane,
        Block breaks,
        Block restores,
        List<String> hints,
        SourcePosition position,
        SourcePosition caughtByPosition) {

    public Fault {
        caughtBy = List.copyOf(caughtBy);
        hints = List.copyOf(hints);
    }

    /**
     * A cluster-level fault ({@code node:} in its block): its break and restore are scripts run inside a kind node, and
     * they touch the cluster itself (kube-system, a node's iptables or routes), not only the lesson's namespace.
     */
    public boolean isClusterLevel() {
        return breaks.isNodeScript();
    }
}
