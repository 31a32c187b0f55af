package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.CheckEvaluator;
import dev.kubelessons.check.ProbeOptions;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.CheckInfo;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Lesson;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pod security for attendees on the real kwok API server: each PodGuard rule refuses its object by name (through a
 * workload where Pod Security would refuse a bare pod anyway, so the test fails without the rule), what lessons need
 * is admitted, and the namespaces enforce the Pod Security level their lessons need, which the engine's probe pods meet.
 */
@KwokCluster
class PodSecurityOnKwokTest {

    @TempDir
    static Path out;
    static final String ATTENDEE = WorkshopFixture.names("pia").get(0);
    static final Lesson LESSON = WorkshopFixture.lesson("03-clusterip");
    static Path kubeconfig;

    @BeforeAll
    static void provision(KubernetesClient admin, ClusterAccess access) throws InterruptedException {
        java.io.StringWriter progress = new java.io.StringWriter();
        kubeconfig = WorkshopFixture.provision(admin, access, List.of(ATTENDEE), List.of(LESSON), out, new java.io.PrintWriter(progress, true)).get(0);
        // An admission policy takes effect a moment after it is created (seconds on a loaded machine); provisioning waits
        // for it (issue 13), so the guard refuses the attendee at once, with no wait here: a clean-clone run of the whole
        // suite once tried the rules before the guard was in effect (8 of 9 admitted).
        assertTrue(progress.toString().contains("admission guards: in effect"), progress.toString());
        try (KubernetesClient attendee = WorkshopFixture.clientOf(kubeconfig)) {
            KubernetesClientException refused = assertThrows(KubernetesClientException.class,
                    () -> attendee.resource(forbidden(PodGuard.Rule.EXTERNAL_IPS)).inNamespace(lessonNs()).dryRun().create());
            assertTrue(refused.getMessage().contains(PodGuard.NAME), refused.getMessage());
        }
    }

    @AfterAll
    static void cleanUp(KubernetesClient admin) {
        new Teardown(admin).remove(List.of(ATTENDEE), false);
    }

    private static String lessonNs() {
        return WorkshopNames.lesson(ATTENDEE, LESSON.id());
    }

    /** An object the rule must refuse; each passes Pod Security baseline (a workload, not a pod) or is outside its reach. */
    private static HasMetadata forbidden(PodGuard.Rule rule) {
        return switch (rule) {
            case HOST_NETWORK -> deployment(s -> { s.setHostNetwork(true); return s; });
            case HOST_PID -> deployment(s -> { s.setHostPID(true); return s; });
            case HOST_IPC -> deployment(s -> { s.setHostIPC(true); return s; });
            case HOST_PATH -> deployment(s -> new PodSpecBuilder(s).addNewVolume().withName("root").withNewHostPath().withPath("/")
                    .endHostPath().endVolume().build());
            case PRIVILEGED -> deployment(s -> new PodSpecBuilder(s).editFirstContainer().withNewSecurityContext().withPrivileged(true)
                    .endSecurityContext().endContainer().build());
            case NODE_NAME -> new PodBuilder().withNewMetadata().withName("pinned").endMetadata()
                    .withSpec(new PodSpecBuilder(nginx()).withNodeName("kwok-node-0").build()).build();
            case TOLERATE_ALL -> deployment(s -> new PodSpecBuilder(s).addNewToleration().withOperator("Exists").endToleration().build());
            case EXTERNAL_IPS -> new ServiceBuilder().withNewMetadata().withName("grab").endMetadata().withNewSpec()
                    .withSelector(Map.of("app", "web")).addNewPort().withPort(80).endPort().withExternalIPs("10.96.0.10", "1.1.1.1")
                    .endSpec().build();
            case TOKEN_SECRET -> new SecretBuilder().withNewMetadata().withName("forever")
                    .withAnnotations(Map.of("kubernetes.io/service-account.name", "default")).endMetadata()
                    .withType("kubernetes.io/service-account-token").build();
        };
    }

    @ParameterizedTest
    @EnumSource(PodGuard.Rule.class)
    void eachRuleRefusesAttendeesItsObjectAndSaysWhichRule(PodGuard.Rule rule, KubernetesClient admin) {
        HasMetadata object = forbidden(rule);
        try (KubernetesClient attendee = WorkshopFixture.clientOf(kubeconfig)) {
            KubernetesClientException e = assertThrows(KubernetesClientException.class,
                    () -> attendee.resource(object).inNamespace(lessonNs()).create(), rule + " must be refused");
            assertEquals(403, e.getCode(), e.getMessage());
            assertTrue(e.getMessage().contains(PodGuard.NAME) && e.getMessage().contains(rule.key + ": in a workshop"), e.getMessage());
        }
        // The guard is for attendees: the instructor (fast-forward, setup) is not held to it.
        if (rule == PodGuard.Rule.EXTERNAL_IPS) {
            admin.resource(object).inNamespace(lessonNs()).create();
            admin.resource(object).inNamespace(lessonNs()).delete();
        }
    }

