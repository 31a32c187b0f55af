package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.CliProcess;
import dev.kubelessons.failure.PrerequisiteException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * 'cluster up' never deletes: components of a real kwok cluster are SIGKILLed and 'up' (the real command line) brings
 * the same cluster back, with the same namespace and ConfigMap (same UIDs), the same CA and the same kubeconfig.
 * Meanwhile 'cluster status' exits 3 naming the dead component and the fix; afterwards 0. A restart that cannot work
 * (the API server's port taken) is exit 3 naming the log and 'cluster down', and deletes nothing.
 * The cluster is this class's own, in a state dir of its own so the CLI addresses it: killing components of the run's
 * shared cluster would stall every other test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterUpKeepsDataOnKwokTest {

    private static final String[] UP = {"cluster", "up", "--provider", "kwok"};
    private static final String[] STATUS = {"cluster", "status", "--provider", "kwok"};

    private static Path state;
    private static KwokProvider cluster;
    private static KwokCli cli;
    private static Thread removeOnExit;

    @BeforeAll
    static void startOwnCluster() throws Exception {
        state = Files.createTempDirectory("kubelessons-keepdata-");
        UserDirs dirs = new UserDirs(UserDirs.fromEnvironment().cache(), state);
        cluster = new KwokProvider(dirs, KwokProvider.DEFAULT_CLUSTER);
        // A JVM killed mid-run skips @AfterAll; the hook still stops the processes this class started.
        removeOnExit = new Thread(ClusterUpKeepsDataOnKwokTest::remove, "keepdata-cluster-down");
        Runtime.getRuntime().addShutdownHook(removeOnExit);
        cli = new KwokCli(dirs);
        CliProcess.Run up = cli.run(UP);
        assertEquals(0, up.exit(), up.both());
        assertTrue(up.out().contains("creating kwok cluster"), up.both());
    }

    @AfterAll
    static void removeOwnCluster() {
        Runtime.getRuntime().removeShutdownHook(removeOnExit);
        remove();
    }

    private static synchronized void remove() {
        if (cluster != null) {
            cluster.down(new PrintWriter(System.err, true));
            FileTrees.deleteIfExists(state);
            cluster = null;
        }
    }

    @Test
    @Order(1)
    void upRestartsAKilledApiServerOnTheClustersOwnData() throws Exception {
        Workload before = Workload.create(cluster.access(), clusterDir());
        assertTrue(cluster.running(), "running() agrees with status() on a healthy cluster");
        long oldPid = ComponentKill.kill(clusterDir(), "kube-apiserver");

        assertFalse(cluster.running(), "running() agrees with status() on a dead API server");
        assertStatusNames("kube-apiserver");
        CliProcess.Run up = cli.run(UP);
        assertEquals(0, up.exit(), up.both());
        assertTrue(up.out().contains("kube-apiserver is not running; restarting on the cluster's own data"), up.both());
        assertFalse(up.out().contains("creating kwok cluster"), up.both());

        before.assertUnchanged();
        assertNotEquals(oldPid, ComponentKill.pid(clusterDir(), "kube-apiserver"), "a new kube-apiserver process");
        assertTrue(cluster.running());
        CliProcess.Run status = cli.run(STATUS);
        assertEquals(0, status.exit(), status.both());
    }

    @Test
    @Order(2)
    void upRestartsKilledEtcdAndApiServerOnTheClustersOwnData() throws Exception {
        Workload before = Workload.create(cluster.access(), clusterDir());
        ComponentKill.kill(clusterDir(), "etcd");
        assertFalse(cluster.running(), "a dead etcd is a cluster that does not run, as status() says, though the API may still answer");
        ComponentKill.kill(clusterDir(), "kube-apiserver");

        assertStatusNames("etcd, kube-apiserver");
        CliProcess.Run up = cli.run(UP);
        assertEquals(0, up.exit(), up.both());
        assertTrue(up.out().contains("etcd, kube-apiserver are not running; restarting on the cluster's own data"), up.both());

        before.assertUnchanged();
        CliProcess.Run status = cli.run(STATUS);
        assertEquals(0, status.exit(), status.both());
    }

    @Test
    @Order(3)
    void aRestartThatCannotWorkIsExitThreeNamingTheLogAndDeletesNothing() throws Exception {
        Workload before = Workload.create(cluster.access(), clusterDir());
        ComponentKill.kill(clusterDir(), "kube-apiserver");
        URI server = URI.create(cluster.access().config().getMasterUrl());
        try (ServerSocket squatter = squat(server)) {
            CliProcess.Run up = cli.run(UP);
            assertEquals(3, up.exit(), up.both());
            assertTrue(up.err().contains("could not be restarted on its own data: kube-apiserver exited"), up.err());
            assertTrue(up.err().contains("address already in use"), "the log's last line says why: " + up.err());
            assertTrue(up.err().contains("nothing was deleted"), up.err());
            assertTrue(up.err().contains("read " + clusterDir().resolve("logs/kube-apiserver.log")), up.err());
            assertTrue(up.err().contains("'jbang lesson cluster down --provider kwok' deletes it"), up.err());
            assertFalse(up.err().contains("\tat "), "no stack trace: " + up.err());
            assertTrue(Files.isDirectory(clusterDir().resolve("etcd")), "the etcd data is still there");
            assertStatusNames("kube-apiserver");
        }
        CliProcess.Run up = cli.run(UP);
        assertEquals(0, up.exit(), up.both());
        before.assertUnchanged();
    }

    /**
     * The CI failure of 2026-12-02: the cluster already had Gateway API v1.5.0, whose ValidatingAdmissionPolicy
     * safe-upgrades.gateway.networking.k8s.io refuses CRDs older than v1.5.0, so re-applying the course's v1.4.0 failed
     * 'cluster up'. A learner who ran upstream's standard-install of a newer release gets the same: 'up' keeps it.
     */
    @Test
    @Order(4)
    void upKeepsANewerGatewayApiThatALearnerInstalledWithItsDowngradeGuard() throws Exception {
        List<HasMetadata> newer = standardInstall("v1.5.0");
        try (KubernetesClient client = cluster.access().client()) {
            for (HasMetadata object : newer) {
                client.resource(object).fieldManager("kubectl").forceConflicts().serverSideApply();
            }
            // Proof that the guard is live: the course's own CRDs are now refused, as they were in CI.
            List<HasMetadata> ours = ServerSideApply.read(GatewayApiZipFiles.extract(GatewayApiZip.real(), GatewayApiCrds.VERSION,
                    Files.createTempDirectory("gw-ours-")).stream().filter(f -> f.toString().endsWith("_gateways.yaml")).findFirst().orElseThrow());
            assertTrue(refusedWithin(client, ours, 30), "the v1.5.0 policy never refused v1.4.0 CRDs: the test would prove nothing");
        }
        Workload before = Workload.create(cluster.access(), clusterDir());
        ComponentKill.kill(clusterDir(), "kube-apiserver");

        CliProcess.Run up = cli.run(UP);

        assertEquals(0, up.exit(), up.both());
        assertTrue(up.out().contains("Gateway API v1.5.0 CRDs (standard channel): kept, already on the cluster and not older than the "
                + "course's v1.4.0"), up.both());
        before.assertUnchanged();
        CliProcess.Run status = cli.run(STATUS);
        assertEquals(0, status.exit(), status.both());
        assertTrue(status.out().contains("Gateway API v1.5.0 CRDs (standard channel): installed"), status.both());
    }

    /** Upstream's standard channel of a release (CRDs and, from v1.5.0, the safe-upgrades policy and its binding), in file order. */
    private static List<HasMetadata> standardInstall(String version) throws Exception {
        List<HasMetadata> objects = new ArrayList<>();
        for (Path file : GatewayApiZipFiles.extract(GatewayApiZip.real(version), version, Files.createTempDirectory("gw-" + version + "-"))) {
            objects.addAll(ServerSideApply.read(file));
        }
        return objects;
    }

    /** Whether applying {@code objects} is refused by the safe-upgrades policy within {@code seconds} (policies take effect a moment after creation). */
    private static boolean refusedWithin(KubernetesClient client, List<HasMetadata> objects, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                // A dry run: admission policies judge it as a real apply, and the cluster keeps its v1.5.0 CRDs either way.
                for (HasMetadata object : objects) {
                    client.resource(object).dryRun().fieldManager(ServerSideApply.FIELD_MANAGER).forceConflicts().serverSideApply();
                }
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                assertTrue(e.getMessage().contains("safe-upgrades.gateway.networking.k8s.io"), e.getMessage());
                // And what the engine says when such a policy refuses it: a CRD of the group that does not exist yet, so
                // the refusal changes nothing either.
                var probe = (io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition) objects.get(0);
                probe = new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder(probe)
                        .editMetadata().withName("testprobes.gateway.networking.k8s.io").endMetadata()
                        .editSpec().editNames().withPlural("testprobes").withSingular("testprobe").withKind("TestProbe")
                        .withListKind("TestProbeList").withShortNames().withCategories().endNames().endSpec().build();
                List<HasMetadata> refused = List.of(probe);
                PrerequisiteException said = org.junit.jupiter.api.Assertions.assertThrows(PrerequisiteException.class,
                        () -> ServerSideApply.apply(client, refused, "the course's pinned release"));
                assertTrue(said.nextStep().startsWith("an admission policy installed on the cluster refused it"), said.nextStep());
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /**
     * Takes the API server's port. Retried: a killed Go program's main thread is a zombie (dead to ComponentKill) a
     * moment before its other threads have exited and the kernel has closed its listening socket.
     */
    private static ServerSocket squat(URI server) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                return new ServerSocket(server.getPort(), 50, InetAddress.getByName(server.getHost()));
            } catch (java.net.BindException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** 'status' while components are dead: exit 3, each named, and the command that restarts them on their data. */
    private static void assertStatusNames(String dead) throws Exception {
        CliProcess.Run status = cli.run(STATUS);
        assertEquals(3, status.exit(), status.both());
        for (String component : dead.split(", ")) {
            assertTrue(status.out().contains(component + ": not running"), status.both());
        }
        assertTrue(status.err().contains("error: kwok cluster 'kubelessons': " + dead + (dead.contains(",") ? " are" : " is") + " not running"),
                status.both());
        assertTrue(status.err().contains("next: 'jbang lesson cluster up --provider kwok' restarts"), status.both());
    }

    private static Path clusterDir() {
        return cluster.access().kubeconfig().getParent();
    }

    /** A namespace with a ConfigMap, and what identifies the cluster: the UIDs, kube-system's UID, the CA and the kubeconfig. */
    private record Workload(ClusterAccess access, String namespace, String namespaceUid, String configMapUid, String clusterUid,
                            byte[] ca, byte[] kubeconfig) {

        static Workload create(ClusterAccess access, Path clusterDir) throws IOException {
            String name = "keepme-" + UUID.randomUUID().toString().substring(0, 8);
            try (KubernetesClient client = access.client()) {
                Namespace namespace = client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
                        .addToLabels(TestNamespace.LABEL, "true").endMetadata().build()).create();
                ConfigMap configMap = client.configMaps().inNamespace(name).resource(new ConfigMapBuilder().withNewMetadata()
                        .withName("keepme").endMetadata().withData(Map.of("lesson", "03-clusterip")).build()).create();
                String clusterUid = client.namespaces().withName("kube-system").get().getMetadata().getUid();
                return new Workload(access, name, namespace.getMetadata().getUid(), configMap.getMetadata().getUid(), clusterUid,
                        Files.readAllBytes(clusterDir.resolve("pki/ca.crt")), Files.readAllBytes(access.kubeconfig()));
            }
        }

        /** Through a new client, which trusts only the CA file, so a new CA would fail the TLS handshake. */
        void assertUnchanged() throws IOException {
            assertArrayEquals(ca, Files.readAllBytes(access.kubeconfig().resolveSibling("pki/ca.crt")), "the same CA");
            assertArrayEquals(kubeconfig, Files.readAllBytes(access.kubeconfig()), "the same kubeconfig");
            try (KubernetesClient client = access.client()) {
                assertEquals(clusterUid, client.namespaces().withName("kube-system").get().getMetadata().getUid(), "the same cluster");
                assertEquals(namespaceUid, client.namespaces().withName(namespace).get().getMetadata().getUid(), "the same namespace");
                ConfigMap configMap = client.configMaps().inNamespace(namespace).withName("keepme").get();
                assertEquals(configMapUid, configMap.getMetadata().getUid(), "the same ConfigMap");
                assertEquals(Map.of("lesson", "03-clusterip"), configMap.getData());
                assertEquals(List.of(), client.nodes().list().getItems().stream()
                        .filter(n -> n.getStatus().getConditions().stream().noneMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True")))
                        .map(n -> n.getMetadata().getName()).toList(), "every node Ready");
            }
        }
    }
}
