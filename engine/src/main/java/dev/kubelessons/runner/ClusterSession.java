package dev.kubelessons.runner;

import dev.kubelessons.check.CheckContext;
import dev.kubelessons.check.DockerNodeShell;
import dev.kubelessons.check.NodeShell;
import dev.kubelessons.cluster.KindProvider;
import java.util.Optional;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.ClusterProvider;
import dev.kubelessons.cluster.ClusterSelector;
import dev.kubelessons.lesson.Lesson;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.io.PrintWriter;

/**
 * A connection to the chosen cluster for one command: the provider (started if needed), one
 * client, and the sandboxes, check contexts and solution runner that use it. Close it at the end.
 */
public final class ClusterSession implements AutoCloseable {

    /** The kind cluster's name, whose node containers are {@code kubelessons-control-plane} etc. */
    private static final String KIND_CLUSTER = "kubelessons";

    private final ClusterProvider provider;
    private final ClusterAccess access;
    private final KubernetesClient client;
    private final Sandbox sandbox;
    private final SolutionRunner solutions;
    /** The nodes' shell: only a kind cluster's nodes are containers Docker can enter; elsewhere node checks SKIP. */
    private final Optional<NodeShell> nodeShell;

    private ClusterSession(ClusterProvider provider, ClusterAccess access, String namespacePrefix) {
        this(provider, access, namespacePrefix, access.client());
    }

    private ClusterSession(ClusterProvider provider, ClusterAccess access, String namespacePrefix, KubernetesClient client) {
        this.provider = provider;
        this.access = access;
        this.client = client;
        this.nodeShell = !provider.hasDataPlane() ? Optional.empty()
                : provider instanceof KindProvider kind ? Optional.of(new DockerNodeShell(kind.clusterName()))
                : provider.name().equals("kind") ? Optional.of(new DockerNodeShell(KIND_CLUSTER)) : Optional.empty();
        NodeScripts nodeScripts = nodeScripts();
        // An attendee of a workshop works in namespaces the instructor provisioned (kl-<attendee>-<lesson>)
        // and may not create or delete namespaces; everyone else gets namespaces of their own, even when their
        // context's default namespace is a lesson namespace (kl-03-clusterip), as the lessons suggest.
        // The client's own configuration: the same file and context as access, already read (not parsed again).
        this.sandbox = WorkshopSandbox.homeIn(client.getConfiguration()).<Sandbox>map(home -> new WorkshopSandbox(client, home))
                .orElseGet(() -> new LessonSandbox(client, namespacePrefix, nodeScripts));
        this.solutions = new SolutionRunner(new ManifestApplier(client), () -> Kubectl.locate(access), nodeScripts);
    }

    /** Selects the cluster from --cluster, starts it when it is not running, and connects. */
    public static ClusterSession open(String clusterOption, PrintWriter notes) {
        return open(select(clusterOption, notes), notes);
    }

    /** The provider --cluster names (kind or kwok by default, said on {@code notes}). */
    static ClusterProvider select(String clusterOption, PrintWriter notes) {
        return new ClusterSelector(note -> {
            notes.println(note);
            notes.flush();
        }).select(clusterOption);
    }

    /** Starts {@code provider} when it does not run, and connects. */
    static ClusterSession open(ClusterProvider provider, PrintWriter notes) {
        Optional<KubernetesClient> running = provider.connectIfRunning();
        if (running.isPresent()) {
            return connected(provider, running.get());
        }
        provider.up(notes);
        notes.flush();
        return new ClusterSession(provider, provider.access(), "kl");
    }

    /** A session on {@code client}, a client of {@code provider}'s running cluster ({@link ClusterProvider#connectIfRunning}). */
    static ClusterSession connected(ClusterProvider provider, KubernetesClient client) {
        return new ClusterSession(provider, provider.access(), "kl", client);
    }

    /** Like {@link #open}, on the cluster {@code lesson} runs on: on kind, its own cluster when it declares one. */
    public static ClusterSession open(String clusterOption, Lesson lesson, PrintWriter notes) {
        return open(providerFor(select(clusterOption, notes), lesson, notes), notes);
    }

