package dev.kubelessons.check;

import dev.kubelessons.lesson.CheckSpec;

/**
 * The result of evaluating one check: its status, what was found against what was expected,
 * and a one-line explanation ("selector app=web matches 0 ready pods"). The check's own hint
 * and explanation travel with it so every output format can show them.
 */
public record Verdict(CheckSpec check, Status status, String actual, String expected, String message) {

    public static Verdict pass(CheckSpec check, String actual, String message) {
        return new Verdict(check, Status.PASS, actual, actual, message);
    }

    public static Verdict fail(CheckSpec check, String actual, String expected, String message) {
        return new Verdict(check, Status.FAIL, actual, expected, message);
    }

    /** How a node requirement's skip starts, so that a suite which allows no skip can tell a machine's limits apart. */
    public static final String NOT_ON_THIS_MACHINE = "not on this machine: ";

    public static Verdict skipped(CheckSpec check, String reason) {
        return new Verdict(check, Status.SKIPPED, "", "", reason);
    }

    public static Verdict error(CheckSpec check, String message) {
        return new Verdict(check, Status.ERROR, "", "", message);
    }

    public String id() {
        return check.info().id();
    }

    public String title() {
        return check.info().title();
    }

    public String hint() {
        return check.info().hint();
    }
}
