package dev.kubelessons.runner;

import dev.kubelessons.failure.PrerequisiteException;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A workshop attendee's lesson namespaces, {@code kl-<attendee>-<lesson>}, provisioned by the
 * instructor: the attendee may not create or delete namespaces, so reset empties the namespace
 * of lesson objects (keeping the instructor's fence, labelled with the attendee) and reapplies setup.
 */
public final class WorkshopSandbox implements Sandbox {

    /**
     * The cluster name {@code instructor provision} writes into every attendee kubeconfig (AttendeeKubeconfig): with a
     * context named like its namespace, the mark of an attendee's context. A learner's own context may well have a
     * {@code kl-} namespace (the lessons suggest making the lesson namespace the default), so the name alone says nothing.
     */
    public static final String WORKSHOP_CLUSTER = "kubelessons-workshop";
    /** An attendee kubeconfig's namespace is their home, kl-<attendee> (see instructor provisioning). */
    private static final Pattern HOME = Pattern.compile("kl-[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final String FENCE_LABEL = "kubelessons.dev/attendee";
    private static final long TIMEOUT_SECONDS = 120;

    private final KubernetesClient client;
    private final String home;
    private final ManifestApplier applier;

    public WorkshopSandbox(KubernetesClient client, String home) {
        this.client = client;
        this.home = home;
        this.applier = new ManifestApplier(client);
    }

    /** The attendee's home namespace if this context is a workshop attendee's. */
    public static Optional<String> homeOf(ClusterAccess access) {
        try {
            return homeIn(access.config());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The attendee's home namespace if {@code config}'s context is an attendee's as provisioning writes it: context
     * {@code kl-<attendee>} on cluster {@value #WORKSHOP_CLUSTER} with that namespace.
     */
    static Optional<String> homeIn(Config config) {
        String namespace = config.getNamespace();
        NamedContext context = config.getCurrentContext();
        boolean attendees = context != null && context.getContext() != null && namespace != null
                && namespace.equals(context.getName()) && WORKSHOP_CLUSTER.equals(context.getContext().getCluster());
        return attendees && HOME.matcher(namespace).matches() ? Optional.of(namespace) : Optional.empty();
    }

    @Override
    public String namespace(Lesson lesson) {
        return home + "-" + lesson.id();
    }

    @Override
    public boolean ensure(Lesson lesson) {
        String namespace = namespace(lesson);
        try {
            client.configMaps().inNamespace(namespace).list();
        } catch (KubernetesClientException e) {
            throw new PrerequisiteException("your workshop namespace " + namespace + " is not there or not yours (" + e.getCode() + ")",
                    "ask your instructor to provision lesson " + lesson.id() + " for you");
        }
        return false;
    }

    @Override
    public void reset(Lesson lesson) {
        String namespace = namespace(lesson);
        ensure(lesson);
        for (var kind : lessonKinds(namespace)) {
            for (HasMetadata object : kind) {
                Map<String, String> labels = object.getMetadata().getLabels();
                if (labels != null && labels.containsKey(FENCE_LABEL)) {
                    continue; // the instructor's quota, limits, RBAC and isolation policy stay
                }
                client.resource(object).inNamespace(namespace).withTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).delete();
            }
        }
        lesson.blocks(BlockRole.SETUP).forEach(block -> applier.apply(block, namespace, lesson.id()));
    }

    @Override
    public void delete(Lesson lesson) {
        throw new PrerequisiteException("workshop namespaces are removed by the instructor, not by attendees",
                "use 'reset " + lesson.id() + "' to start the lesson over");
    }

    /** The instructor's teardown removes workshop namespaces; a verification leaves the lesson as it ended. */
    @Override
    public void discard(Lesson lesson) {
    }

    /** The kinds lessons create; the namespace is the attendee's lesson namespace, so all of them are lesson objects. */
    private List<List<? extends HasMetadata>> lessonKinds(String namespace) {
        return List.of(
                client.apps().deployments().inNamespace(namespace).list().getItems(),
                client.apps().statefulSets().inNamespace(namespace).list().getItems(),
                client.apps().daemonSets().inNamespace(namespace).list().getItems(),
                client.batch().v1().jobs().inNamespace(namespace).list().getItems(),
                client.services().inNamespace(namespace).list().getItems(),
                client.network().v1().networkPolicies().inNamespace(namespace).list().getItems(),
                client.network().v1().ingresses().inNamespace(namespace).list().getItems(),
                client.pods().inNamespace(namespace).list().getItems());
    }
}
