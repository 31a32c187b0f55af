package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A ClusterIP Service gets a virtual IP from the service range, and the EndpointSlice controller lists its pods. */
@KwokCluster
class ServiceTest {

    @Test
    void clusterIpComesFromTheServiceRangeAndTheEndpointSliceListsBothPods(KubernetesClient client, TestNamespace ns) throws Exception {
        Manifests.apply(client, ns, Manifests.MY_NGINX);
        Manifests.apply(client, ns, Manifests.MY_NGINX_SERVICE);

        Service service = client.services().inNamespace(ns.name()).withName("my-nginx").get();
        String clusterIp = service.getSpec().getClusterIP();
        List<String> serviceCidrs = serviceCidrs(client);
        assertTrue(serviceCidrs.stream().anyMatch(cidr -> Cidr.contains(cidr, clusterIp)),
                "ClusterIP " + clusterIp + " is outside the service range " + serviceCidrs);
        if (System.getenv(SharedTestCluster.ENV_KUBECONFIG) == null) {
            assertEquals(List.of(KwokConfigFile.SERVICE_CIDR), serviceCidrs, "the kwok cluster uses kind's service range");
        }

        Set<String> podIps = Manifests.waitForRunningPods(client, ns, "app=my-nginx", 2).stream()
                .map(Pod::getStatus).map(s -> s.getPodIP()).collect(Collectors.toSet());
        List<EndpointSlice> slices = client.discovery().v1().endpointSlices().inNamespace(ns.name())
                .withLabel("kubernetes.io/service-name", "my-nginx")
                .informOnCondition(found -> readyAddresses(found).containsAll(podIps))
                .get(Manifests.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(podIps, readyAddresses(slices), "EndpointSlice addresses vs pod IPs");
        assertEquals(80, slices.get(0).getPorts().get(0).getPort());
    }

    /** The ranges of the cluster's ServiceCIDR objects (GA since Kubernetes 1.33): "kubernetes" is the one from the API server flag. */
    private static List<String> serviceCidrs(KubernetesClient client) {
        GenericKubernetesResource cidr = client.genericKubernetesResources("networking.k8s.io/v1", "ServiceCIDR")
                .withName("kubernetes").get();
        @SuppressWarnings("unchecked")
        List<String> cidrs = (List<String>) ((java.util.Map<String, Object>) cidr.getAdditionalProperties().get("spec")).get("cidrs");
        return cidrs;
    }

    private static Set<String> readyAddresses(List<EndpointSlice> slices) {
        return slices.stream().flatMap(s -> s.getEndpoints() == null ? java.util.stream.Stream.<Endpoint>empty() : s.getEndpoints().stream())
                .filter(e -> e.getConditions() == null || !Boolean.FALSE.equals(e.getConditions().getReady()))
                .flatMap(e -> e.getAddresses().stream()).collect(Collectors.toSet());
    }
}
