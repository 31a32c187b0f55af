package dev.kubelessons.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.CheckSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watcher turns the learner's change into a new verdict by itself: FAIL, then PASS, with no polling. */
@KwokCluster
class CheckWatcherTest {

    private static final long TIMEOUT_SECONDS = 60;

    private final BlockingQueue<Verdict> delivered = new LinkedBlockingQueue<>();
    private LessonNamespace ns;

    @BeforeEach
    void namespace(KubernetesClient client) {
        ns = LessonNamespace.create(client);
    }

    @AfterEach
    void cleanUp() {
        ns.close();
    }

    @Test
    void creatingTheServiceFlipsExistsAndCelToPass() throws Exception {
        CheckSpec exists = Checks.exists("Service", "my-nginx");
        CheckSpec cel = Checks.cel("Service", "my-nginx", "object.spec.type == 'ClusterIP'");
        try (CheckWatcher watcher = new CheckWatcher(List.of(exists, cel), ns.context(), delivered::add)) {
            assertEquals(Status.FAIL, next(exists).status());
            assertEquals(Status.FAIL, next(cel).status());

            ns.apply(Manifests.service("my-nginx", "ClusterIP", "my-nginx"));

            assertEquals(Status.PASS, next(exists).status());
            assertEquals(Status.PASS, next(cel).status());
            assertEquals(Status.PASS, watcher.latest().get(exists.info().id()).status());
        }
    }

    @Test
    void scalingTheDeploymentFlipsEndpointsAndRolloutToPass() throws Exception {
        ns.apply(Manifests.deployment("my-nginx", 1));
        ns.apply(Manifests.service("my-nginx", "ClusterIP", "my-nginx"));
        Manifests.awaitReadyEndpoints(ns.client(), ns.name(), "my-nginx", 1);
        CheckSpec endpoints = Checks.endpoints("my-nginx", 2);
        try (CheckWatcher watcher = new CheckWatcher(List.of(endpoints), ns.context(), delivered::add)) {
            Verdict before = next(endpoints);
            assertEquals(Status.FAIL, before.status());
            assertEquals("Service my-nginx has 1 ready endpoint; expected 2 — selector app=my-nginx matches 1 ready pod",
                    before.message());

            ns.client().apps().deployments().inNamespace(ns.name()).withName("my-nginx").scale(2);

            Verdict after = nextWithStatus(endpoints, Status.PASS);
            assertEquals("2 ready endpoints", after.actual());
        }
    }

    @Test
    void aVerdictIsDeliveredOnlyWhenItChanges() throws Exception {
        CheckSpec absent = Checks.absent("ConfigMap", "leftover");
        try (CheckWatcher watcher = new CheckWatcher(List.of(absent), ns.context(), delivered::add)) {
            assertEquals(Status.PASS, next(absent).status());
            // Objects the check does not name are watched (same kind) but must not re-deliver the same verdict.
            ns.apply("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: unrelated}
                    data: {a: b}
                    """);
            ns.apply("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: leftover}
                    """);
            Verdict fail = next(absent);
            assertEquals(Status.FAIL, fail.status(), fail.message());
            ns.apply("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: leftover}
                    data: {changed: "yes"}
                    """);
            ns.client().configMaps().inNamespace(ns.name()).withName("leftover").delete();
            Verdict pass = next(absent);
            assertEquals(Status.PASS, pass.status(), pass.message());
            // The update in between changed nothing the learner sees: no verdict was delivered for it.
            assertTrue(delivered.isEmpty(), delivered.toString());
        }
    }

    @Test
    void evaluateAllIncludesSkippedDataPlaneChecks() {
        CheckSpec http = Checks.http("http://my-nginx.${namespace}.svc.cluster.local", 200, null);
        CheckSpec exists = Checks.exists("Service", "my-nginx");
        List<Verdict> seen = new ArrayList<>();
        try (CheckWatcher watcher = new CheckWatcher(List.of(exists, http), ns.context(), seen::add)) {
            List<Verdict> all = watcher.evaluateAll();
            assertEquals(List.of(Status.FAIL, Status.SKIPPED), all.stream().map(Verdict::status).toList());
        }
    }

    private Verdict next(CheckSpec check) throws InterruptedException {
        Verdict verdict = delivered.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (verdict == null) {
            throw new AssertionError("no verdict for " + check.info().id() + " within " + TIMEOUT_SECONDS + " s");
        }
        assertEquals(check.info().id(), verdict.id(), verdict.toString());
        return verdict;
    }

    /** Intermediate verdicts (a pod scheduled but not ready yet) may come first; the PASS must come in time. */
    private Verdict nextWithStatus(CheckSpec check, Status status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            Verdict verdict = delivered.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (verdict != null && verdict.id().equals(check.info().id()) && verdict.status() == status) {
                return verdict;
            }
        }
        throw new AssertionError("no " + status + " for " + check.info().id() + " within " + TIMEOUT_SECONDS + " s");
    }
}
