package dev.kubelessons.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.CheckSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each resource check kind against the real kwok API server: FAIL before the learner's change, PASS after. */
@KwokCluster
class ResourceChecksTest {

    private final CheckEvaluator evaluator = new CheckEvaluator();
    private LessonNamespace ns;

    @BeforeEach
    void namespace(KubernetesClient client) {
        ns = LessonNamespace.create(client);
    }

    @AfterEach
    void cleanUp() {
        ns.close();
    }

    private Verdict eval(CheckSpec check) {
        return evaluator.evaluate(check, ns.context());
    }

    @Test
    void existsFailsUntilTheServiceIsCreated() {
        CheckSpec check = Checks.exists("Service", "my-nginx");
        Verdict before = eval(check);
        assertEquals(Status.FAIL, before.status(), before.message());
        assertEquals("Service my-nginx does not exist in namespace " + ns.name(), before.message());

        ns.apply(Manifests.service("my-nginx", "ClusterIP", "my-nginx"));

        Verdict after = eval(check);
        assertEquals(Status.PASS, after.status(), after.message());
    }

    @Test
    void absentPassesUntilTheObjectIsCreatedAndAgainOnceDeleted() {
        CheckSpec check = Checks.absent("Service", "old");
        assertEquals(Status.PASS, eval(check).status());

        ns.apply(Manifests.service("old", "ClusterIP", "web"));
        Verdict present = eval(check);
        assertEquals(Status.FAIL, present.status());
        assertTrue(present.message().contains("still exists"), present.message());

        // Deletion of a Service without finalizers is immediate; the API answers the next GET with 404.
        ns.client().services().inNamespace(ns.name()).withName("old").delete();
        ns.client().services().inNamespace(ns.name()).withName("old").waitUntilCondition(s -> s == null, 30,
                java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(Status.PASS, eval(check).status());
    }

    @Test
    void celExplainsTheFieldsItRead() {
        CheckSpec check = Checks.cel("Service", "my-nginx", "object.spec.type == 'ClusterIP'");
        Verdict missing = eval(check);
        assertEquals(Status.FAIL, missing.status());
        assertTrue(missing.message().contains("does not exist"), missing.message());

        ns.apply(Manifests.service("my-nginx", "NodePort", "my-nginx"));
        Verdict wrongType = eval(check);
        assertEquals(Status.FAIL, wrongType.status());
        assertEquals("object.spec.type == 'ClusterIP' is false (spec.type is NodePort)", wrongType.message());

        // A NodePort cannot simply become ClusterIP while its nodePort is set; recreate it as a learner would.
        ns.client().services().inNamespace(ns.name()).withName("my-nginx").delete();
        ns.client().services().inNamespace(ns.name()).withName("my-nginx").waitUntilCondition(s -> s == null, 30,
                java.util.concurrent.TimeUnit.SECONDS);
        ns.apply(Manifests.service("my-nginx", "ClusterIP", "my-nginx"));
        Verdict right = eval(check);
        assertEquals(Status.PASS, right.status(), right.message());
    }

    @Test
    void celOnAFieldThatIsNotSetIsTheLearnersFailure() {
        ns.apply(Manifests.service("my-nginx", "ClusterIP", "my-nginx"));
        Verdict verdict = eval(Checks.cel("Service", "my-nginx", "object.spec.sessionAffinityConfig.clientIP.timeoutSeconds > 0"));
        assertEquals(Status.FAIL, verdict.status(), verdict.message());
        assertTrue(verdict.message().contains("spec.sessionAffinityConfig.clientIP.timeoutSeconds is absent"), verdict.message());
    }

    @Test
    void rolloutNamesThePodThatHoldsItUp() throws Exception {
        CheckSpec check = Checks.rollout("my-nginx");
        assertEquals(Status.FAIL, eval(check).status());

        // No node carries this label, so the pods stay Pending and the verdict must say why.
        ns.apply(Manifests.deployment("my-nginx", 2).replace("      containers:",
                "      nodeSelector: {kubelessons.dev/nowhere: \"true\"}\n      containers:"));
        ns.client().pods().inNamespace(ns.name()).withLabel("app", "my-nginx")
                .informOnCondition(pods -> pods.size() == 2 && pods.stream().allMatch(p -> p.getStatus() != null
                        && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
                        .anyMatch(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))))
                .get(Manifests.TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        Verdict pending = eval(check);
        assertEquals(Status.FAIL, pending.status());
        assertEquals("0/2 replicas ready", pending.actual());
        assertTrue(pending.message().startsWith("Deployment my-nginx: 0/2 replicas ready; "), pending.message());
        assertTrue(pending.message().contains("not ready: not scheduled (0/2 nodes are available"), pending.message());

        ns.apply(Manifests.deployment("my-nginx", 2));
        Manifests.awaitRolledOut(ns.client(), ns.name(), "my-nginx", 2);
        Verdict ready = eval(check);
        assertEquals(Status.PASS, ready.status(), ready.message());
        assertEquals("2/2 replicas ready", ready.actual());
    }

    @Test
    void endpointsExplainsASelectorThatMatchesNoPods() {
        CheckSpec check = Checks.endpoints("my-nginx", 2);
        Verdict noService = eval(check);
        assertEquals(Status.FAIL, noService.status());
        assertEquals("Service my-nginx does not exist in namespace " + ns.name(), noService.message());

        ns.apply(Manifests.deployment("my-nginx", 2));
        Manifests.awaitRolledOut(ns.client(), ns.name(), "my-nginx", 2);
        ns.apply(Manifests.service("my-nginx", "ClusterIP", "web"));
        Verdict mismatch = eval(check);
        assertEquals(Status.FAIL, mismatch.status());
        assertEquals("Service my-nginx has 0 ready endpoints; expected 2 — selector app=web matches 0 ready pods;"
                + " pods in the namespace are labelled app=my-nginx", mismatch.message());

        ns.apply(Manifests.service("my-nginx", "ClusterIP", "my-nginx"));
        Manifests.awaitReadyEndpoints(ns.client(), ns.name(), "my-nginx", 2);
        Verdict fixed = eval(check);
        assertEquals(Status.PASS, fixed.status(), fixed.message());
        assertEquals("2 ready endpoints", fixed.actual());
    }

    @Test
    void dataPlaneChecksAreSkippedWithTheReasonOnKwok() {
        List<CheckSpec> checks = List.of(
                Checks.http("http://my-nginx.${namespace}.svc.cluster.local", 200, "Welcome"),
                Checks.dns("my-nginx.${namespace}.svc.cluster.local", true),
                Checks.traffic(Map.of("app", "frontend"), "checkout", 80, true),
                Checks.nodeCommand("worker", List.of("iptables-save", "-t", "nat"), "KUBE-SVC"));
        for (CheckSpec check : checks) {
            Verdict verdict = eval(check);
            assertEquals(Status.SKIPPED, verdict.status(), check.kind().word());
            assertEquals(CheckContext.KWOK_REASON, verdict.message());
        }
        // No probe pod was created: skipping must not touch the cluster.
        assertEquals(0, ns.client().pods().inNamespace(ns.name()).list().getItems().size());
    }
}
