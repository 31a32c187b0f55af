package dev.kubelessons.check;

import dev.kubelessons.lesson.CheckSpec;
import java.util.Optional;

/**
 * The result of evaluating one check: its status, what was found against what was expected,
 * and a one-line explanation ("selector app=web matches 0 ready pods"). The check's own hint
 * and explanation travel with it so every output format can show them. A data-plane check also carries what its
 * probe's connection met ({@code probe}; null when no probe ran), which the namespace map marks on the probed path.
 */
public record Verdict(CheckSpec check, Status status, String actual, String expected, String message, ProbeOutcome probe) {

    public Verdict(CheckSpec check, Status status, String actual, String expected, String message) {
        this(check, status, actual, expected, message, null);
    }

    /** This verdict, saying what the probe behind it met. */
    public Verdict probed(ProbeOutcome outcome) {
        return new Verdict(check, status, actual, expected, message, outcome);
    }

    /** What the probe behind this verdict met; empty when no probe ran (skipped, no ready endpoint, not a data-plane check). */
    public Optional<ProbeOutcome> probeOutcome() {
        return Optional.ofNullable(probe);
    }

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
