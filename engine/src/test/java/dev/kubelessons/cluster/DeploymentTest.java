package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The kwok cluster runs a Deployment for real: a ReplicaSet, scheduled pods, and kwok marking them Running with IPs. */
@KwokCluster
class DeploymentTest {

    @Test
    void myNginxGetsTwoRunningPodsWithIpsOnSimulatedNodes(KubernetesClient client, TestNamespace ns) {
        Manifests.apply(client, ns, Manifests.MY_NGINX);

        List<Pod> pods = Manifests.waitForRunningPods(client, ns, "app=my-nginx", 2);

        for (Pod pod : pods) {
            assertEquals("Running", pod.getStatus().getPhase(), pod.getMetadata().getName());
            assertNotNull(pod.getStatus().getPodIP(), pod.getMetadata().getName() + " has no pod IP");
            assertFalse(pod.getSpec().getNodeName() == null || pod.getSpec().getNodeName().isEmpty(), "pod not scheduled");
        }
        Set<String> nodes = pods.stream().map(p -> p.getSpec().getNodeName()).collect(Collectors.toSet());
        Set<String> kwokNodes = client.nodes().withLabel("type", "kwok").list().getItems().stream()
                .map(n -> n.getMetadata().getName()).collect(Collectors.toSet());
        assertEquals(true, kwokNodes.containsAll(nodes), "pods on " + nodes + ", simulated nodes are " + kwokNodes);
        // The scheduler spreads replicas of one ReplicaSet across nodes when it can.
        assertEquals(2, nodes.size(), "both replicas landed on " + nodes);
        Set<String> ips = pods.stream().map(p -> p.getStatus().getPodIP()).collect(Collectors.toSet());
        assertEquals(2, ips.size(), "pod IPs must differ: " + ips);
    }
}
