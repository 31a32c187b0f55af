package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's other kind of replaced cluster: the API server at the session's address answers with a certificate that
 * the session's CA did not sign (the cluster was re-created with a new CA). Against the real kwok API server, with a
 * session that trusts another CA, the runner's banner says so and what to do, instead of "unreachable, retrying".
 */
@KwokCluster
class WatchdogSeesAnotherCertificateOnKwokTest {

    @TempDir
    Path dir;

    @Test
    void aServerCertificateFromAnotherCaIsReportedAsAReplacedCluster(ClusterAccess access) throws Exception {
        Config trustsAnother = new ConfigBuilder(access.config()).withCaCertFile(null).withCaCertData(dev.kubelessons.OtherCertificateAuthority.kubeconfigData(dir))
                .withRequestTimeout(1200).withConnectionTimeout(1200).build();
        BlockingQueue<String> banners = new LinkedBlockingQueue<>();
        try (ClusterWatchdog watchdog = new ClusterWatchdog(new KubernetesClientBuilder().withConfig(trustsAnother).build(),
                new ClusterWatchdog.Listener() {
                    public void away(String banner) { banners.add(banner); }
                    public void back(Duration awayFor) { banners.add("back"); }
                }, Clock.systemUTC()).start()) {
            String banner = banners.poll(10, TimeUnit.SECONDS);
            assertTrue(banner != null, "no banner within 10 s");
            assertTrue(banner.contains("the cluster answers with another certificate since"), banner);
            assertTrue(banner.contains("it was re-created") && banner.contains("Quit (q) and start the lesson again"), banner);
            assertEquals(null, banners.stream().filter("back"::equals).findFirst().orElse(null), "never 'back' to a cluster it cannot trust");
        }
    }
}
