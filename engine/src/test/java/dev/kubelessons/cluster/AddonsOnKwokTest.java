package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.failure.PrerequisiteException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FieldValidateable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'cluster up' installs the add-ons on kwok as on kind: applied idempotently, waited for, reported by 'cluster status'. */
@KwokCluster
class AddonsOnKwokTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    /** The first run (the cluster's own 'up' may have been one already); every test below sees the add-ons installed. */
    @BeforeAll
    static void installed(ClusterAccess access) {
        courseAddons().install(access, DEADLINE, new PrintWriter(new StringWriter()));
    }

    private static Addons courseAddons() {
        Path root = RepositoryRoot.find().orElseThrow(() -> new AssertionError("no kubelessons clone found (-Dkubelessons.root)"));
        return Addons.forCourse(root, UserDirs.fromEnvironment());
    }

    @Test
    void reapplyingChangesNothingDeletesNothingAndWaitsAgain(ClusterAccess access, KubernetesClient client) {
        Addons addons = courseAddons();
        Map<String, String> before = uids(client, addons);
        long generation = traefik(client).getMetadata().getGeneration();

        StringWriter again = new StringWriter();
        addons.install(access, DEADLINE, new PrintWriter(again, true));

        assertEquals(before, uids(client, addons), "the same objects, none deleted and re-created");
        assertEquals(generation, traefik(client).getMetadata().getGeneration(), "an identical apply does not change the Deployment's spec");
        assertTrue(again.toString().matches("(?s)Gateway API v1\\.4\\.0 CRDs \\(standard channel\\): applied in [0-9.]+ s\\R"
                + "add-on traefik v3\\.6\\.12: ready in [0-9.]+ s\\R"), again.toString());
        assertTrue(traefik(client).getMetadata().getManagedFields().stream()
                .anyMatch(f -> "kubelessons".equals(f.getManager()) && "Apply".equals(f.getOperation())), "applied server-side as kubelessons");
    }

    @Test
    void statusListsTheGatewayApiAndEachAddOnWithItsVersionAndState(ClusterAccess access) {
        Addons addons = courseAddons();

        assertEquals(List.of("Gateway API v1.4.0 CRDs (standard channel): installed", "add-on traefik v3.6.12: ready (1/1)"), addons.describe(access));

        // The same lines through the provider, when this run's cluster is a kwok cluster it started.
        KwokProvider provider = new KwokProvider(UserDirs.fromEnvironment(), SharedTestCluster.TEST_PREFIX + ProcessHandle.current().pid());
        if (System.getenv(SharedTestCluster.ENV_KUBECONFIG) == null) {
            List<String> details = provider.status().details();
            assertTrue(details.contains("add-on traefik v3.6.12: ready (1/1)"), details.toString());
        }
    }

    @Test
    void anAddOnNotOnTheClusterSaysHowToInstallIt(ClusterAccess access, @TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("absent.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: absent
                  namespace: kl-absent-addon
                  labels: {app.kubernetes.io/managed-by: kubelessons, kubelessons.dev/addon: absent, app.kubernetes.io/version: v1.0.0}
                spec:
                  selector: {matchLabels: {app: absent}}
                  template:
                    metadata: {labels: {app: absent}}
                    spec: {containers: [{name: absent, image: absent:v1.0.0}]}
                """);
        Addons addons = new Addons(folder, null); // describe reads the cluster only: no CRDs are fetched

        assertEquals("add-on absent v1.0.0: not installed; run cluster up", addons.describe(access).get(1));
    }

    @Test
    void anAddOnThatCannotStartFailsAtTheDeadlineWithWhatItsPodsSay(ClusterAccess access, TestNamespace ns, @TempDir Path folder)
            throws IOException {
        Files.writeString(folder.resolve("stuck.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: stuck
                  namespace: %s
                  labels: {app.kubernetes.io/managed-by: kubelessons, kubelessons.dev/addon: stuck, app.kubernetes.io/version: v0.1.0}
                spec:
                  selector: {matchLabels: {app: stuck}}
                  template:
                    metadata: {labels: {app: stuck}}
                    spec:
                      nodeSelector: {kubelessons.dev/no-such-node: "true"}
                      containers: [{name: stuck, image: stuck:v0.1.0}]
                """.formatted(ns.name()));
        Path root = RepositoryRoot.find().orElseThrow();
        Addons stuck = new Addons(folder, Addons.forCourse(root, UserDirs.fromEnvironment()).crds());

        PrerequisiteException e = assertThrows(PrerequisiteException.class,
                () -> stuck.install(access, Duration.ofSeconds(3), new PrintWriter(new StringWriter())));

        assertEquals(ExitCodes.PREREQUISITE, e.exitCode());
        assertTrue(e.getMessage().matches("add-on stuck v0\\.1\\.0 is not ready after 3 s: pod stuck-[a-z0-9-]+: not scheduled \\(0/2 nodes .*"),
                e.getMessage());
        assertTrue(e.nextStep().startsWith("see why with 'kubectl --kubeconfig " + access.kubeconfig() + " --context " + access.context()
                + " -n " + ns.name() + " describe pods'"), e.nextStep());
    }

    @Test
    void lessonsCanApplyGatewaysHttpRoutesAndIngressesOfTheDefaultClass(KubernetesClient client, TestNamespace ns) {
        for (String yaml : List.of("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: shop}
                spec:
                  gatewayClassName: traefik
                  listeners: [{name: web, protocol: HTTP, port: 8000}]
                """, """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: shop-api}
                spec:
                  parentRefs: [{name: shop}]
                  hostnames: [api.shop.localtest.me]
                  rules: [{backendRefs: [{name: shop-api, port: 80}]}]
                """, """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: shop}
                spec:
                  rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: shop-web, port: {number: 80}}}}]}}]
                """)) {
            client.resource(yaml).inNamespace(ns.name()).fieldValidation(FieldValidateable.Validation.STRICT)
                    .fieldManager("kubelessons-tests").forceConflicts().serverSideApply();
        }
        Ingress ingress = client.network().v1().ingresses().inNamespace(ns.name()).withName("shop").get();
        assertEquals("traefik", ingress.getSpec().getIngressClassName(), "the API server fills in the default IngressClass");
    }

    private static Deployment traefik(KubernetesClient client) {
        return client.apps().deployments().inNamespace("traefik").withName("traefik").get();
    }

    /** kind/namespace/name -> uid of every add-on object and Gateway API CRD: a delete and re-create would change a uid. */
    private static Map<String, String> uids(KubernetesClient client, Addons addons) {
        Map<String, String> uids = new LinkedHashMap<>();
        for (Addon addon : addons.addons()) {
            for (HasMetadata object : addon.objects()) {
                HasMetadata live = client.resource(object).get();
                uids.put(object.getKind() + "/" + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName(),
                        live == null ? "absent" : live.getMetadata().getUid());
            }
        }
        client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
                .filter(crd -> crd.getSpec().getGroup().equals("gateway.networking.k8s.io"))
                .forEach(crd -> uids.put("CRD/" + crd.getMetadata().getName(), crd.getMetadata().getUid()));
        return uids;
    }
}
