package dev.kubelessons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.cluster.ClusterAccess;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training's stand-in API is reached the way a real cluster is (TLS, the kubeconfig's CA alone, a client
 * certificate), so the archive holds that path's classes; if it were not, the training would skip it silently.
 */
class CdsTrainingApiTest {

    @TempDir
    Path dir;

    @Test
    void aClusterClientReachesTheStandInOverTlsWithItsClientCertificate() throws Exception {
        try (CdsTrainingApi api = CdsTrainingApi.start(dir).orElseThrow();
                KubernetesClient client = new ClusterAccess(api.kubeconfig(), "training").client()) {
            assertEquals("ok", client.raw("/readyz"));
            assertNotNull(client.namespaces().withName(CdsTrainingApi.NAMESPACE).get());
            assertEquals("ClusterIP", client.services().inNamespace(CdsTrainingApi.NAMESPACE).withName("any").get().getSpec().getType());
            List<EndpointSlice> slices = client.discovery().v1().endpointSlices().inNamespace(CdsTrainingApi.NAMESPACE).list().getItems();
            assertEquals(1, slices.size());
            assertTrue(client.getApiResources("apps/v1").getResources().stream().anyMatch(r -> r.getKind().equals("Deployment")));
        }
    }
}
