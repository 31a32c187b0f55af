package dev.kubelessons.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * APIs a kwok cluster serves beyond Kubernetes' own, as kubelessons' kind clusters do: the ClusterNetworkPolicy CRD
 * (network-policy-api), fetched next to the binaries by scripts/build-kwok.sh. Instructor mode fences attendees with it.
 */
final class ExtraApis {

    private ExtraApis() {
    }

    static Path crdFile(Path bin) {
        return bin.getParent().resolve("crds").resolve("clusternetworkpolicies.yaml");
    }

    /** Installs the CRDs found next to {@code bin} and waits until the API server serves them; absent files are skipped. */
    static void install(ClusterAccess access, Path bin, PrintWriter out) {
        Path file = crdFile(bin);
        if (!Files.isRegularFile(file)) {
            out.println("  (no " + file + ": ClusterNetworkPolicy is not served; run scripts/build-kwok.sh with Go installed to fetch it)");
            return;
        }
        List<HasMetadata> objects = ServerSideApply.read(file);
        try (KubernetesClient client = access.client()) {
            ServerSideApply.apply(client, objects, file.toString());
        }
        for (HasMetadata object : objects) {
            if (object instanceof CustomResourceDefinition crd) {
                out.println("  serves " + crd.getSpec().getGroup() + " " + crd.getSpec().getNames().getKind());
            }
        }
    }
}
