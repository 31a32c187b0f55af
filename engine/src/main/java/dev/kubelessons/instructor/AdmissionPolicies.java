package dev.kubelessons.instructor;

import dev.kubelessons.runner.ClusterFailures;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;

/** Puts a workshop's ValidatingAdmissionPolicy and its binding (one name for both) on the cluster, or takes them off. */
final class AdmissionPolicies {

    private AdmissionPolicies() {
    }

    /** Creates or updates them (idempotent); false, doing nothing, where the API server has no such policies (before 1.30). */
    static boolean ensure(KubernetesClient admin, String name, List<HasMetadata> objects) {
        if (!ApiDiscovery.serves(admin, "admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy")) {
            return false;
        }
        for (HasMetadata object : objects) {
            try {
                admin.resource(object).fieldManager(WorkshopNames.FIELD_MANAGER).forceConflicts().serverSideApply();
            } catch (KubernetesClientException e) {
                throw ClusterFailures.translate(e, "applying " + object.getKind() + " " + name
                        + " (needs Kubernetes 1.30 or newer, where ValidatingAdmissionPolicy is GA)");
            }
        }
        return true;
    }

    /** Deletes the binding and the policy; returns whether they existed. */
    static boolean remove(KubernetesClient admin, String name) {
        boolean existed = !admin.admissionRegistration().v1().validatingAdmissionPolicyBindings().withName(name).delete().isEmpty();
        existed |= !admin.admissionRegistration().v1().validatingAdmissionPolicies().withName(name).delete().isEmpty();
        return existed;
    }
}
