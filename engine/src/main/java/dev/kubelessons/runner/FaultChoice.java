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
 * cluster without a data plane, only the faults the API alone reveals).
 */
public final class FaultChoice {

    private FaultChoice() {
    }

    public static Fault pick(Lesson lesson, Optional<String> named, boolean dataPlane, RandomGenerator random) {
        List<Fault> runnable = lesson.faults().stream().filter(f -> dataPlane || !lesson.needsDataPlane(f)).toList();
        if (named.isPresent()) {
            Fault fault = lesson.faults().stream().filter(f -> f.name().equals(named.get())).findFirst()
                    .orElseThrow(() -> new UserInputException("lesson " + lesson.id() + " has no fault '" + named.get() + "'",
                            "use one of: " + String.join(", ", lesson.faults().stream().map(Fault::name).toList())));
            if (!runnable.contains(fault)) {
                throw new PrerequisiteException("fault '" + fault.name() + "' shows only in a data plane, which this cluster does not have",
                        "run the drill on kind ('cluster up --provider kind'), or pick one of: "
                                + String.join(", ", runnable.stream().map(Fault::name).toList()));
            }
            return fault;
        }
        if (runnable.isEmpty()) {
            throw new PrerequisiteException("every fault of " + lesson.id() + " shows only in a data plane, which this cluster does not have",
                    "run the drill on kind: 'cluster up --provider kind'");
        }
        return runnable.get(random.nextInt(runnable.size()));
    }

    /** The faults a cluster without a data plane leaves out, for the line that says so. */
    public static List<String> skippedWithoutDataPlane(Lesson lesson) {
        return lesson.faults().stream().filter(lesson::needsDataPlane).map(Fault::name).toList();
    }
}
