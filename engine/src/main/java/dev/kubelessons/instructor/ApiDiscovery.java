package dev.kubelessons.instructor;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Whether the API server serves a kind, asked once through discovery: instructor mode adapts to what the cluster offers. */
final class ApiDiscovery {

    private ApiDiscovery() {
    }

    /** True if {@code groupVersion} (e.g. policy.networking.k8s.io/v1beta1) is served and lists {@code kind}. */
    static boolean serves(KubernetesClient client, String groupVersion, String kind) {
        try {
            APIResourceList resources = client.getApiResources(groupVersion);
            return resources != null && resources.getResources().stream().anyMatch(r -> kind.equals(r.getKind()));
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return false; // the group version itself is not served
            }
            throw e;
        }
    }
}
