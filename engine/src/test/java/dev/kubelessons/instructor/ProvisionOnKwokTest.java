package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.LessonChecks;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Three attendees on the real kwok API server: each works in their own namespaces only, reset and fast-forward work, teardown is exact. */
@KwokCluster
class ProvisionOnKwokTest {

    @TempDir
    static Path out;
    static final List<String> ATTENDEES = WorkshopFixture.names("ana", "ben", "cy");
    static final Lesson LESSON = WorkshopFixture.lesson("02-deployments");
    static List<Path> kubeconfigs;
    static final java.io.StringWriter PROGRESS = new java.io.StringWriter();

    @BeforeAll
    static void provision(KubernetesClient admin, ClusterAccess access) {
        kubeconfigs = WorkshopFixture.provision(admin, access, ATTENDEES, List.of(LESSON), out, new java.io.PrintWriter(PROGRESS, true));
    }

    @Test
    void provisioningSaysHowFarItIs() {
        for (String attendee : ATTENDEES) {
            assertTrue(java.util.regex.Pattern.compile("provisioned " + attendee + " \\([123] of 3, [0-9.]+ s so far\\): ").matcher(PROGRESS.toString()).find(),
                    PROGRESS.toString());
        }
        assertTrue(PROGRESS.toString().contains("(3 of 3, "), PROGRESS.toString());
    }

    @AfterAll
    static void cleanUp(KubernetesClient admin) {
        new Teardown(admin).remove(ATTENDEES, false);
    }