    @Test
    void whatLessonsNeedIsAdmitted() {
        String run = UUID.randomUUID().toString().substring(0, 4);
        try (KubernetesClient attendee = WorkshopFixture.clientOf(kubeconfig)) {
            attendee.resource(deployment(UnaryOperator.identity())).inNamespace(lessonNs()).create();
            attendee.resource(new PodBuilder().withNewMetadata().withName("plain-" + run).endMetadata().withSpec(nginx()).build())
                    .inNamespace(lessonNs()).create();
            attendee.resource(new ServiceBuilder().withNewMetadata().withName("web-" + run).endMetadata().withNewSpec()
                    .withSelector(Map.of("app", "web")).addNewPort().withPort(80).endPort().endSpec().build()).inNamespace(lessonNs()).create();
            attendee.resource(new SecretBuilder().withNewMetadata().withName("plain-" + run).endMetadata()
                    .withStringData(Map.of("k", "v")).build()).inNamespace(lessonNs()).create();
            // A pod that got its node from the scheduler can still be relabelled: nodeName is refused on create only.
            var pod = attendee.pods().inNamespace(lessonNs()).withName("plain-" + run);
            pod.waitUntilCondition(p -> p.getSpec().getNodeName() != null, 60, java.util.concurrent.TimeUnit.SECONDS);
            pod.edit(p -> new PodBuilder(p).editMetadata().addToLabels("touched", "yes").endMetadata().build());
            assertEquals("yes", pod.get().getMetadata().getLabels().get("touched"));
        }
    }

    @Test
    void theIssuesRootPodIsRefused() {
        var pod = new PodBuilder().withNewMetadata().withName("root").endMetadata().withSpec(new PodSpecBuilder(nginx())
                .withHostNetwork(true).withHostPID(true).addNewVolume().withName("root").withNewHostPath().withPath("/").endHostPath().endVolume()
                .editFirstContainer().withNewSecurityContext().withPrivileged(true).endSecurityContext().endContainer().build()).build();
        try (KubernetesClient attendee = WorkshopFixture.clientOf(kubeconfig)) {
            KubernetesClientException e = assertThrows(KubernetesClientException.class,
                    () -> attendee.resource(pod).inNamespace(lessonNs()).create());
            assertEquals(403, e.getCode(), e.getMessage());
        }
    }

    @Test
    void namespacesEnforceTheLevelTheirLessonNeedsAndRootPodsStayOutOfTheHome(KubernetesClient admin) {
        Map<String, String> home = admin.namespaces().withName(WorkshopNames.home(ATTENDEE)).get().getMetadata().getLabels();
        Map<String, String> lesson = admin.namespaces().withName(lessonNs()).get().getMetadata().getLabels();
        assertEquals("restricted", home.get("pod-security.kubernetes.io/enforce"));
        assertEquals("baseline", lesson.get("pod-security.kubernetes.io/enforce"), "03's nginx runs as root");
        assertEquals("restricted", lesson.get("pod-security.kubernetes.io/warn"));
        try (KubernetesClient attendee = WorkshopFixture.clientOf(kubeconfig)) {
            KubernetesClientException e = assertThrows(KubernetesClientException.class, () -> attendee.resource(
                    new PodBuilder().withNewMetadata().withName("rooted").endMetadata().withSpec(nginx()).build())
                    .inNamespace(WorkshopNames.home(ATTENDEE)).create());
            assertEquals(403, e.getCode(), e.getMessage());
            assertTrue(e.getMessage().contains("violates PodSecurity \"restricted:latest\""), e.getMessage());
        }
    }

    @Test
    void theEnginesProbePodIsAdmittedUnderRestrictedAndWithinTheLimits() {
        // On kwok a probe pod never finishes, so a short timeout ends it; the point is that it was created at all.
        try (KubernetesClient attendee = WorkshopFixture.clientOf(kubeconfig)) {
            CheckContext context = CheckContext.withDataPlane(attendee, WorkshopNames.home(ATTENDEE), null)
                    .withProbe(new ProbeOptions(ProbeOptions.DEFAULT_IMAGE, Duration.ofSeconds(2), 1, Duration.ofMillis(10)));
            CheckSpec.Http http = new CheckSpec.Http(new CheckInfo("reach", "reach", "", "", dev.kubelessons.lesson.SourcePosition.of(Path.of("probe.md"), 1, 1)), "http://web/", 200, "", Map.of());
            Verdict verdict = new CheckEvaluator().evaluate(http, context);
            assertTrue(verdict.message().contains("did not finish within 2 s"), verdict.message());
            assertFalse(verdict.message().contains("PodSecurity") || verdict.message().contains("forbidden"), verdict.message());
        }
    }

    @Test
    void lessonsGetTheLeastLevelTheirOwnPodsNeed() {
        PodSecurityLevel level = PodSecurityLevel.of(LESSON);
        assertEquals("baseline", level.level());
        assertTrue(level.reason().contains("may run as root") && level.reason().contains("03-clusterip.md"), level.reason());
        String compliant = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                      containers:
                        - name: web
                          image: nginxinc/nginx-unprivileged:1.27
                          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
                """;
        assertTrue(PodSecurityLevel.manifestNeed(compliant).isEmpty());
        assertEquals("Deployment web: container web does not drop ALL capabilities",
                PodSecurityLevel.manifestNeed(compliant.replace("drop: [ALL]", "drop: [NET_RAW]")).orElseThrow());
        assertNotNull(Provisioner.podSecuritySummary(List.of(LESSON)));
        assertTrue(Provisioner.podSecuritySummary(List.of(LESSON)).contains("baseline for 03-clusterip"));
    }

    private static PodSpec nginx() {
        return new PodSpecBuilder().addNewContainer().withName("web").withImage("nginx:1.27").endContainer().build();
    }

    private static HasMetadata deployment(UnaryOperator<PodSpec> change) {
        String name = "web-" + UUID.randomUUID().toString().substring(0, 4);
        return new DeploymentBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().withReplicas(1)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata().withSpec(change.apply(nginx())).endTemplate()
                .endSpec().build();
    }
}
