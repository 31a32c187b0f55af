import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The board's update latency (issue 6): from just before an API write in an attendee's lesson namespace to the board's
 * SSE event that shows the new verdict. Creates the Deployment my-nginx (check deployment-exists FAIL -> PASS), then
 * deletes it (PASS -> FAIL), round-robin over the attendees. Prints one latency in ms per line on stdout.
 * Usage: InstructorLoad BOARD_URL TOKEN SAMPLES ATTENDEE...   (-Dkubeconfig, -Dcontext)
 */
public class InstructorLoad {

    public static void main(String[] args) throws Exception {
        String board = args[0];
        String token = args[1];
        int samples = Integer.parseInt(args[2]);
        List<String> attendees = List.of(args).subList(3, args.length);
        JsonMapper json = JsonMapper.builder().build();
        // Latest status seen per attendee for deployment-exists, and a queue of (attendee, status, arrival) events.
        LinkedBlockingQueue<Object[]> arrivals = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(board + "events"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (!line.startsWith("data: {\"attendee\"")) {
                        continue;
                    }
                    long now = System.nanoTime();
                    JsonNode cell = json.readTree(line.substring(6));
                    for (JsonNode check : cell.path("checks")) {
                        if (check.path("id").asString().equals("deployment-exists")) {
                            arrivals.add(new Object[] {cell.path("attendee").asString(), check.path("status").asString(), now});
                        }
                    }
                }
            } catch (Exception e) {
                System.err.println("SSE stream ended: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(500);

        Config config = Config.fromKubeconfig(System.getProperty("context"), new File(System.getProperty("kubeconfig")));
        List<Double> latencies = new ArrayList<>();
        int timeouts = 0;
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            for (int i = 0; i < samples; i++) {
                String attendee = attendees.get((i / 2) % attendees.size());
                String namespace = "kl-" + attendee + "-02-deployments";
                boolean create = i % 2 == 0;
                String want = create ? "PASS" : "FAIL";
                arrivals.clear();
                long t0 = System.nanoTime();
                if (create) {
                    client.apps().deployments().inNamespace(namespace).resource(deployment()).create();
                } else {
                    client.apps().deployments().inNamespace(namespace).withName("my-nginx").delete();
                }
                Long seen = null;
                long deadline = t0 + TimeUnit.SECONDS.toNanos(10);
                while (seen == null && System.nanoTime() < deadline) {
                    Object[] event = arrivals.poll(100, TimeUnit.MILLISECONDS);
                    if (event != null && event[0].equals(attendee) && event[1].equals(want)) {
                        seen = (Long) event[2];
                    }
                }
                if (seen == null) {
                    timeouts++;
                } else {
                    double ms = (seen - t0) / 1e6;
                    latencies.add(ms);
                    System.out.printf("%.1f%n", ms);
                }
            }
        }
        Collections.sort(latencies);
        System.err.printf("samples %d, timeouts %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", latencies.size(), timeouts,
                pct(latencies, 50), pct(latencies, 99), latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
        System.exit(0);
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static Deployment deployment() {
        // replicas 0: the check under test is deployment-exists; no pods, so the cluster's own work stays small.
        return new DeploymentBuilder().withNewMetadata().withName("my-nginx").withLabels(Map.of("app", "my-nginx")).endMetadata()
                .withNewSpec().withReplicas(0).withNewSelector().addToMatchLabels("app", "my-nginx").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "my-nginx").endMetadata()
                .withNewSpec().addNewContainer().withName("nginx").withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }
}