    private static String ns(int attendee) {
        return WorkshopNames.lesson(ATTENDEES.get(attendee), LESSON.id());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAttendeeGetsLabelledNamespacesAndAPrivateKubeconfigOnTheirHome(KubernetesClient admin) throws Exception {
        for (int i = 0; i < ATTENDEES.size(); i++) {
            String name = ATTENDEES.get(i);
            for (String namespace : List.of(WorkshopNames.home(name), ns(i))) {
                Namespace found = admin.namespaces().withName(namespace).get();
                assertNotNull(found, namespace);
                assertEquals("kubelessons", found.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
                assertEquals(name, found.getMetadata().getLabels().get(WorkshopNames.ATTENDEE));
                assertNotNull(admin.rbac().roles().inNamespace(namespace).withName(WorkshopNames.ROLE).get());
                assertNotNull(admin.rbac().roleBindings().inNamespace(namespace).withName(WorkshopNames.ROLE).get());
                assertNotNull(admin.resourceQuotas().inNamespace(namespace).withName(WorkshopNames.ROLE).get());
                assertNotNull(admin.limitRanges().inNamespace(namespace).withName(WorkshopNames.ROLE).get());
                assertNull(admin.network().networkPolicies().inNamespace(namespace).withName(WorkshopNames.ISOLATION_POLICY).get(),
                        "the cluster serves ClusterNetworkPolicy, so no NetworkPolicy adds allowances to the lessons' own");
            }
            GenericKubernetesResource fence = admin.genericKubernetesResources(NetworkFence.GROUP_VERSION, NetworkFence.KIND)
                    .withName(NetworkFence.policyName(name)).get();
            assertNotNull(fence, "the attendee's ClusterNetworkPolicy");
            assertEquals(name, fence.getMetadata().getLabels().get(WorkshopNames.ATTENDEE));
            Map<String, Object> spec = fence.get("spec");
            assertEquals("Admin", spec.get("tier"));
            assertEquals(Map.of("namespaces", Map.of("matchLabels", Map.of(WorkshopNames.ATTENDEE, name))), spec.get("subject"));
            assertEquals(List.of("Pass", "Deny"), ((List<Map<String, Object>>) spec.get("ingress")).stream().map(r -> r.get("action")).toList());
            assertEquals(List.of("Pass", "Deny"), ((List<Map<String, Object>>) spec.get("egress")).stream().map(r -> r.get("action")).toList());
            Path file = kubeconfigs.get(i);
            assertEquals(out.resolve(name + ".kubeconfig"), file);
            assertEquals(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file));
            String text = Files.readString(file);
            assertTrue(text.contains("current-context: kl-" + name), text);
            assertTrue(text.contains("namespace: kl-" + name), text);
        }
        // The setup of the lesson was applied in each new lesson namespace.
        assertNotNull(admin.pods().inNamespace(ns(0)).withName("debug-nginx").get());
    }

    @Test
    void provisioningAgainChangesNothingAndKeepsWorkInProgress(KubernetesClient admin, ClusterAccess access) {
        admin.pods().inNamespace(ns(2)).withName("debug-nginx").withGracePeriod(0).delete();
        admin.pods().inNamespace(ns(2)).withName("debug-nginx").waitUntilCondition(Objects::isNull, 60, TimeUnit.SECONDS);
        WorkshopFixture.provision(admin, access, List.of(ATTENDEES.get(2)), List.of(LESSON), out);
        assertNull(admin.pods().inNamespace(ns(2)).withName("debug-nginx").get(), "the setup is not re-applied over the attendee's work");
    }

    @Test
    void anAttendeeWorksInTheirOwnNamespacesOnly(KubernetesClient admin) {
        try (KubernetesClient a = WorkshopFixture.clientOf(kubeconfigs.get(0))) {
            // Own namespaces: create, read, list, delete.
            a.configMaps().inNamespace(ns(0)).resource(configMap("mine")).create();
            assertEquals("mine", a.configMaps().inNamespace(ns(0)).withName("mine").get().getMetadata().getName());
            assertFalse(a.pods().inNamespace(ns(0)).list().getItems().isEmpty());
            assertFalse(a.configMaps().inNamespace(ns(0)).withName("mine").delete().isEmpty());
            a.configMaps().inNamespace(WorkshopNames.home(ATTENDEES.get(0))).resource(configMap("home")).create();

            // B's namespaces: nothing at all.
            for (String other : List.of(ns(1), WorkshopNames.home(ATTENDEES.get(1)))) {
                forbidden(() -> a.pods().inNamespace(other).withName("debug-nginx").get(), "get in " + other);
                forbidden(() -> a.pods().inNamespace(other).list(), "list in " + other);
                forbidden(() -> a.configMaps().inNamespace(other).list(), "list config maps in " + other);
                forbidden(() -> a.configMaps().inNamespace(other).resource(configMap("intruder")).create(), "create in " + other);
                forbidden(() -> a.pods().inNamespace(other).withName("debug-nginx").delete(), "delete in " + other);
                forbidden(() -> watchOnce(a, other), "watch in " + other);
            }
            assertNotNull(admin.pods().inNamespace(ns(1)).withName("debug-nginx").get(), "B's pod is untouched");

            // Nothing cluster-scoped, and not its own fence either.
            forbidden(() -> a.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("a-sneaks-in").endMetadata().build()).create(), "create a Namespace");
            forbidden(() -> a.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName("a-sneaks-in").endMetadata().build()).create(), "create a ClusterRole");
            forbidden(() -> a.namespaces().list(), "list namespaces");
            forbidden(() -> a.resourceQuotas().inNamespace(ns(0)).withName(WorkshopNames.ROLE).delete(), "delete its own quota");
            forbidden(() -> a.rbac().roles().inNamespace(ns(0)).withName(WorkshopNames.ROLE).delete(), "delete its own Role");
            forbidden(() -> a.genericKubernetesResources(NetworkFence.GROUP_VERSION, NetworkFence.KIND)
                    .withName(NetworkFence.policyName(ATTENDEES.get(0))).delete(), "delete its ClusterNetworkPolicy");
        }
    }

    @Test
    void theFenceGuardKeepsAttendeesOffTheFenceButNotOffTheirOwnObjects(KubernetesClient admin) {
        String home = WorkshopNames.home(ATTENDEES.get(0));
        try (KubernetesClient a = WorkshopFixture.clientOf(kubeconfigs.get(0))) {
            // Lessons need NetworkPolicy and ServiceAccount writes, so RBAC allows them; the admission policy draws the line.
            NetworkPolicy own = policy("mine", Map.of());
            a.network().v1().networkPolicies().inNamespace(ns(0)).resource(own).create();
            assertFalse(a.network().v1().networkPolicies().inNamespace(ns(0)).withName("mine").delete().isEmpty());

            guarded(() -> a.serviceAccounts().inNamespace(home).withName(WorkshopNames.SERVICE_ACCOUNT).delete(), "delete its own ServiceAccount");
            guarded(() -> a.serviceAccounts().inNamespace(home).withName(WorkshopNames.SERVICE_ACCOUNT)
                    .edit(sa -> { sa.getMetadata().getLabels().remove(WorkshopNames.ATTENDEE); return sa; }), "unlabel its ServiceAccount");
            guarded(() -> a.network().v1().networkPolicies().inNamespace(ns(0))
                    .resource(policy("fake-fence", WorkshopNames.labels(ATTENDEES.get(0)))).create(), "create an object labelled as fence");
            assertNotNull(admin.serviceAccounts().inNamespace(home).withName(WorkshopNames.SERVICE_ACCOUNT).get());
        }
    }

    @Test
    void withoutClusterNetworkPolicyTheFallbackFenceIsANetworkPolicyAttendeesCannotRemove(KubernetesClient admin, ClusterAccess access,
            @TempDir Path elsewhere) {
        String name = WorkshopFixture.names("fay").get(0);
        AttendeeSpace space = new AttendeeSpace(admin, name, NetworkFence.NAMESPACE_POLICY);
        space.ensureHome();
        space.ensureLesson(LESSON);
        Path kubeconfig = new AttendeeKubeconfig(admin, access.config()).write(name, elsewhere, Duration.ofMinutes(10));
        String namespace = WorkshopNames.lesson(name, LESSON.id());
        try (KubernetesClient f = WorkshopFixture.clientOf(kubeconfig)) {
            NetworkPolicy isolation = admin.network().v1().networkPolicies().inNamespace(namespace).withName(WorkshopNames.ISOLATION_POLICY).get();
            assertNotNull(isolation);
            assertEquals(List.of("Ingress", "Egress"), isolation.getSpec().getPolicyTypes());
            assertNull(admin.genericKubernetesResources(NetworkFence.GROUP_VERSION, NetworkFence.KIND).withName(NetworkFence.policyName(name)).get());
            guarded(() -> f.network().v1().networkPolicies().inNamespace(namespace).withName(WorkshopNames.ISOLATION_POLICY).delete(),
                    "delete the isolation policy");
            guarded(() -> f.network().v1().networkPolicies().inNamespace(namespace).delete(), "delete every policy at once");
            guarded(() -> f.network().v1().networkPolicies().inNamespace(namespace).withName(WorkshopNames.ISOLATION_POLICY)
                    .edit(p -> { p.getSpec().setIngress(List.of(new NetworkPolicyIngressRule())); return p; }), "open the isolation policy");
            assertEquals(isolation.getSpec(), admin.network().v1().networkPolicies().inNamespace(namespace)
                    .withName(WorkshopNames.ISOLATION_POLICY).get().getSpec());
        } finally {
            new Teardown(admin).remove(List.of(name), false);
        }
    }

    @Test
    void resetAndFastForwardChangeTheAttendeesNamespace(KubernetesClient admin, ClusterAccess access) {
        AttendeeActions actions = new AttendeeActions(admin, access);
        String attendee = ATTENDEES.get(1);
        CheckContext context = CheckContext.withoutDataPlane(admin, ns(1), CheckContext.KWOK_REASON);

        actions.fastForward(attendee, LESSON);
        List<Verdict> solved = LessonChecks.untilPassing(LESSON, context, Duration.ofSeconds(90));
        solved.forEach(v -> assertTrue(v.status() == Status.PASS || v.status() == Status.SKIPPED, v.id() + ": " + v.message()));
        assertTrue(solved.stream().anyMatch(v -> v.status() == Status.PASS));

        actions.reset(attendee, LESSON);
        List<Verdict> fresh = LessonChecks.now(LESSON, context);
        assertTrue(fresh.stream().noneMatch(v -> v.status() == Status.PASS), fresh.toString());
        assertNotNull(admin.pods().inNamespace(ns(1)).withName("debug-nginx").get(), "setup applied again");
        assertEquals(attendee, admin.namespaces().withName(ns(1)).get().getMetadata().getLabels().get(WorkshopNames.ATTENDEE));
        // The fence is back, so the attendee can work there at once.
        try (KubernetesClient b = WorkshopFixture.clientOf(kubeconfigs.get(1))) {
            assertFalse(b.pods().inNamespace(ns(1)).list().getItems().isEmpty());
        }
        assertThrows(UserInputException.class, () -> actions.reset("nobody-here", LESSON));
    }

    @Test
    void teardownRemovesExactlyWhatProvisioningCreated(KubernetesClient admin, ClusterAccess access, @TempDir Path elsewhere) {
        List<String> solo = WorkshopFixture.names("dee");
        WorkshopFixture.provision(admin, access, solo, List.of(LESSON), elsewhere);
        String bystander = "kl-" + solo.get(0) + "-unlabelled";
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(bystander).endMetadata().build()).create();
        try {
            List<String> removed = new Teardown(admin).remove(solo, true);
            assertEquals(List.of(WorkshopNames.home(solo.get(0)), WorkshopNames.lesson(solo.get(0), LESSON.id())), removed);
            String selector = WorkshopNames.ATTENDEE + "=" + solo.get(0);
            assertTrue(admin.namespaces().withLabelSelector(selector).list().getItems().isEmpty());
            for (var kind : List.of(admin.rbac().roles(), admin.rbac().roleBindings())) {
                assertTrue(kind.inAnyNamespace().withLabelSelector(selector).list().getItems().isEmpty());
            }
            assertTrue(admin.serviceAccounts().inAnyNamespace().withLabelSelector(selector).list().getItems().isEmpty());
            assertTrue(admin.network().networkPolicies().inAnyNamespace().withLabelSelector(selector).list().getItems().isEmpty());
            assertTrue(admin.resourceQuotas().inAnyNamespace().withLabelSelector(selector).list().getItems().isEmpty());
            assertTrue(admin.limitRanges().inAnyNamespace().withLabelSelector(selector).list().getItems().isEmpty());
            assertTrue(admin.pods().inAnyNamespace().withLabelSelector(selector).list().getItems().isEmpty());
            assertTrue(admin.genericKubernetesResources(NetworkFence.GROUP_VERSION, NetworkFence.KIND).withLabelSelector(selector)
                    .list().getItems().isEmpty(), "its ClusterNetworkPolicy is gone");
            assertNotNull(admin.genericKubernetesResources(NetworkFence.GROUP_VERSION, NetworkFence.KIND)
                    .withName(NetworkFence.policyName(ATTENDEES.get(0))).get(), "the others' stay");
            assertNotNull(admin.admissionRegistration().v1().validatingAdmissionPolicies().withName(FenceGuard.NAME).get(),
                    "the guard stays while attendees remain");
            Namespace kept = admin.namespaces().withName(bystander).get();
            assertNotNull(kept, "an unlabelled namespace is not ours to delete");
            assertNull(kept.getMetadata().getDeletionTimestamp());
            // The other attendees of this class are untouched.
            assertNotNull(admin.namespaces().withName(ns(0)).get());
        } finally {
            admin.namespaces().withName(bystander).delete();
        }
    }

    @Test
    void badAttendeeNamesAreRefused() {
        for (String bad : List.of("Alice", "a_b", "-a", "a-", "", "<script>", "x".repeat(60), "bob-02-deployments")) {
            assertThrows(UserInputException.class, () -> AttendeeName.validate(List.of(bad), List.of("02-deployments")), bad);
        }
        assertThrows(UserInputException.class, () -> AttendeeName.validate(List.of("a", "a"), List.of()));
        assertEquals(List.of("attendee-01", "attendee-02"), AttendeeName.numbered(2));
    }

    private static io.fabric8.kubernetes.api.model.ConfigMap configMap(String name) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().withData(Map.of("k", "v")).build();
    }

    private static void watchOnce(KubernetesClient client, String namespace) throws Exception {
        try (Watch ignored = client.pods().inNamespace(namespace).watch(new Watcher<>() {
            public void eventReceived(Action action, io.fabric8.kubernetes.api.model.Pod pod) { }
            public void onClose(WatcherException cause) { }
        })) {
            // A watch that opened is a failure: the API server must refuse it up front.
        }
    }

    private static NetworkPolicy policy(String name, Map<String, String> labels) {
        return new NetworkPolicyBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withNewPodSelector().endPodSelector().withPolicyTypes("Ingress").endSpec().build();
    }

    /** Refused by the fence guard (admission), not by RBAC: the message tells the attendee why. */
    private static void guarded(Executable action, String what) {
        KubernetesClientException e = assertThrows(KubernetesClientException.class, action, what + " must be refused");
        assertEquals(403, e.getCode(), what + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(FenceGuard.NAME) && e.getMessage().contains("workshop fence"), what + ": " + e.getMessage());
    }

    private static void forbidden(Executable action, String what) {
        KubernetesClientException e = assertThrows(KubernetesClientException.class, action, what + " must be refused");
        assertEquals(403, e.getCode(), what + ": " + e.getMessage());
    }
}
