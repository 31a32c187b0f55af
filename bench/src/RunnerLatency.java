import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.CheckWatcher;
import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.check.VerdictListener;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.CourseLoader;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark of the runner's watch path (issue 4): the latency from the API server accepting a learner's
 * change to the CheckWatcher's listener receiving the new verdict, over N flips of one check; the time to
 * run all of a lesson's checks once (the click-to-check design); and the process's resident memory.
 *
 * Runs against the cluster named by -Dkubeconfig=FILE -Dcontext=NAME (what `lesson cluster status` prints),
 * the way the runner connects (ClusterAccess), in a namespace of its own,
 * labelled app.kubernetes.io/managed-by=kubelessons, which it deletes at the end.
 *
 * Usage: java -Dkubeconfig=FILE -Dcontext=NAME -cp ENGINE_CLASSES:DEPS:bench/out/bench-classes RunnerLatency [flips] [lessonsDir] [lessonId]
 */
public final class RunnerLatency {

    private static final String CHECK = "session-affinity-clientip";
    private static final String SERVICE = "my-nginx";

    /** A verdict and the moment (System.nanoTime) the listener received it. */
    private record Seen(Verdict verdict, long at) { }

    public static void main(String[] args) throws Exception {
        int flips = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path lessons = Path.of(args.length > 1 ? args[1] : "lessons");
        String lessonId = args.length > 2 ? args[2] : "03-clusterip";
        Lesson lesson = new CourseLoader().load(lessons).course().lesson(lessonId)
                .orElseThrow(() -> new IllegalArgumentException("no lesson " + lessonId + " in " + lessons));
        String namespace = "klbench-" + ProcessHandle.current().pid();

        ClusterAccess access = new ClusterAccess(Path.of(System.getProperty("kubeconfig")), System.getProperty("context"));
        try (KubernetesClient client = access.client()) {
            System.out.println("cluster: " + client.getMasterUrl() + ", context " + access.context() + ", namespace " + namespace);
            createNamespace(client, namespace);
            try {
                run(client, namespace, lesson, flips);
            } finally {
                client.namespaces().withName(namespace).delete();
                System.out.println("namespace " + namespace + " deleted");
            }
        }
    }

    private static void run(KubernetesClient client, String namespace, Lesson lesson, int flips) throws Exception {
        client.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
                .withNewMetadata().withName(SERVICE).addToLabels("app", SERVICE).endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", SERVICE).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", SERVICE).endMetadata()
                .withNewSpec().addNewContainer().withName("nginx").withImage("nginx:1.27")
                .addNewPort().withName("http").withContainerPort(80).endPort().endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
        client.services().inNamespace(namespace).resource(new ServiceBuilder()
                .withNewMetadata().withName(SERVICE).addToLabels("app", SERVICE).endMetadata()
                .withNewSpec().withType("ClusterIP").addToSelector("app", SERVICE).withSessionAffinity("None")
                .addNewPort().withName("http").withProtocol("TCP").withPort(80).withNewTargetPort("http").endPort()
                .endSpec().build()).create();

        CheckContext context = CheckContext.withoutDataPlane(client, namespace, CheckContext.KWOK_REASON);
        LinkedBlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
        VerdictListener listener = verdict -> seen.add(new Seen(verdict, System.nanoTime()));

