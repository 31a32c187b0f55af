package dev.kubelessons.cluster;

import dev.kubelessons.failure.PrerequisiteException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The learner's default: a kind cluster named {@code kubelessons} in Docker, created from the
 * committed cluster/kind-config.yaml. Its node image is, in order: $KUBELESSONS_KIND_IMAGE;
 * kind's own default node image when Docker has it or can pull it; otherwise the image that
 * scripts/build-kind-node.sh builds from Debian packages and the Go module proxy (machines
 * without a container registry). After creating or finding the cluster it puts the images the
 * course runs on the nodes (KindImages), then installs the add-ons (cluster/addons/).
 *
 * <p>A lesson whose exercises would spoil that cluster for the others (no CNI, another kube-proxy mode) declares a
 * cluster of its own ({@code cluster: cni} in its front matter): {@link #forLesson} is the provider of
 * {@code kubelessons-cni}, created from cluster/kind-cni.yaml with the lesson's images and no add-ons, and without
 * waiting for Ready nodes (a cluster without a CNI has none). 'down' of the course's cluster removes those too.
 */
public final class KindProvider implements ClusterProvider {

    public static final String CLUSTER = "kubelessons";
    static final String CONFIG = "cluster/kind-config.yaml";
    static final String NODE_SCRIPT = "scripts/build-kind-node.sh";
    /** kind v0.31's default node; tried (pulled) before building one locally. */
    static final String KIND_DEFAULT_NODE = "kindest/node:v1.35.0";
    /** Pulling an image on a fresh node takes a while; Traefik starts in seconds once its image is there. */
    static final Duration ADDONS_DEADLINE = Duration.ofSeconds(180);

    /** A lesson's own cluster is named {@code kubelessons-<name>}, from {@code cluster/kind-<name>.yaml}. */
    static final String LESSON_CLUSTER_PREFIX = CLUSTER + "-";

    private final UserDirs dirs;
    private final String cluster;
    private final String config;
    /** Empty for the course's cluster (every lesson's images and the add-ons); a lesson cluster's own images otherwise. */
    private final Optional<List<String>> lessonImages;

    public KindProvider() {
        this(UserDirs.fromEnvironment());
    }

    public KindProvider(UserDirs dirs) {
        this(dirs, CLUSTER, CONFIG, Optional.empty());
    }

    private KindProvider(UserDirs dirs, String cluster, String config, Optional<List<String>> lessonImages) {
        this.dirs = dirs;
        this.cluster = cluster;
        this.config = config;
        this.lessonImages = lessonImages;
    }

    /** The provider of a lesson's own cluster {@code kubelessons-<name>}, which runs {@code images} and the checks' probe. */
    public static KindProvider forLesson(String name, List<String> images) {
        return new KindProvider(UserDirs.fromEnvironment(), lessonClusterName(name), "cluster/kind-" + name + ".yaml",
                Optional.of(List.copyOf(images)));
    }

    /** {@code kubelessons-<name>}: the kind cluster of a lesson that declares {@code cluster: <name>}. */
    public static String lessonClusterName(String name) {
        return LESSON_CLUSTER_PREFIX + name;
    }

    /** The kind cluster's name; its node containers are {@code <name>-control-plane}, {@code <name>-worker}. */
    public String clusterName() {
        return cluster;
    }

    /** True when both docker and kind are on PATH, the condition for kind being the default. */
    public static boolean toolsPresent() {
        return ExternalCommand.onPath("docker").isPresent() && ExternalCommand.onPath("kind").isPresent();
    }

    @Override
    public String name() {
        return "kind";
    }

    @Override
    public void up(PrintWriter out) {
        requireDocker();
        if (kind().isPresent() && clusterExists()) {
            out.println("kind cluster '" + cluster + "' is already running; loading images" + (lessonImages.isEmpty() ? " and re-applying the add-ons" : ""));
            Path root = repositoryRoot();
            prepare(root, out);
            return;
        }
        Path root = repositoryRoot();
        if (!Files.isRegularFile(root.resolve(config))) {
            throw new PrerequisiteException("the kind configuration " + config + " of cluster '" + cluster + "' is missing",
                    "restore " + config + " from the repository (git checkout -- " + config + ")");
        }
        if (kind().isEmpty() && ExternalCommand.onPath("go").isEmpty()) {
            throw missing("kind"); // without kind on PATH the node script builds it, but only with Go
        }
        Optional<String> nodeImage = nodeImage(root, out);
        String kind = kind().orElseThrow(() -> missing("kind"));
        List<String> argv = new ArrayList<>(List.of(kind, "create", "cluster", "--name", cluster, "--config", root.resolve(config).toString()));
        if (lessonImages.isEmpty()) {
            argv.addAll(List.of("--wait", "180s")); // a lesson cluster may have no CNI yet: its nodes stay NotReady on purpose
        }
        nodeImage.ifPresent(image -> argv.addAll(List.of("--image", image)));
        out.println("creating kind cluster '" + cluster + "' from " + config + nodeImage.map(i -> " with node image " + i).orElse(""));
        out.flush();
        long started = System.nanoTime();
        ExternalCommand.Result result = new ExternalCommand(argv, Map.of())
                .streamTo(line -> {
                    out.println("  kind: " + line);
                    out.flush();
                }, true).run();
        if (!result.ok()) {
            throw KindCreateFailure.of(cluster, result.exitCode(), result.tail());
        }
        out.printf("kind cluster '%s' created in %d s%n", cluster, (System.nanoTime() - started) / 1_000_000_000L);
        prepare(root, out);
    }

    /** What every 'up' ends with, on a new or a running cluster: the images on the nodes, then (course cluster) the add-ons. */
    private void prepare(Path root, PrintWriter out) {
        String kind = kind().orElseThrow(() -> missing("kind"));
        if (lessonImages.isPresent()) {
            List<String> images = new ArrayList<>(lessonImages.get());
            images.add(dev.kubelessons.check.ProbeOptions.DEFAULT_IMAGE);
            new KindImages(kind, cluster).provide(images.stream().distinct().toList(), out);
        } else {
            Addons addons = Addons.forCourse(root, dirs);
            new KindImages(kind, cluster).provide(KindImages.wanted(root, addons), out);
            addons.install(access(), ADDONS_DEADLINE, out);
        }
        out.println(access().describe());
        out.flush();
    }

    /** Removes this cluster; the course's cluster also takes the lessons' own clusters (cluster/kind-NAME.yaml) with it. */
    @Override
    public void down(PrintWriter out) {
        requireDocker();
        Optional<String> kind = kind();
        List<String> running = kind.isEmpty() ? List.of() : clusters();
        List<String> mine = new ArrayList<>(List.of(cluster));
        if (lessonImages.isEmpty()) {
            mine.addAll(lessonClusters());
        }
        boolean any = false;
        for (String name : mine) {
            if (running.contains(name)) {
                delete(kind.get(), name, out);
                any = true;
            }
        }
        if (!any) {
            out.println("no kind cluster '" + cluster + "'; nothing to remove");
        }
        out.flush();
    }

    private static void delete(String kind, String name, PrintWriter out) {
        ExternalCommand.Result result = new ExternalCommand(List.of(kind, "delete", "cluster", "--name", name), Map.of())
                .streamTo(line -> out.println("  kind: " + line), true).run();
        if (!result.ok()) {
            throw new PrerequisiteException("kind could not delete cluster '" + name + "'", "run 'kind delete cluster --name " + name + "' yourself");
        }
        out.println("kind cluster '" + name + "' removed");
    }

    /** The lessons' own clusters this clone defines: kubelessons-NAME for every cluster/kind-NAME.yaml. */
    private static List<String> lessonClusters() {
        return RepositoryRoot.find().map(root -> {
            try (var files = Files.list(root.resolve("cluster"))) {
                return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("kind-[a-z0-9-]+\\.yaml"))
                        .map(n -> LESSON_CLUSTER_PREFIX + n.substring("kind-".length(), n.length() - ".yaml".length())).sorted().toList();
            } catch (java.io.IOException e) {
                return List.<String>of();
            }
        }).orElse(List.of());
    }

    @Override
    public ClusterStatus status() {
        if (ExternalCommand.onPath("docker").isEmpty()) {
            return ClusterStatus.stopped(name(), "kind cannot run here: docker not on PATH");
        }
        if (kind().isEmpty()) {
            return ClusterStatus.stopped(name(), "kind cannot run here: kind not on PATH (nor built by " + NODE_SCRIPT + ")");
        }
        if (!clusterExists()) {
            return ClusterStatus.stopped(name(), "no kind cluster '" + cluster + "'");
        }
        ClusterAccess access = access();
        boolean ready = ReadinessWait.apiReadyNow(access);
        List<String> details = new ArrayList<>(List.of("kind cluster '" + cluster + "': " + (ready ? "API ready" : "API not answering")));
        if (lessonImages.isEmpty()) {
            List<String> running = clusters();
            lessonClusters().stream().filter(running::contains)
                    .forEach(name -> details.add("lesson cluster '" + name + "' runs too ('cluster down' removes it with this one)"));
        }
        if (ready && lessonImages.isEmpty()) {
            RepositoryRoot.find().ifPresent(root -> details.addAll(Addons.forCourse(root, dirs).describe(access)));
        }
        return new ClusterStatus(name(), ready, details, Optional.of(access));
    }

    @Override
    public Optional<KubernetesClient> connectIfRunning() {
        // status()'s verdict (the tools there, the cluster listed, the API answering) without its description of the
        // lesson clusters and the add-ons, which asked kind and the API again, with clients of their own.
        if (ExternalCommand.onPath("docker").isEmpty() || kind().isEmpty() || !clusterExists()) {
            return Optional.empty();
        }
        return ReadinessWait.readyClient(access());
    }

    @Override
    public ClusterAccess access() {
        // kind writes its context into the user's kubeconfig; the context provider knows how to find that file.
        return new ContextProvider("kind-" + cluster).access();
    }

    @Override
    public boolean hasDataPlane() {
        return true;
    }

    /** The node image to pass to kind, or empty for kind's own default. */
    private Optional<String> nodeImage(Path root, PrintWriter out) {
        String given = System.getenv("KUBELESSONS_KIND_IMAGE");
        if (given != null && !given.isBlank()) {
            return Optional.of(given.strip());
        }
        ExternalCommand.Result cached = new ExternalCommand(List.of("bash", root.resolve(NODE_SCRIPT).toString(), "--cached"), env()).run();
        if (cached.ok()) {
            return Optional.of(cached.lastStdoutLine());
        }
        if (ExternalCommand.onPath("kind").isPresent() && dockerHasOrPulls(KIND_DEFAULT_NODE, out)) {
            return Optional.empty();
        }
        out.println("no kind node image available (" + KIND_DEFAULT_NODE + " cannot be pulled): building one with " + NODE_SCRIPT
                + " (cold: about 11 minutes on a quiet 2-core machine after the kwok build, longer under load, see bench/RESULTS.md; it prints its progress)");
        out.flush();
        ExternalCommand.Result built = new ExternalCommand(List.of("bash", root.resolve(NODE_SCRIPT).toString()), env())
                .streamTo(line -> {
                    if (line.startsWith("[build-kind-node") || line.startsWith("build-kind-node:")) {
                        out.println("  " + line);
                        out.flush();
                    }
                }, false).run();
        if (!built.ok()) {
            throw new PrerequisiteException("building the kind node image failed (exit " + built.exitCode() + ")" + System.lineSeparator()
                    + "  last output:" + System.lineSeparator() + "    " + String.join(System.lineSeparator() + "    ", built.tail()),
                    "fix the cause above, then run 'bash " + NODE_SCRIPT + "' (it resumes where it stopped) and 'cluster up' again");
        }
        return Optional.of(built.lastStdoutLine());
    }

    private static boolean dockerHasOrPulls(String image, PrintWriter out) {
        if (new ExternalCommand(List.of("docker", "image", "inspect", image), Map.of()).run().ok()) {
            return true;
        }
        out.println("pulling " + image + " ...");
        out.flush();
        return new ExternalCommand(List.of("docker", "pull", image), Map.of()).run().ok();
    }

    /** kind from PATH, else the one scripts/build-kind-node.sh built into the user's cache. */
    private Optional<String> kind() {
        Optional<Path> onPath = ExternalCommand.onPath("kind");
        if (onPath.isPresent()) {
            return onPath.map(Path::toString);
        }
        return RepositoryRoot.find().flatMap(root -> {
            ExternalCommand.Result dir = new ExternalCommand(List.of("bash", root.resolve(NODE_SCRIPT).toString(), "--bin-dir"), env()).run();
            Path built = Path.of(dir.lastStdoutLine()).resolve("kind");
            return dir.ok() && Files.isExecutable(built) ? Optional.of(built.toString()) : Optional.empty();
        });
    }

    private Map<String, String> env() {
        return Map.of("KUBELESSONS_CACHE", dirs.cache().toString());
    }

    private static Path repositoryRoot() {
        return RepositoryRoot.find().orElseThrow(() -> new PrerequisiteException(
                "cannot find " + CONFIG + ", the kind cluster's configuration",
                "the engine build is broken (its kubelessons-home files are missing): rebuild it with 'jbang --fresh lesson ...', or set KUBELESSONS_ROOT to a kubelessons clone"));
    }

    private static void requireDocker() {
        if (ExternalCommand.onPath("docker").isEmpty()) {
            throw missing("docker");
        }
    }

    private static PrerequisiteException missing(String tool) {
        return new PrerequisiteException("the kind provider needs " + tool + ", not found on PATH",
                "install " + tool + " (Docker: your system's docker.io package; kind: "
                        + "https://kind.sigs.k8s.io/docs/user/quick-start/#installation, or 'go install sigs.k8s.io/kind@v0.31.0'), "
                        + "or use the kwok cluster: --provider kwok");
    }

    private boolean clusterExists() {
        return clusters().contains(cluster);
    }

    /** The names 'kind get clusters' lists. */
    private List<String> clusters() {
        Optional<String> kind = kind();
        if (kind.isEmpty()) {
            return List.of();
        }
        ExternalCommand.Result result = new ExternalCommand(List.of(kind.get(), "get", "clusters"), Map.of()).run();
        return result.ok() ? result.stdout().stream().map(String::strip).toList() : List.of();
    }
}
