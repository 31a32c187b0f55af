package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.ClusterProvider;
import dev.kubelessons.cluster.ClusterStatus;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.runner.ClusterSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dress rehearsal on the kwok API server: lesson 02-deployments fails unsolved and passes solved, so it is a GO. */
@KwokCluster
class RehearsalOnKwokTest {

    @Test
    void aLessonThatVerifiesIsAGo(ClusterAccess access) {
        ClusterProvider provider = new ClusterProvider() {
            public String name() { return "kwok-test"; }
            public void up(PrintWriter out) { }
            public void down(PrintWriter out) { }
            public ClusterStatus status() { return new ClusterStatus(name(), true, List.of(), Optional.of(access)); }
            public ClusterAccess access() { return access; }
            public boolean hasDataPlane() { return false; }
        };
        StringWriter report = new StringWriter();
        try (ClusterSession session = ClusterSession.connect(provider, access, "klr")) {
            boolean go = new Rehearsal(session, Duration.ofSeconds(90)).run(List.of(WorkshopFixture.lesson("02-deployments")), new PrintWriter(report, true));
            assertTrue(go, report.toString());
        }
        assertTrue(report.toString().contains("GO     02-deployments"), report.toString());
        assertTrue(report.toString().contains("GO: all 1 lesson(s)"), report.toString());
    }
}
