package dev.kubelessons.cluster;

import dev.kubelessons.failure.PrerequisiteException;
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
 */
public final class KindProvider implements ClusterProvider {

    public static final String CLUSTER = "kubelessons";
    static final String CONFIG = "cluster/kind-config.yaml";
    static final String NODE_SCRIPT = "scripts/build-kind-node.sh";
    /** kind v0.31's default node; tried (pulled) before building one locally. */
    static final String KIND_DEFAULT_NODE = "kindest/node:v1.35.0";
    /** Pulling an image on a fresh node takes a while; Traefik starts in seconds once its image is there. */
    static final Duration ADDONS_DEADLINE = Duration.ofSeconds(180);

    private final UserDirs dirs;

    public KindProvider() {
        this(UserDirs.fromEnvironment());
    }

    public KindProvider(UserDirs dirs) {
        this.dirs = dirs;
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
            out.println("kind cluster '" + CLUSTER + "' is already running; loading images and re-applying the add-ons");
            Path root = repositoryRoot();
            prepare(root, out);
            return;
        }
        Path root = repositoryRoot();
        if (kind().isEmpty() && ExternalCommand.onPath("go").isEmpty()) {
            throw missing("kind"); // without kind on PATH the node script builds it, but only with Go
        }
        Optional<String> nodeImage = nodeImage(root, out);
        String kind = kind().orElseThrow(() -> missing("kind"));
        List<String> argv = new ArrayList<>(List.of(kind, "create", "cluster", "--name", CLUSTER,
                "--config", root.resolve(CONFIG).toString(), "--wait", "180s"));
        nodeImage.ifPresent(image -> argv.addAll(List.of("--image", image)));
        out.println("creating kind cluster '" + CLUSTER + "' from " + CONFIG + nodeImage.map(i -> " with node image " + i).orElse(""));
        out.flush();
        long started = System.nanoTime();
        ExternalCommand.Result result = new ExternalCommand(argv, Map.of())
                .streamTo(line -> {
                    out.println("  kind: " + line);
                    out.flush();
                }, true).run();
        if (!result.ok()) {
            throw KindCreateFailure.of(CLUSTER, result.exitCode(), result.tail());
        }
        out.printf("kind cluster '%s' created in %d s%n", CLUSTER, (System.nanoTime() - started) / 1_000_000_000L);
        prepare(root, out);
    }

    /** What every 'up' ends with, on a new or a running cluster: the course's images on the nodes, then the add-ons. */
    private void prepare(Path root, PrintWriter out) {
        Addons addons = Addons.forCourse(root, dirs);
        new KindImages(kind().orElseThrow(() -> missing("kind")), CLUSTER).provide(KindImages.wanted(root, addons), out);
        addons.install(access(), ADDONS_DEADLINE, out);
        out.println(access().describe());
        out.flush();
    }

    @Override
    public void down(PrintWriter out) {
        requireDocker();
        Optional<String> kind = kind();
        if (kind.isEmpty() || !clusterExists()) {
            out.println("no kind cluster '" + CLUSTER + "'; nothing to remove");
            out.flush();
            return;
        }
        ExternalCommand.Result result = new ExternalCommand(List.of(kind.get(), "delete", "cluster", "--name", CLUSTER), Map.of())
                .streamTo(line -> out.println("  kind: " + line), true).run();
        if (!result.ok()) {
            throw new PrerequisiteException("kind could not delete cluster '" + CLUSTER + "'", "run 'kind delete cluster --name " + CLUSTER + "' yourself");
        }
        out.println("kind cluster '" + CLUSTER + "' removed");
        out.flush();
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
            return ClusterStatus.stopped(name(), "no kind cluster '" + CLUSTER + "'");
        }
        ClusterAccess access = access();
        boolean ready = ReadinessWait.apiReadyNow(access);
        List<String> details = new ArrayList<>(List.of("kind cluster '" + CLUSTER + "': " + (ready ? "API ready" : "API not answering")));
        if (ready) {
            RepositoryRoot.find().ifPresent(root -> details.addAll(Addons.forCourse(root, dirs).describe(access)));
        }
        return new ClusterStatus(name(), ready, details, Optional.of(access));
    }

    @Override
    public ClusterAccess access() {
        // kind writes its context into the user's kubeconfig; the context provider knows how to find that file.
        return new ContextProvider("kind-" + CLUSTER).access();
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
        Optional<String> kind = kind();
        if (kind.isEmpty()) {
            return false;
        }
        ExternalCommand.Result result = new ExternalCommand(List.of(kind.get(), "get", "clusters"), Map.of()).run();
        return result.ok() && result.stdout().stream().anyMatch(line -> line.strip().equals(CLUSTER));
    }
}