    /** {@code provider}, or on kind the own cluster of a lesson that declares one ({@code cluster: cni}). */
    static ClusterProvider providerFor(ClusterProvider provider, Lesson lesson, PrintWriter notes) {
        if (lesson.cluster().isEmpty() || !(provider instanceof KindProvider)) {
            return provider;
        }
        KindProvider own = KindProvider.forLesson(lesson.cluster().get(), lesson.images());
        notes.println("lesson " + lesson.id() + " runs on its own kind cluster '" + own.clusterName()
                + "' (the course's cluster stays as it is; 'cluster down' removes both)");
        notes.flush();
        return own;
    }

    /**
     * Like {@link #open}, for the interactive runner: every API call gives up after a few seconds instead of
     * fabric8's default retries with backoff, so a key never hangs on a cluster that went away (issue 12).
     */
    public static ClusterSession openInteractive(String clusterOption, Lesson lesson, PrintWriter notes) {
        ClusterSession plain = open(clusterOption, lesson, notes);
        plain.client.close();
        return interactive(plain.provider, plain.access, "kl");
    }

    /** An interactive session (bounded calls) on a provider that already runs. */
    public static ClusterSession interactive(ClusterProvider provider, ClusterAccess access, String namespacePrefix) {
        return new ClusterSession(provider, access, namespacePrefix, boundedClient(access, Duration.ofSeconds(3), Duration.ofSeconds(10), 1));
    }

    /** A client for "does the cluster answer?": 1.2 s per call, no retries. The caller closes it. */
    public KubernetesClient probeClient() {
        return boundedClient(access, Duration.ofMillis(1200), Duration.ofMillis(1200), 0);
    }

    private static KubernetesClient boundedClient(ClusterAccess access, Duration connect, Duration request, int retries) {
        Config config = access.config();
        config.setConnectionTimeout((int) connect.toMillis());
        config.setRequestTimeout((int) request.toMillis());
        config.setRequestRetryBackoffLimit(retries);
        config.setRequestRetryBackoffInterval(200);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** A session on a provider that already runs (tests, the instructor's shared cluster). */
    public static ClusterSession connect(ClusterProvider provider, ClusterAccess access, String namespacePrefix) {
        return new ClusterSession(provider, access, namespacePrefix);
    }

    public ClusterProvider provider() { return provider; }
    public ClusterAccess access() { return access; }
    public KubernetesClient client() { return client; }
    public Sandbox sandbox() { return sandbox; }
    public SolutionRunner solutions() { return solutions; }

    /** Sandboxes under another prefix, e.g. for verify, so a learner's namespaces stay untouched. */
    public LessonSandbox sandbox(String namespacePrefix) {
        return new LessonSandbox(client, namespacePrefix, nodeScripts());
    }

    public CheckContext checkContext(Lesson lesson) {
        return checkContext(lesson, sandbox);
    }

    private NodeScripts nodeScripts() {
        return new NodeScripts(nodeShell, provider instanceof KindProvider kind ? kind.clusterName() : KIND_CLUSTER, client);
    }

    /**
     * Empty when {@code lesson}'s cluster-level faults ({@code node:}) can run in this session, i.e. on the drill's own kind
     * cluster; otherwise why not, for the SKIPPED verdict or the refusal that says so.
     */
    public Optional<String> noClusterLevelFaults(Lesson lesson) {
        if (nodeScripts().runsHere(lesson) && lesson.cluster().isPresent()) {
            return Optional.empty();
        }
        if (!provider.hasDataPlane()) {
            return Optional.of("the " + provider.name() + " cluster has no nodes to enter (its nodes are simulated)");
        }
        return Optional.of("only the drill's own kind cluster may be broken that way"
                + lesson.cluster().map(own -> " (" + KindProvider.lessonClusterName(own) + ")").orElse("") + ", and this is not it");
    }

    public CheckContext checkContext(Lesson lesson, Sandbox in) {
        String namespace = in.namespace(lesson);
        return provider.hasDataPlane()
                // Only our kind cluster's nodes are containers Docker can enter; on a context: cluster node checks SKIP,
                // and so do those of a lesson with a cluster of its own when this is not that cluster.
                ? CheckContext.withDataPlane(client, namespace, nodeScripts().runsHere(lesson) ? nodeShell.orElse(null) : null)
                : CheckContext.withoutDataPlane(client, namespace, CheckContext.KWOK_REASON);
    }

    @Override
    public void close() {
        client.close();
    }
}
