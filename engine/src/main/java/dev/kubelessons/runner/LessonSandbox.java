package dev.kubelessons.runner;

import dev.kubelessons.failure.PrerequisiteException;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A lesson's own namespace, labelled as ours: created on first use, reset by deleting and
 * recreating it, and never touched if a namespace of that name exists without our label.
 */
public final class LessonSandbox implements Sandbox {

    private static final long NAMESPACE_TIMEOUT_SECONDS = 120;

    private final KubernetesClient client;
    private final ManifestApplier applier;
    private final String prefix;
    private final NodeScripts nodeScripts;

    /** @param prefix namespace prefix, "kl" for a learner, "kl-<attendee>" in a workshop */
    public LessonSandbox(KubernetesClient client, String prefix) {
        this(client, prefix, NodeScripts.none());
    }

    /** With the nodes' shell: a lesson's node setup scripts ({@code ```sh setup node=...}) run after its manifests. */
    public LessonSandbox(KubernetesClient client, String prefix, NodeScripts nodeScripts) {
        this.client = client;
        this.applier = new ManifestApplier(client);
        this.prefix = prefix;
        this.nodeScripts = nodeScripts;
    }

    @Override
    public String namespace(Lesson lesson) {
        return prefix + "-" + lesson.id();
    }

    /** The namespace exists (with setup applied when it had to be created); returns whether it was created now. */
    @Override
    public boolean ensure(Lesson lesson) {
        Namespace existing = client.namespaces().withName(namespace(lesson)).get();
        if (existing != null && existing.getMetadata().getDeletionTimestamp() == null) {
            requireOurs(existing);
            return false;
        }
        if (existing != null) {
            waitGone(namespace(lesson));
        }
        create(lesson);
        return true;
    }

    /** Deletes and recreates the namespace, then applies the lesson's setup. */
    @Override
    public void reset(Lesson lesson) {
        delete(lesson);
        create(lesson);
    }

    /** Deletes the namespace if it is ours and waits until it is gone. */
    @Override
    public void delete(Lesson lesson) {
        String name = namespace(lesson);
        Namespace existing = client.namespaces().withName(name).get();
        if (existing == null) {
            return;
        }
        requireOurs(existing);
        client.namespaces().withName(name).delete();
        waitGone(name);
    }

    private void create(Lesson lesson) {
        String name = namespace(lesson);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
                .withLabels(Ownership.labels(lesson.id())).endMetadata().build()).create();
        // A namespace's default ServiceAccount is created by a controller; pods cannot start without it.
        client.serviceAccounts().inNamespace(name).withName("default")
                .waitUntilCondition(Objects::nonNull, NAMESPACE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        // A node's state (a CNI configuration, a route) outlives the namespace: its setup scripts put it back first,
        // so that the setup's pods start on nodes as the lesson begins, not as a previous run left them.
        lesson.blocks(BlockRole.SETUP).forEach(block -> nodeScripts.run(lesson, block, name));
        lesson.blocks(BlockRole.SETUP).forEach(block -> applier.apply(block, name, lesson.id()));
    }

    private void waitGone(String name) {
        client.namespaces().withName(name).waitUntilCondition(Objects::isNull, NAMESPACE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static void requireOurs(Namespace namespace) {
        if (!Ownership.ours(namespace)) {
            throw new PrerequisiteException("namespace " + namespace.getMetadata().getName() + " exists but was not created by kubelessons",
                    "kubelessons never changes namespaces it did not create; delete or rename that namespace yourself, or use another cluster");
        }
    }
}
