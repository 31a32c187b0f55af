package dev.kubelessons.runner;

import dev.kubelessons.failure.PrerequisiteException;
import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.lesson.Fault;
import dev.kubelessons.lesson.Lesson;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Which fault a drill injects: the one named with --fault, else one at random among those this cluster can show (on a
 * cluster without a data plane, only the faults the API alone reveals; where nodes cannot be entered or the cluster is
 * shared, no cluster-level fault).
 */
public final class FaultChoice {

    /** Why the board never injects a cluster-level fault: it works on the cluster every attendee shares. */
    public static final String SHARED_CLUSTER = "the board injects into attendees' namespaces on the shared workshop cluster, and a"
            + " cluster-level fault (CoreDNS, a node's kube-proxy rules or routes) would break every attendee's lessons at once";

    private FaultChoice() {
    }

    /**
     * @param dataPlane      whether packets flow on this cluster
     * @param noClusterLevel empty when cluster-level faults ({@code node:}) can run here (the drill's own kind cluster), else why not
     */
    public static Fault pick(Lesson lesson, Optional<String> named, boolean dataPlane, Optional<String> noClusterLevel, RandomGenerator random) {
        List<Fault> runnable = lesson.faults().stream()
                .filter(f -> !(f.isClusterLevel() && noClusterLevel.isPresent()))
                .filter(f -> dataPlane || !lesson.needsDataPlane(f)).toList();
        if (named.isPresent()) {
            Fault fault = lesson.faults().stream().filter(f -> f.name().equals(named.get())).findFirst()
                    .orElseThrow(() -> new UserInputException("lesson " + lesson.id() + " has no fault '" + named.get() + "'",
                            "use one of: " + String.join(", ", lesson.faults().stream().map(Fault::name).toList())));
            if (!runnable.contains(fault)) {
                String others = runnable.isEmpty() ? "" : ", or pick one of: " + String.join(", ", runnable.stream().map(Fault::name).toList());
                if (fault.isClusterLevel() && noClusterLevel.isPresent()) {
                    throw new PrerequisiteException("fault '" + fault.name() + "' is cluster-level (it runs inside kind node '"
                            + fault.breaks().node().orElseThrow() + "'), and " + noClusterLevel.get(),
                            "run the drill on kind, where it gets a cluster of its own ('jbang lesson " + lesson.id() + " --cluster kind')" + others);
                }
                throw new PrerequisiteException("fault '" + fault.name() + "' shows only in a data plane, which this cluster does not have",
                        "run the drill on kind ('cluster up --provider kind')" + others);
            }
            return fault;
        }
        if (runnable.isEmpty()) {
            throw new PrerequisiteException("no fault of " + lesson.id() + " can be injected here: each one shows only in a data plane"
                    + noClusterLevel.map(why -> " or is cluster-level, and " + why).orElse(""),
                    "run the drill on kind: 'jbang lesson " + lesson.id() + " --cluster kind'");
        }
        return runnable.get(random.nextInt(runnable.size()));
    }

    /** The faults a cluster without a data plane leaves out, for the line that says so. */
    public static List<String> skippedWithoutDataPlane(Lesson lesson) {
        return lesson.faults().stream().filter(lesson::needsDataPlane).map(Fault::name).toList();
    }
}
