package dev.kubelessons.failure;

/**
 * A tool failure (not a learner's failure, which is a verdict). Carries the contract's exit
 * code and the next step for the user; {@link ExitCodes} maps it in one place.
 */
public abstract class KubelessonsException extends RuntimeException {

    private final String nextStep;
    private final int exitCode;

    protected KubelessonsException(String message, String nextStep, int exitCode, Throwable cause) {
        super(message, cause);
        this.nextStep = nextStep;
        this.exitCode = exitCode;
    }

    public String nextStep() { return nextStep; }
    public int exitCode() { return exitCode; }
}
