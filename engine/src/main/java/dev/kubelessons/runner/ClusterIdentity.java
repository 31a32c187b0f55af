package dev.kubelessons.runner;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** Which cluster this is, across restarts: the UID of its kube-system namespace changes only when it is re-created. */
final class ClusterIdentity {

    private ClusterIdentity() {
    }

    static Optional<String> of(KubernetesClient client) {
        try {
            Namespace kubeSystem = client.namespaces().withName("kube-system").get();
            return kubeSystem == null ? Optional.empty() : Optional.ofNullable(kubeSystem.getMetadata().getUid());
        } catch (RuntimeException e) {
            // Unknown (no answer, or not allowed to read kube-system, as a workshop attendee): never a false alarm.
            return Optional.empty();
        }
    }
}
