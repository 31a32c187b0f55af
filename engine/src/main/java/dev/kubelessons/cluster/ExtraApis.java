package dev.kubelessons.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * APIs a kwok cluster serves beyond Kubernetes' own, as kubelessons' kind clusters do: the ClusterNetworkPolicy CRD
 * (network-policy-api), fetched next to the binaries by scripts/build-kwok.sh. Instructor mode fences attendees with it.
 */
final class ExtraApis {

    private static final long ESTABLISHED_SECONDS = 30;

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
        try (KubernetesClient client = access.client(); InputStream in = Files.newInputStream(file)) {
            for (HasMetadata object : client.load(in).items()) {
                client.resource(object).fieldManager("kubelessons").forceConflicts().serverSideApply();
                if (object instanceof CustomResourceDefinition crd) {
                    client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                            .waitUntilCondition(ExtraApis::established, ESTABLISHED_SECONDS, TimeUnit.SECONDS);
                    out.println("  serves " + crd.getSpec().getGroup() + " " + crd.getSpec().getNames().getKind());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading " + file, e);
        }
    }

    private static boolean established(CustomResourceDefinition crd) {
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream().anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
