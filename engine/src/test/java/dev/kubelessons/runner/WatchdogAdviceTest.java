package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An API server that stays away (a port nobody listens on): the banner first says only that it retries, and once the
 * outage outlasts a blip it adds the next step. A clock that moves 10 s a reading stands in for the minutes.
 */
class WatchdogAdviceTest {

    /** Ten seconds later at every reading. */
    private static final class Hurried extends Clock {
        private Instant now = Instant.parse("2026-12-03T14:29:53Z");
        public ZoneId getZone() { return ZoneOffset.UTC; }
        public Clock withZone(ZoneId zone) { return this; }
        public synchronized Instant instant() {
            now = now.plusSeconds(10);
            return now;
        }
    }

    @Test
    void aLastingOutageSaysWhatToDoNext() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort(); // free now: connections are refused, as a dead kube-apiserver's port is
        }
        var client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:" + closed)
                .withRequestTimeout(1200).withConnectionTimeout(1200).withRequestRetryBackoffLimit(0).build()).build();
        BlockingQueue<String> banners = new LinkedBlockingQueue<>();
        try (ClusterWatchdog watchdog = new ClusterWatchdog(client, new ClusterWatchdog.Listener() {
            public void away(String banner) { banners.add(banner); }
            public void back(Duration awayFor) { banners.add("back"); }
        }, new Hurried(), "./jbang lesson cluster status, then ./jbang lesson cluster up --provider kwok").start()) {
            String first = banners.poll(20, TimeUnit.SECONDS);
            assertTrue(first != null && first.contains("cluster unreachable since"), String.valueOf(first));
            assertFalse(first.contains("If it does not come back"), "advice during what may be a blip: " + first);
            String later = banners.poll(30, TimeUnit.SECONDS);
            assertTrue(later != null && later.contains("retrying. If it does not come back: ./jbang lesson cluster status, then ./jbang lesson cluster up --provider kwok."),
                    String.valueOf(later));
        } finally {
            client.close();
        }
    }
}
