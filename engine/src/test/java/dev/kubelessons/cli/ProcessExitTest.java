package dev.kubelessons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The JDK HTTP client's selector thread ends when the process exit asks it to, and no other thread is touched. */
class ProcessExitTest {

    @Test
    void anIdleClientsSelectorThreadEndsAndOtherThreadsRunOn() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/readyz", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        CountDownLatch release = new CountDownLatch(1);
        Thread bystander = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "HttpClient-bystander");
        bystander.start();
        try {
            // Only this test's threads are handed over: the test JVM's other clients (the kwok tests' shared one) keep theirs.
            List<Thread> before = selectorThreads();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/readyz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("ok", response.body(), "the client works before the exit");
            List<Thread> selectors = selectorThreads().stream().filter(t -> !before.contains(t)).toList();
            assertFalse(selectors.isEmpty(), "the JDK client runs a selector thread named HttpClient-N-SelectorManager");
            HttpClient other = HttpClient.newHttpClient();
            List<Thread> otherSelectors = selectorThreads().stream().filter(t -> !before.contains(t) && !selectors.contains(t)).toList();

            List<Thread> handedOver = new java.util.ArrayList<>(selectors);
            handedOver.add(bystander);
            ProcessExit.stopHttpSelectorsAmong(handedOver);

            for (Thread selector : selectors) {
                selector.join(10_000);
                assertFalse(selector.isAlive(), selector.getName() + " still runs: the JVM's exit would wait up to 300 ms for it");
            }
            assertTrue(bystander.isAlive() && !bystander.isInterrupted(), "a thread that is not a selector is left alone");
            assertFalse(otherSelectors.isEmpty());
            assertTrue(otherSelectors.stream().allMatch(Thread::isAlive), "selectors not handed over run on");
            assertEquals("ok", other.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/readyz")).build(),
                    HttpResponse.BodyHandlers.ofString()).body(), "and their client still works");
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    private static List<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
                .toList();
    }
}
