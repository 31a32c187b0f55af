package dev.kubelessons.cluster;

import dev.kubelessons.lesson.Launcher;
import dev.kubelessons.failure.PrerequisiteException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kwok cluster: a real control plane (etcd, kube-apiserver, controller manager, scheduler) with simulated nodes and pods.
 * It gets the course's add-ons as kind does: no packet flows through them, but their APIs (IngressClass, GatewayClass, the
 * Gateway API CRDs) are served, so lessons' manifests apply as on kind.
 */
public final class KwokProvider implements ClusterProvider {

    public static final String DEFAULT_CLUSTER = "kubelessons";
    static final int NODES = 2;
    private static final Duration API_TIMEOUT = Duration.ofSeconds(60);
    /** etcd and the kube-apiserver both starting on a busy 2-core machine, the API server replaying its watch caches. */
    private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration NODES_TIMEOUT = Duration.ofSeconds(60);
    /** kwok marks simulated pods ready within a second or two; a minute means something is wrong. */
    private static final Duration ADDONS_TIMEOUT = Duration.ofSeconds(60);

    private final UserDirs dirs;
    private final String cluster;
    private final KwokBinaries binaries;

    public KwokProvider() {
        this(UserDirs.fromEnvironment(), DEFAULT_CLUSTER);
    }

    public KwokProvider(UserDirs dirs, String cluster) {
        this.dirs = dirs;
        this.cluster = cluster;
        this.binaries = new KwokBinaries(dirs);
    }

    @Override
    public String name() {
        return "kwok";
    }

    public String clusterName() {
        return cluster;
    }

    @Override
    public boolean hasDataPlane() {
        return false;
    }

    @Override
    @SuppressWarnings("try") // the lock is held for the block's duration, never read
    public void up(PrintWriter out) {
        // The cluster's etcd data, certificates and pid files go here: a read-only state dir is exit 3 before any work.
        WritableFolder.require(workDir(), "the kwok cluster's files", "KUBELESSONS_STATE");
        try (StateLock lock = StateLock.acquire(out)) {
            long start = System.nanoTime();
            Path bin = binaries.ensure(out);
            Kwokctl kwokctl = new Kwokctl(bin, workDir(), cluster);
            boolean created = !exists();
            if (created) {
                create(kwokctl, bin, out);
            } else {
                resume(kwokctl, out);
            }
            out.printf("  API ready after %.1f s%n", (System.nanoTime() - start) / 1e9);
            out.flush();
            ensureNodes(kwokctl, out);
            ExtraApis.install(accessUnchecked(), bin, out);
            addons().install(accessUnchecked(), ADDONS_TIMEOUT, Addons.Readiness.REPORTED, out);
            out.printf("kwok cluster '%s' %s in %.1f s: %d simulated nodes, no data plane (no kube-proxy, DNS or real pods)%n",
                    cluster, created ? "ready" : "running", (System.nanoTime() - start) / 1e9, NODES);
            out.println(accessUnchecked().describe());
            out.flush();
        }
    }

    private void create(Kwokctl kwokctl, Path bin, PrintWriter out) {
        out.println("creating kwok cluster '" + cluster + "' from " + bin);
        Path config = KwokConfigFile.write(configFile(), bin);
        // --kubeconfig "": keep the user's ~/.kube/config untouched; kwokctl writes its own in the cluster folder.
        check(kwokctl.run(out, config, "create", "cluster", "--runtime", "binary", "--kubeconfig", "", "--timeout", "120s"),
                "kwokctl could not create the cluster");
        if (!ReadinessWait.apiReady(accessUnchecked(), API_TIMEOUT)) {
            throw new PrerequisiteException("the kube-apiserver of kwok cluster '" + cluster + "' was not ready within "
                    + API_TIMEOUT.toSeconds() + " s" + deadComponents(), "read " + clusterDir().resolve("logs/kube-apiserver.log")
                    + ", then run 'cluster up' again (it restarts what died on the data created so far)");
        }
    }

    /**
     * 'up' on a cluster that exists: the components that died are started again on the cluster's own etcd data,
     * certificates and kubeconfig. Never a delete: the cluster holds the learner's lesson namespaces or a workshop's
     * attendees, and a new one would also invalidate every kubeconfig handed out. Only 'down' deletes.
     */
    private void resume(Kwokctl kwokctl, PrintWriter out) {
        if (ComponentProcesses.read(clusterDir()).dead().isEmpty() && ReadinessWait.apiReadyNow(accessUnchecked())) {
            out.println("kwok cluster '" + cluster + "' is already running; re-applying the add-ons");
            return;
        }
        new ComponentRestart(kwokctl, cluster, accessUnchecked()).run(out, RESTART_TIMEOUT);
    }

    /** Creates the simulated nodes a cluster lacks (a 'create' that stopped half-way), then waits until they are Ready. */
    private void ensureNodes(Kwokctl kwokctl, PrintWriter out) {
        if (ReadinessWait.nodeCount(accessUnchecked()) < NODES) {
            List<String> scale = new ArrayList<>(List.of("scale", "node", "--replicas", String.valueOf(NODES)));
            scale.addAll(List.of(KwokConfigFile.nodeParameters()));
            check(kwokctl.run(out, null, scale.toArray(String[]::new)), "kwokctl could not create the simulated nodes");
        }
        try {
            ReadinessWait.nodesReady(accessUnchecked(), NODES, NODES_TIMEOUT);
        } catch (PrerequisiteException e) {
            throw new PrerequisiteException(e.getMessage() + deadComponents(), e.nextStep());
        }
    }

