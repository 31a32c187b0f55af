package dev.kubelessons.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.ResourceRef;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tool failures are ERROR verdicts with a message that says what to do, never exceptions out of evaluate. */
@KwokCluster
class CheckErrorsTest {

    private final CheckEvaluator evaluator = new CheckEvaluator();

    @Test
    void forbiddenByRbacIsAnErrorNamingTheUserAndTheResource(KubernetesClient admin, ClusterAccess access) {
        try (LessonNamespace ns = LessonNamespace.create(admin)) {
            admin.serviceAccounts().inNamespace(ns.name()).resource(new ServiceAccountBuilder()
                    .withNewMetadata().withName("nobody").endMetadata().build()).create();
            String user = "system:serviceaccount:" + ns.name() + ":nobody";
            try (KubernetesClient nobody = new KubernetesClientBuilder().withConfig(new ConfigBuilder(access.config())
                    .withImpersonateUsername(user)
                    .withImpersonateGroups("system:serviceaccounts", "system:authenticated").build()).build()) {
                CheckContext context = CheckContext.withoutDataPlane(nobody, ns.name(), CheckContext.KWOK_REASON);
                for (CheckSpec check : List.of(Checks.exists("Service", "my-nginx"), Checks.endpoints("my-nginx", 2),
                        Checks.rollout("my-nginx"), Checks.cel("Service", "my-nginx", "true"))) {
                    Verdict verdict = evaluator.evaluate(check, context);
                    assertEquals(Status.ERROR, verdict.status(), check.kind().word() + ": " + verdict.message());
                    assertTrue(verdict.message().startsWith("forbidden by RBAC: "), verdict.message());
                    assertTrue(verdict.message().contains(user), verdict.message());
                    assertTrue(verdict.message().endsWith("the check needs read access to namespace " + ns.name()),
                            verdict.message());
                }
                // The watcher cannot watch either: it says so, and still delivers the ERROR verdicts.
                List<Verdict> delivered = new ArrayList<>();
                List<String> problems = new ArrayList<>();
                try (CheckWatcher watcher = new CheckWatcher(List.of(Checks.exists("Service", "my-nginx")), context,
                        new VerdictListener() {
                            @Override
                            public void onVerdict(Verdict verdict) {
                                synchronized (delivered) {
                                    delivered.add(verdict);
                                    delivered.notifyAll();
                                }
                            }

                            @Override
                            public void onWatchProblem(String message) {
                                problems.add(message);
                            }
                        })) {
                    synchronized (delivered) {
                        long deadline = System.currentTimeMillis() + 30_000;
                        while (delivered.isEmpty() && System.currentTimeMillis() < deadline) {
                            delivered.wait(1_000);
                        }
                    }
                    assertEquals(Status.ERROR, delivered.get(0).status());
                    assertTrue(problems.stream().anyMatch(p -> p.contains("forbidden by RBAC")), problems.toString());
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    @Test
    void aKindWhoseCrdIsMissingIsAnError(KubernetesClient client) {
        try (LessonNamespace ns = LessonNamespace.create(client)) {
            // Contour's HTTPProxy: a real CRD-defined kind that no kubelessons cluster installs (the Gateway API's
            // CRDs, this test's example before, now come with every cluster's add-ons)
            CheckSpec check = new CheckSpec.Exists(Checks.info("httpproxy"),
                    ResourceRef.of("projectcontour.io/v1", "HTTPProxy", "web"));
            Verdict verdict = evaluator.evaluate(check, ns.context());
            assertEquals(Status.ERROR, verdict.status(), verdict.message());
            assertTrue(verdict.message().contains("kind HTTPProxy in projectcontour.io/v1"), verdict.message());
            assertTrue(verdict.message().contains("CustomResourceDefinition"), verdict.message());
        }
    }

    @Test
    void anUnreachableApiServerIsAnError() {
        try (KubernetesClient gone = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("https://127.0.0.1:1").withRequestRetryBackoffLimit(0).build()).build()) {
            CheckContext context = CheckContext.withoutDataPlane(gone, "kl-nowhere", CheckContext.KWOK_REASON);
            Verdict verdict = evaluator.evaluate(Checks.endpoints("my-nginx", 2), context);
            assertEquals(Status.ERROR, verdict.status(), verdict.message());
            assertTrue(verdict.message().startsWith("cannot reach the API server at https://127.0.0.1:1"), verdict.message());
        }
    }
}
