package dev.kubelessons.check;

/** The outcome of one check: a learner's failure is FAIL, a check that cannot run here is SKIPPED, a tool failure is ERROR. */
public enum Status {
    PASS, FAIL, SKIPPED, ERROR;

    public boolean passed() {
        return this == PASS;
    }
}
