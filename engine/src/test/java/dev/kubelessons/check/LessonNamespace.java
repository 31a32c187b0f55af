package dev.kubelessons.check;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.UUID;

/** A fresh namespace labelled as ours, like the runner's lesson namespaces; deleted when the test ends. */
record LessonNamespace(String name, KubernetesClient client) implements AutoCloseable {

    static LessonNamespace create(KubernetesClient client) {
        String name = "kl-check-" + UUID.randomUUID().toString().substring(0, 8);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
                .addToLabels("app.kubernetes.io/managed-by", "kubelessons")
                .addToLabels("kubelessons.dev/test", "true").endMetadata().build()).create();
        return new LessonNamespace(name, client);
    }

    CheckContext context() {
        return CheckContext.withoutDataPlane(client, name, CheckContext.KWOK_REASON);
    }

    /** Server-side apply of one manifest into this namespace. */
    void apply(String yaml) {
        client.resource(yaml).inNamespace(name).fieldManager("kubelessons-tests").forceConflicts().serverSideApply();
    }

    @Override
    public void close() {
        client.namespaces().withName(name).delete();
    }
}