        // Click-to-check, in process, the way `--check` does it: start the watcher (informers listed), evaluate all, close.
        List<Double> coldCheck = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            long t0 = System.nanoTime();
            try (CheckWatcher once = new CheckWatcher(lesson.checks(), context, v -> { })) {
                once.evaluateAll();
            }
            coldCheck.add(ms(System.nanoTime() - t0));
        }

        long startWatcher = System.nanoTime();
        try (CheckWatcher watcher = new CheckWatcher(lesson.checks(), context, listener)) {
            double watcherStart = ms(System.nanoTime() - startWatcher);
            // Click-to-check on an already running watcher: every check of the lesson, evaluated once.
            List<Double> evaluateAll = new ArrayList<>();
            List<Verdict> verdicts = List.of();
            for (int i = 0; i < 21; i++) {
                long t0 = System.nanoTime();
                verdicts = watcher.evaluateAll();
                evaluateAll.add(ms(System.nanoTime() - t0));
            }
            System.out.println("checks of " + lesson.id() + ": " + verdicts.size() + " ("
                    + verdicts.stream().collect(java.util.stream.Collectors.groupingBy(Verdict::status,
                    java.util.TreeMap::new, java.util.stream.Collectors.counting())) + ")");

            waitFor(seen, Status.FAIL, 30_000); // the initial verdict: sessionAffinity None
            Thread.sleep(500);
            seen.clear();

            // A plain watch on the Service beside the CheckWatcher: when the API server's event reaches this
            // process, so that the latency splits into event delivery and the engine's own share.
            Map<String, Long> eventAt = new ConcurrentHashMap<>();
            Watch rawWatch = client.services().inNamespace(namespace).withName(SERVICE).watch(new Watcher<>() {
                @Override
                public void eventReceived(Action action, Service service) {
                    eventAt.putIfAbsent(service.getMetadata().getResourceVersion(), System.nanoTime());
                }

                @Override
                public void onClose(WatcherException cause) {
                }
            });
            List<Double> toEvent = new ArrayList<>();
            List<Double> eventToVerdict = new ArrayList<>();
            List<Double> fromResponse = new ArrayList<>();
            List<Double> fromRequest = new ArrayList<>();
            int beforeResponse = 0;
            long peakRss = rssKb("VmRSS");
            for (int i = 0; i < flips; i++) {
                boolean clientIp = i % 2 == 0;
                String patch = clientIp
                        ? "{\"spec\":{\"sessionAffinity\":\"ClientIP\"}}"
                        : "{\"spec\":{\"sessionAffinity\":\"None\",\"sessionAffinityConfig\":null}}";
                seen.clear();
                long sent = System.nanoTime();
                Service patched = client.services().inNamespace(namespace).withName(SERVICE)
                        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
                long accepted = System.nanoTime();
                Seen verdict = waitFor(seen, clientIp ? Status.PASS : Status.FAIL, 10_000);
                Long event = waitForEvent(eventAt, patched.getMetadata().getResourceVersion());
                if (event != null) {
                    toEvent.add(ms(Math.max(0, event - accepted)));
                    eventToVerdict.add(ms(verdict.at() - event));
                }
                if (verdict.at() < accepted) {
                    beforeResponse++;
                }
                fromResponse.add(ms(Math.max(0, verdict.at() - accepted)));
                fromRequest.add(ms(verdict.at() - sent));
                peakRss = Math.max(peakRss, rssKb("VmRSS"));
                Thread.sleep(20); // let the informers' resync settle; flips are a learner's edits, not a burst
            }
            System.out.println();
            System.out.printf("watcher start (informers listed, first evaluation queued): %.1f ms%n", watcherStart);
            report("click-to-check in process: new CheckWatcher + evaluateAll + close (11 runs)", coldCheck);
            report("evaluateAll() on a running watcher, all " + verdicts.size() + " checks (21 runs)", evaluateAll);
            report("API server response -> verdict at the listener (" + flips + " flips)", fromResponse);
            report("patch request sent -> verdict at the listener (" + flips + " flips)", fromRequest);
            rawWatch.close();
            if (!toEvent.isEmpty()) {
                report("  of which: API server response -> watch event at a plain watch (" + toEvent.size() + ")", toEvent);
                report("  of which: plain watch event -> verdict at the listener (" + eventToVerdict.size() + ")", eventToVerdict);
            }
            System.out.println("verdicts that arrived before the patch response was read (counted as 0 ms above): " + beforeResponse);
            System.out.printf("RSS: VmRSS now %d MB, largest sampled during the flips %d MB, VmHWM (peak) %d MB%n",
                    rssKb("VmRSS") / 1024, peakRss / 1024, rssKb("VmHWM") / 1024);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("Java heap: used %d MB, committed %d MB, max %d MB%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20, rt.maxMemory() >> 20);
        }
    }

    private static void createNamespace(KubernetesClient client, String name) {
        Namespace ns = new NamespaceBuilder().withNewMetadata().withName(name)
                .addToLabels("app.kubernetes.io/managed-by", "kubelessons")
                .addToLabels("kubelessons.dev/bench", "runner-latency").endMetadata().build();
        client.namespaces().resource(ns).create();
    }

    private static Seen waitFor(LinkedBlockingQueue<Seen> seen, Status status, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            long left = deadline - System.nanoTime();
            Seen next = seen.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new IllegalStateException("no " + status + " verdict for " + CHECK + " within " + timeoutMs + " ms");
            }
            if (next.verdict().id().equals(CHECK) && next.verdict().status() == status) {
                return next;
            }
        }
    }

    private static Long waitForEvent(Map<String, Long> eventAt, String resourceVersion) throws InterruptedException {
        for (int i = 0; i < 200 && !eventAt.containsKey(resourceVersion); i++) {
            Thread.sleep(5);
        }
        return eventAt.get(resourceVersion);
    }

    private static void report(String what, List<Double> samples) {
        double[] s = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%s: min %.1f  p50 %.1f  p95 %.1f  max %.1f  mean %.1f ms%n", what, s[0],
                percentile(s, 50), percentile(s, 95), s[s.length - 1], Arrays.stream(s).average().orElse(0));
    }

    /** Nearest-rank percentile. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static long rssKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    private RunnerLatency() {
    }
}
