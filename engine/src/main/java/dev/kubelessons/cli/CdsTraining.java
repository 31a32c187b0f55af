package dev.kubelessons.cli;

import dev.kubelessons.check.CelExpressions;
import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.report.LessonResult;
import dev.kubelessons.report.ReportFormat;
import dev.kubelessons.runner.LessonChecks;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.runner.ProgressStore;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The workload the {@code ./jbang} wrapper runs once per engine build under
 * {@code -XX:ArchiveClassesAtExit}: the start-up commands on the real course (help, list,
 * lint, a site into a temporary folder) and a progress file written and read, so that the class-data sharing archive holds every
 * class they load, already parsed and verified, and later commands map it instead of loading
 * ~3,000 classes from 80 jars. Hidden: not a subcommand, not in any usage.
 */
final class CdsTraining {

    static final String FLAG = "--cds-training";
    /**
     * The workload of the archive {@code site} runs with: only a site build. The general archive holds fabric8's, CEL's
     * and the HTTP client's classes too, and a JVM that maps it has all its pages resident (the archive is relocated
     * on every start): 59 of the 134 MiB a 100-lesson site build peaked at, against Hugo's ~92 (bench/RESULTS.md).
     */
    static final String SITE_FLAG = "--cds-training-site";

    private CdsTraining() {
    }

    /** The site-only workload ({@link #SITE_FLAG}). */
    static int runSite() {
        Path out = null;
        try {
            out = Files.createTempDirectory("kubelessons-cds-training");
            return Main.run("site", "--out", out.resolve("site").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(out);
        }
    }

    static int run() {
        Path out = null;
        try {
            out = Files.createTempDirectory("kubelessons-cds-training");
            // A learner's list reads a progress file; the training machine may have none, so it writes one of its own.
            ProgressStore progress = new ProgressStore(out.resolve("progress.json"), Clock.systemUTC());
            progress.record("01-training", List.of("a-check"), false);
            progress.all();
            checkPath();
            clusterPath(out);
            Main.run("--help");
            Main.run("list");
            Main.run("list"); // the second reads the outline the first kept: a warm list's classes too
            Main.run("lint");
            return Main.run("site", "--out", out.resolve("site").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(out);
        }
    }

    /**
     * The classes of {@code lesson --check} that need no cluster (loading and verifying them from the jars was
     * a large part of a warm check's start-up, bench/RESULTS.md): fabric8's client and HTTP stack, up to a
     * request refused by a closed local port, a manifest read into fabric8's model and a CEL check evaluated on it.
     */
    private static void checkPath() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        // The kubeconfig as kind and kwok write it, read into fabric8's config (cluster/KubeconfigReader).
        Path kubeconfig = Files.createTempFile("kubelessons-cds-training", ".yaml");
        try {
            Files.writeString(kubeconfig, String.join("\n", "apiVersion: v1", "kind: Config", "current-context: training",
                    "clusters: [{name: training, cluster: {server: 'https://127.0.0.1:6443', certificate-authority-data: Q0E=}}]",
                    "contexts: [{name: training, context: {cluster: training, user: training, namespace: kl-training}}]",
                    "users: [{name: training, user: {client-certificate-data: Q0VSVA==, client-key-data: S0VZ}}]", ""));
            new ClusterAccess(kubeconfig, "training").config();
        } finally {
            Files.deleteIfExists(kubeconfig);
        }
        Config config = new ConfigBuilder().withMasterUrl("https://127.0.0.1:" + closed).withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(1000).withRequestTimeout(1000).build();
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            Service service = client.getKubernetesSerialization().unmarshal(String.join("\n",
                    "apiVersion: v1",
                    "kind: Service",
                    "metadata: {name: training, labels: {app: training}}",
                    "spec: {type: ClusterIP, selector: {app: training}, ports: [{port: 80, targetPort: 8080}]}"), Service.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> object = client.getKubernetesSerialization().convertValue(service, Map.class);
            new CelExpressions().test("object.spec.type == 'ClusterIP' && object.spec.ports.exists(p, p.port == 80)", object);
            try {
                client.services().inNamespace("kl-training").withName("training").get();
            } catch (KubernetesClientException expected) {
                // Refused: the port was closed on purpose.
            }
        }
    }

    /**
     * The classes of a {@code --check} on a running cluster ({@link CdsTrainingApi}): the TLS handshake with a client
     * certificate, the HTTP client's exchange, a namespace read, discovery, and every lesson's checks evaluated once on
     * what the stand-in answers, then reported. Most were loaded from the JDK's modules and the jars on every check,
     * on the path from the command's start to its verdicts. Without keytool, or on any failure, it is left out.
     */
    private static void clusterPath(Path dir) {
        try (CdsTrainingApi api = CdsTrainingApi.start(dir).orElse(null);
                KubernetesClient client = api == null ? null : new ClusterAccess(api.kubeconfig(), "training").client()) {
            if (client == null) {
                return;
            }
            client.raw("/readyz");
            client.namespaces().withName(CdsTrainingApi.NAMESPACE).get();
            ProjectLayout layout = ProjectLayout.discover(null);
            for (Lesson listed : new LessonLookup(layout).all()) {
                Lesson lesson = new LessonLookup(layout).lesson(listed.id());
                List<Verdict> verdicts = LessonChecks.now(lesson, CheckContext.withoutDataPlane(client, CdsTrainingApi.NAMESPACE, CheckContext.KWOK_REASON));
                ReportFormat.parse("text").render(List.of(new LessonResult(lesson.id(), lesson.title(), verdicts, Duration.ZERO)), false);
            }
        } catch (Exception e) {
            // Only training: whatever did run is in the archive.
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is the system's to clean.
        }
    }
}
