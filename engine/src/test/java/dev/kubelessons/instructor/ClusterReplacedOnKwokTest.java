package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.Lesson;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The board meets another cluster where the workshop's was. The case: the API server answers with a certificate of
 * another authority than the one the board trusts ("Path does not chain with any of the trust anchors"); here the real kwok
 * API server, seen through a kubeconfig that trusts another CA, as after a rebuild from scratch.
 */
@KwokCluster
class ClusterReplacedOnKwokTest {

    static final Lesson LESSON = WorkshopFixture.lesson("02-deployments");

    @Test
    void aNewCertificateAuthorityIsAReplacedClusterAndTheCellsTurnStale(ClusterAccess access, @TempDir Path dir) throws Exception {
        Board board = new Board(List.of(LESSON), Duration.ofMinutes(10), Clock.system(ZoneId.of("UTC")));
        board.addClusterAttendee("ana");
        board.addRemoteAttendee("rae");
        AtomicInteger back = new AtomicInteger();
        try (KubernetesClient right = access.client()) {
            String otherCa = dev.kubelessons.OtherCertificateAuthority.kubeconfigData(dir);
            try (KubernetesClient wrong = new KubernetesClientBuilder().withConfig(new ConfigBuilder(right.getConfiguration())
                    .withCaCertFile(null).withCaCertData(otherCa).build()).build();
                 ClusterProbe probe = new ClusterProbe(wrong, board, Clock.system(ZoneId.of("UTC")), back::incrementAndGet,
                         new PrintWriter(System.err, true))) {
                probe.start();
                BoardHttpTest.waitFor(() -> board.cluster().replaced());
                Thread.sleep(ClusterProbe.EVERY.toMillis() + 1000);
            }
        }
        ClusterBanner banner = board.cluster();
        assertFalse(banner.reachable());
        assertTrue(banner.message().contains("certificate authority changed") && banner.message().contains("trust anchor")
                || banner.message().contains("certification path"), banner.message());
        assertTrue(banner.message().contains("jbang lesson instructor provision --names ana "), "only the cluster's attendees: " + banner.message());
        assertTrue(banner.message().contains("not live"), banner.message());
        assertEquals(0, back.get(), "a replaced cluster never 'comes back': no catch-up re-labels old cells as live");
        String page = new BoardPage(Fixtures.repositoryRoot().resolve("templates"), board, 10).board();
        assertTrue(page.contains("data-stale=\"true\""), "the page greys the cells");
    }

    @Test
    void theSameClusterIsNotReplaced(ClusterAccess access) throws Exception {
        Board board = new Board(List.of(LESSON), Duration.ofMinutes(10), Clock.system(ZoneId.of("UTC")));
        try (KubernetesClient client = access.client();
             ClusterProbe probe = new ClusterProbe(client, board, Clock.system(ZoneId.of("UTC")), () -> { }, new PrintWriter(System.err, true))) {
            probe.start();
            Thread.sleep(2 * ClusterProbe.EVERY.toMillis() + 1000); // two probes: the first records the identity, the second compares
        }
        assertEquals(ClusterBanner.REACHABLE, board.cluster());
        assertTrue(new BoardPage(Fixtures.repositoryRoot().resolve("templates"), board, 10).board().contains("data-stale=\"false\""));
    }
}
