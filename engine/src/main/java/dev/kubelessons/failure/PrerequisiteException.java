package dev.kubelessons.failure;

/** The cluster is unreachable or a tool the command needs is missing (exit 3). */
public class PrerequisiteException extends KubelessonsException {
    public PrerequisiteException(String message, String nextStep) {
        super(message, nextStep, ExitCodes.PREREQUISITE, null);
    }

    public PrerequisiteException(String message, String nextStep, Throwable cause) {
        super(message, nextStep, ExitCodes.PREREQUISITE, cause);
    }
}
