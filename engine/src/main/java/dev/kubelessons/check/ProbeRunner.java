package dev.kubelessons.check;

import java.util.List;
import java.util.Map;

/** Runs one short-lived probe in the cluster and returns what it printed; a seam so probe parsing is testable offline. */
interface ProbeRunner {

    /** What the probe printed and how it ended. */
    record Result(int exitCode, String log) {
    }

    /**
     * @param labels extra pod labels (the {@code from} side of a traffic check)
     * @param command the container's command, run without a shell unless it starts one itself
     * @throws ProbeException when the probe pod could not run at all (image missing, timeout)
     */
    Result run(Map<String, String> labels, List<String> command);

    /** The probe never produced a result; a tool problem (ERROR), not the learner's. */
    final class ProbeException extends RuntimeException {
        ProbeException(String message) {
            super(message);
        }
    }
}
