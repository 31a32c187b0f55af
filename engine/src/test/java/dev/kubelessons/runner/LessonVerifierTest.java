package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.CheckInfo;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The unsolved phase's second look: only a pass that holds after the data plane settled counts as "cannot fail". */
class LessonVerifierTest {

    private static final CheckSpec TRAFFIC = new CheckSpec.Traffic(info("frontend-reaches-checkout"),
            Map.of("app", "frontend"), "checkout", 80, true);
    private static final CheckSpec DNS = new CheckSpec.Dns(info("checkout-resolves"), "checkout", true);

    private static CheckInfo info(String id) {
        return new CheckInfo(id, "title of " + id, "hint", "explain", SourcePosition.of(Path.of("07-networkpolicy.md"), 1, 1));
    }

    @Test
    void aPassThatTurnsIntoAFailOnTheSecondLookIsAFail() {
        List<Verdict> first = List.of(Verdict.pass(TRAFFIC, "connected", "policy not enforced yet"), Verdict.fail(DNS, "no", "yes", "nx"));
        List<Verdict> second = List.of(Verdict.fail(TRAFFIC, "timed out", "connected", "dropped"), Verdict.fail(DNS, "no", "yes", "nx"));
        List<Verdict> merged = LessonVerifier.confirmPasses(first, second);
        assertEquals(List.of(Status.FAIL, Status.FAIL), merged.stream().map(Verdict::status).toList());
        assertEquals(Status.PASS, LessonVerifier.mustFail(merged.get(0)).status(), "a check that fails unsolved proves something");
    }

    @Test
    void aPassThatHoldsStaysAPassAndSoCannotFail() {
        List<Verdict> first = List.of(Verdict.pass(TRAFFIC, "connected", "ok"));
        List<Verdict> merged = LessonVerifier.confirmPasses(first, List.of(Verdict.pass(TRAFFIC, "connected", "ok")));
        assertEquals(Status.FAIL, LessonVerifier.mustFail(merged.get(0)).status());
    }

    @Test
    void aFirstFailIsNeverTurnedIntoAPass() {
        List<Verdict> first = List.of(Verdict.fail(DNS, "no", "yes", "nx"));
        List<Verdict> merged = LessonVerifier.confirmPasses(first, List.of(Verdict.pass(DNS, "yes", "resolves")));
        assertEquals(Status.FAIL, merged.get(0).status());
    }
}
