package dev.kubelessons.instructor;

import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Fault;
import dev.kubelessons.lesson.Lesson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One attendee on one lesson: the latest result of each check, when they started (the first change after the baseline),
 * and when they last made progress (more checks passing). Not thread-safe: the {@link Board} guards it.
 */
final class Cell {

    private final String attendee;
    private final Lesson lesson;
    private final Map<String, CheckRow> rows = new LinkedHashMap<>();
    private String source = "none";
    private Instant startedAt;
    private Instant lastProgressAt;
    private int bestPassed;
    private String busy;
    private String problem;
    // A broken watch is the cluster's problem, not the attendee's: it clears when the cluster is back, a failed action does not.
    private boolean watchProblem;
    private Instant quietUntil;
    // A drill's incident injected from the board: when, whether its checks have caught it yet, and when service came back.
    private Fault incident;
    private Instant incidentAt;
    private boolean caught;
    private Instant restoredAt;

    Cell(String attendee, Lesson lesson) {
        this.attendee = attendee;
        this.lesson = lesson;
        clear();
    }

    /** Back to "not started": every check pending, the clock stopped (after a reset, or before the first evaluation). */
    void clear() {
        rows.clear();
        for (CheckSpec check : lesson.checks()) {
            rows.put(check.info().id(), new CheckRow(check.info().id(), check.info().title(), "PENDING", "not evaluated yet"));
        }
        startedAt = null;
        lastProgressAt = null;
        bestPassed = 0;
        problem = null;
        watchProblem = false;
        incident = null;
        incidentAt = null;
        caught = false;
        restoredAt = null;
    }

    /** A drill's fault was just injected into this attendee's lesson: the time to restore runs from {@code now}. */
    void inject(Fault fault, Instant now) {
        incident = fault;
        incidentAt = now;
        caught = false;
        restoredAt = null;
    }

    /**
     * As the runner's drill decides it: the fault counts as caught once a check it names fails, and service as restored once
     * every check that can run here passes again after that (right after the break, the cluster may not show it yet).
     */
    private void followIncident(Instant now) {
        if (incident == null || restoredAt != null) {
            return;
        }
        if (!caught) {
            caught = rows.values().stream().anyMatch(r -> incident.caughtBy().contains(r.id())
                    && ("FAIL".equals(r.status()) || "ERROR".equals(r.status())));
        }
        boolean healthy = rows.values().stream().allMatch(r -> r.passed() || "SKIPPED".equals(r.status()))
                && rows.values().stream().anyMatch(CheckRow::passed);
        if (caught && healthy) {
            restoredAt = now;
        }
    }

    /** Records a result; {@code baseline} results (the first evaluation of a fresh watcher) do not start the clock. */
    void record(String checkId, String status, String message, String from, boolean baseline, Instant now) {
        CheckRow before = rows.get(checkId);
        if (before == null) {
            return;
        }
        CheckRow after = new CheckRow(checkId, before.title(), status, shown(checkId, status, message));
        rows.put(checkId, after);
        source = from;
        problem = null;
        watchProblem = false;
        // The instructor at work (an action running, or the lesson's setup settling in a new namespace) is not the attendee.
        baseline |= busy != null || (quietUntil != null && now.isBefore(quietUntil));
        boolean changed = !"PENDING".equals(before.status()) && !after.equals(before);
        // A report is the attendee at work (they ran the lesson); a cluster change is too, once past the baseline.
        if (!baseline && startedAt == null && (changed || "report".equals(from))) {
            startedAt = now;
        }
        followIncident(now);
        int passed = passed();
        if (passed > bestPassed) {
            bestPassed = passed;
            if (!baseline) {
                lastProgressAt = now;
                if (startedAt == null) {
                    startedAt = now;
                }
            }
        }
    }

    /**
     * What the board shows of a result: a check's messages name CEL expressions and field paths, written for the runner's
     * learner; the instructor gets the lesson's own explanation of a failure instead, and nothing but the title for a pass.
     */
    private String shown(String checkId, String status, String message) {
        String explain = lesson.checks().stream().filter(c -> c.info().id().equals(checkId)).map(c -> c.info().explain())
                .filter(e -> e != null && !e.isBlank()).findFirst().orElse("");
        return switch (status) {
            case "PASS" -> "";
            case "FAIL" -> explain.isEmpty() ? message : explain.strip();
            default -> message;
        };
    }

    /** Results before {@code until} are the instructor's doing (the setup of a fresh namespace settling): they start no clock. */
    void quietUntil(Instant until) {
        this.quietUntil = until;
    }

    void busy(String what) {
        this.busy = what;
    }

    void problem(String message) {
        this.problem = message;
        this.watchProblem = false;
    }

    void watchProblem(String message) {
        this.problem = message;
        this.watchProblem = true;
    }

    /** Clears a watch problem (the watch works again); returns whether there was one. */
    boolean watchResumed() {
        if (!watchProblem) {
            return false;
        }
        problem = null;
        watchProblem = false;
        return true;
    }

    /** The checks whose latest result is ERROR: after a blip they may be stale, since a watcher re-evaluates only on events. */
    List<String> erroredChecks() {
        return rows.values().stream().filter(r -> "ERROR".equals(r.status())).map(CheckRow::id).toList();
    }

    String attendee() {
        return attendee;
    }

    Lesson lesson() {
        return lesson;
    }

    String source() {
        return source;
    }

    List<String> checkIds() {
        return new ArrayList<>(rows.keySet());
    }

    int passed() {
        return (int) rows.values().stream().filter(CheckRow::passed).count();
    }

    CellView view(Instant now, Duration stuckAfter) {
        int total = (int) rows.values().stream().filter(CheckRow::counts).count();
        int passed = passed();
        boolean pending = rows.values().stream().anyMatch(r -> "PENDING".equals(r.status()));
        boolean error = rows.values().stream().anyMatch(r -> "ERROR".equals(r.status()));
        String state = busy != null ? "busy" : problem != null || error ? "error" : pending ? "pending"
                : total > 0 && passed == total ? "done" : passed > 0 ? "partial" : "none";
        Instant since = lastProgressAt != null ? lastProgressAt : startedAt;
        boolean stuck = !"done".equals(state) && since != null && Duration.between(since, now).compareTo(stuckAfter) >= 0;
        CellView.Incident drill = incident == null ? null : new CellView.Incident(incident.name(), incident.title(), incident.symptom(),
                millis(incidentAt), millis(restoredAt), caught);
        return new CellView(attendee, lesson.id(), passed, total, state, stuck, millis(startedAt), millis(lastProgressAt),
                busy, problem, source, List.copyOf(rows.values()), drill);
    }

    private static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }
}
