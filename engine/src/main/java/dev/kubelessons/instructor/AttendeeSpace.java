package dev.kubelessons.instructor;

import dev.kubelessons.failure.PrerequisiteException;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.ClusterFailures;
import dev.kubelessons.runner.ManifestApplier;
import dev.kubelessons.runner.Ownership;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One attendee's namespaces on the shared cluster: creates (or re-applies, idempotently) the home namespace with the
 * ServiceAccount, each lesson namespace with its fence and, when new, the lesson's setup; resets a lesson namespace.
 */
public final class AttendeeSpace {

    private static final long NAMESPACE_TIMEOUT_SECONDS = 120;

    private final KubernetesClient client;
    private final ManifestApplier applier;
    private final String attendee;
    private final NetworkFence network;

    public AttendeeSpace(KubernetesClient client, String attendee, NetworkFence network) {
        this.client = client;
        this.applier = new ManifestApplier(client);
        this.attendee = attendee;
        this.network = network;
    }

    public String attendee() {
        return attendee;
    }

    /** The home namespace, the ServiceAccount whose token goes into the attendee's kubeconfig and, if cluster-wide, the network fence. */
    public void ensureHome() {
        String home = WorkshopNames.home(attendee);
        ensureNamespace(home, null, PodSecurityLevel.RESTRICTED);
        apply(AttendeeResources.serviceAccount(attendee));
        AttendeeResources.nodeReader(attendee).forEach(this::apply);
        AttendeeResources.fence(attendee, home, network).forEach(this::apply);
        if (network == NetworkFence.CLUSTER_POLICY) {
            apply(NetworkFence.clusterPolicy(attendee));
        }
    }

    /** The lesson's namespace, fenced; the setup is applied only when the namespace is new, so work in progress survives a re-run. */
    public void ensureLesson(Lesson lesson) {
        String namespace = WorkshopNames.lesson(attendee, lesson.id());
        boolean created = ensureNamespace(namespace, lesson.id(), PodSecurityLevel.of(lesson));
        AttendeeResources.fence(attendee, namespace, network).forEach(this::apply);
        if (created) {
            // Pods cannot be admitted before the namespace's default ServiceAccount exists (a controller creates it).
            client.serviceAccounts().inNamespace(namespace).withName("default")
                    .waitUntilCondition(Objects::nonNull, NAMESPACE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            lesson.blocks(BlockRole.SETUP).forEach(block -> applier.apply(block, namespace, lesson.id()));
        }
    }

    /** Deletes the lesson namespace (only if it is this attendee's), waits until it is gone, and provisions it afresh. */
    public void resetLesson(Lesson lesson) {
        String namespace = WorkshopNames.lesson(attendee, lesson.id());
        Namespace existing = client.namespaces().withName(namespace).get();
        if (existing != null) {
            requireMine(existing);
            client.namespaces().withName(namespace).delete();
            client.namespaces().withName(namespace).waitUntilCondition(Objects::isNull, NAMESPACE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        ensureLesson(lesson);
    }

    /** Server-side applies the namespace with our labels and its Pod Security level; returns whether it did not exist before. */
    private boolean ensureNamespace(String name, String lessonId, PodSecurityLevel podSecurity) {
        Namespace existing = client.namespaces().withName(name).get();
        if (existing != null) {
            requireMine(existing);
            if (existing.getMetadata().getDeletionTimestamp() != null) {
                client.namespaces().withName(name).waitUntilCondition(Objects::isNull, NAMESPACE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                existing = null;
            }
        }
        apply(new NamespaceBuilder().withNewMetadata().withName(name)
                .withLabels(WorkshopNames.namespaceLabels(attendee, lessonId)).addToLabels(podSecurity.labels()).endMetadata().build());
        return existing == null;
    }

    private void requireMine(Namespace namespace) {
        String name = namespace.getMetadata().getName();
        if (!Ownership.ours(namespace)) {
            throw new PrerequisiteException("namespace " + name + " exists but was not created by kubelessons",
                    "kubelessons never changes namespaces it did not create; rename the attendee or remove that namespace yourself");
        }
        if (!attendee.equals(WorkshopNames.attendeeOf(namespace))) {
            throw new PrerequisiteException("namespace " + name + " belongs to " + (WorkshopNames.attendeeOf(namespace) == null
                    ? "a learner's lesson, not a workshop attendee" : "attendee " + WorkshopNames.attendeeOf(namespace)),
                    "choose another attendee name");
        }
    }

    private void apply(HasMetadata object) {
        try {
            client.resource(object).fieldManager(WorkshopNames.FIELD_MANAGER).forceConflicts().serverSideApply();
        } catch (KubernetesClientException e) {
            throw ClusterFailures.translate(e, "applying " + object.getKind() + " " + object.getMetadata().getName()
                    + " for attendee " + attendee);
        }
    }
}
