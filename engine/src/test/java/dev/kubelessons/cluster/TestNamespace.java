package dev.kubelessons.cluster;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.UUID;

/** A namespace made for one test and deleted after it, so tests never see each other's objects. */
public record TestNamespace(String name, KubernetesClient client) implements AutoCloseable {

    static final String LABEL = "kubelessons.dev/test";

    static TestNamespace create(KubernetesClient client) {
        String name = "kl-test-" + UUID.randomUUID().toString().substring(0, 8);
        Namespace namespace = new NamespaceBuilder().withNewMetadata().withName(name).addToLabels(LABEL, "true").endMetadata().build();
        client.namespaces().resource(namespace).create();
        return new TestNamespace(name, client);
    }

    @Override
    public void close() {
        // Not waited for: namespace deletion is asynchronous, and the next test uses a new name anyway.
        client.namespaces().withName(name).delete();
    }
}
