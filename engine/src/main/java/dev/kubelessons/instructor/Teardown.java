package dev.kubelessons.instructor;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Removes what provisioning created, found by label: the attendees' namespaces (everything namespaced we created lives
 * inside them, so it goes with them), their ClusterNetworkPolicies and node-reading ClusterRoleBindings and, once no
 * attendee is left, the fence and pod guards and the shared node-reading ClusterRole.
 * Objects without our labels are never touched.
 */
public final class Teardown {

    private static final long TIMEOUT_SECONDS = 300;

    private final KubernetesClient admin;

    public Teardown(KubernetesClient admin) {
        this.admin = admin;
    }

    /** Every workshop namespace, or only those of {@code attendees} when it is not empty. */
    public List<String> namespaces(List<String> attendees) {
        return admin.namespaces().withLabelSelector(selector(attendees)).list().getItems().stream()
                .map(Namespace::getMetadata).map(m -> m.getName()).sorted().toList();
    }

    private static String selector(List<String> attendees) {
        return attendees.isEmpty() ? WorkshopNames.ALL_SELECTOR
                : WorkshopNames.ALL_SELECTOR.replace("," + WorkshopNames.ATTENDEE, "," + WorkshopNames.ATTENDEE + " in (" + String.join(",", attendees) + ")");
    }

    /** Deletes them and, when {@code wait}, waits until they (and so their contents) are gone; returns their names. */
    public List<String> remove(List<String> attendees, boolean wait) {
        List<String> names = namespaces(attendees);
        names.forEach(name -> admin.namespaces().withName(name).delete());
        if (NetworkFence.detect(admin) == NetworkFence.CLUSTER_POLICY) {
            admin.genericKubernetesResources(NetworkFence.GROUP_VERSION, NetworkFence.KIND).withLabelSelector(selector(attendees)).delete();
        }
        admin.rbac().clusterRoleBindings().withLabelSelector(selector(attendees)).delete();
        if (names.containsAll(namespaces(List.of()))) {
            new FenceGuard(admin).remove(); // nobody left to guard
            new PodGuard(admin).remove();
            admin.rbac().clusterRoles().withName(AttendeeResources.NODE_READER).delete();
        }
        if (wait) {
            for (String name : names) {
                admin.namespaces().withName(name).waitUntilCondition(Objects::isNull, TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        }
        return names;
    }
}
