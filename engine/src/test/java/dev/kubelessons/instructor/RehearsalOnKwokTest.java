package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.runner.ClusterSession;
import dev.kubelessons.runner.RunningCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dress rehearsal on the kwok API server: lesson 02-deployments fails unsolved and passes solved, so it is a GO. */
@KwokCluster
class RehearsalOnKwokTest {

    @Test
    void aLessonThatVerifiesIsAGo(ClusterAccess access) {
        StringWriter report = new StringWriter();
        try (ClusterSession session = RunningCluster.session(access, "klr")) {
            boolean go = new Rehearsal(session, Duration.ofSeconds(90)).run(List.of(WorkshopFixture.lesson("02-deployments")), new PrintWriter(report, true));
            assertTrue(go, report.toString());
        }
        assertTrue(report.toString().contains("GO     02-deployments"), report.toString());
        assertTrue(report.toString().contains("GO: all 1 lesson(s)"), report.toString());
    }
}