    @Override
    @SuppressWarnings("try")
    public void down(PrintWriter out) {
        try (StateLock lock = StateLock.acquire(out)) {
            if (!exists()) {
                out.println("no kwok cluster '" + cluster + "'; nothing to remove");
                out.flush();
                return;
            }
            remove(out);
            out.println("kwok cluster '" + cluster + "' removed");
            out.flush();
        }
    }

    /** kwokctl's delete, then a check that no component survived it, then the cluster's files. */
    private void remove(PrintWriter out) {
        // Read the pids before kwokctl removes the pid files, to check afterwards that nothing survived.
        ComponentProcesses processes = ComponentProcesses.read(clusterDir());
        Optional<Path> bin = binaries.cached();
        if (bin.isPresent()) {
            ExternalCommand.Result result = new Kwokctl(bin.get(), workDir(), cluster).run(out, null, "delete", "cluster");
            if (!result.ok()) {
                out.println("  kwokctl delete failed (" + Kwokctl.reason(result) + "); stopping the processes directly");
            }
        }
        List<String> leftovers = processes.stopLeftovers();
        if (!leftovers.isEmpty()) {
            out.println("  stopped left-over processes: " + String.join(", ", leftovers));
        }
        FileTrees.deleteIfExists(clusterDir());
        FileTrees.deleteIfExists(configFile());
    }

    @Override
    public Optional<KubernetesClient> connectIfRunning() {
        // status()'s verdict: files there, no component dead, the API answering; not its description of nodes and add-ons.
        if (!exists() || !ComponentProcesses.read(clusterDir()).dead().isEmpty()) {
            return Optional.empty();
        }
        return ReadinessWait.readyClient(accessUnchecked());
    }

    @Override
    public ClusterStatus status() {
        if (!exists()) {
            return ClusterStatus.stopped(name(), "no kwok cluster '" + cluster + "' (start one: " + Launcher.command("cluster up --provider kwok") + ")");
        }
        List<String> details = new ArrayList<>();
        ComponentProcesses processes = ComponentProcesses.read(clusterDir());
        processes.components().forEach(c -> details.add(c.describe()));
        List<String> dead = processes.dead().stream().map(ComponentProcesses.Component::name).toList();
        boolean ready = ReadinessWait.apiReadyNow(accessUnchecked());
        details.add(0, "kwok cluster '" + cluster + "': " + (ready ? "API ready" : "API not answering") + ", files in " + clusterDir());
        if (ready) {
            details.add("nodes: " + ReadinessWait.describeNodes(accessUnchecked()));
            RepositoryRoot.find().ifPresent(root -> details.addAll(Addons.forCourse(root, dirs).describe(accessUnchecked())));
        }
        // A dead component is a broken cluster even while the API answers: without the controller manager no
        // Deployment rolls out, without the scheduler no pod is placed, and lessons' checks would wait for nothing.
        Optional<ClusterStatus.Fault> fault = Optional.empty();
        if (!dead.isEmpty()) {
            fault = Optional.of(new ClusterStatus.Fault("kwok cluster '" + cluster + "': " + String.join(", ", dead)
                    + (dead.size() == 1 ? " is" : " are") + " not running",
                    "'" + Launcher.command("cluster up --provider kwok") + "' restarts " + (dead.size() == 1 ? "it" : "them")
                            + " on the cluster's own data (its namespaces, certificates and kubeconfig are kept)"));
        } else if (!ready) {
            fault = Optional.of(new ClusterStatus.Fault("kwok cluster '" + cluster + "': the kube-apiserver runs but does not answer",
                    "read " + clusterDir().resolve("logs/kube-apiserver.log") + "; if it has just started, wait a few seconds"));
        }
        return new ClusterStatus(name(), ready && dead.isEmpty(), details, Optional.of(accessUnchecked()), fault);
    }

    @Override
    public ClusterAccess access() {
        if (!exists()) {
            throw new PrerequisiteException("the kwok cluster '" + cluster + "' does not exist",
                    "start it: " + Launcher.command("cluster up --provider kwok"));
        }
        return accessUnchecked();
    }

    private Addons addons() {
        Path root = RepositoryRoot.find().orElseThrow(() -> new PrerequisiteException(
                "cannot find " + AddonManifests.FOLDER + ", the course's add-ons",
                "the engine build is broken (its kubelessons-home files are missing): rebuild it with 'jbang --fresh lesson ...', or set KUBELESSONS_ROOT to a kubelessons clone"));
        return Addons.forCourse(root, dirs);
    }

    private ClusterAccess accessUnchecked() {
        return new ClusterAccess(clusterDir().resolve("kubeconfig.yaml"), "kwok-" + cluster);
    }

    private boolean exists() {
        return Files.isRegularFile(clusterDir().resolve("kwok.yaml"));
    }

    private Path configFile() {
        return workDir().resolve(cluster + ".kwokctl.yaml");
    }

    Path workDir() {
        return dirs.state().resolve("kwok");
    }

    private Path clusterDir() {
        return workDir().resolve("clusters").resolve(cluster);
    }

    /** Which components died, with their logs: the usual reason a start times out (a port taken, a bad flag). */
    private String deadComponents() {
        List<String> dead = ComponentProcesses.read(clusterDir()).components().stream().filter(c -> !c.alive())
                .map(c -> c.name() + " exited (log: " + clusterDir().resolve("logs").resolve(c.name() + ".log") + ")").toList();
        return dead.isEmpty() ? "" : "; " + String.join("; ", dead);
    }

    private static void check(ExternalCommand.Result result, String what) {
        if (!result.ok()) {
            throw new PrerequisiteException(what + ": " + Kwokctl.reason(result),
                    "read the kwokctl lines above, then run 'cluster up' again; 'cluster down' first only to start from scratch "
                            + "(it deletes the cluster and its namespaces)");
        }
    }
}
