package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vendored add-on manifests keep the label contract the engine reads them by, and name only upstream images. */
class AddonManifestsTest {

    private static final Path FOLDER = Path.of("..", AddonManifests.FOLDER).toAbsolutePath().normalize();

    @Test
    void traefikIsTheCoursesAddOnWithItsVersionAndUpstreamImage() {
        List<Addon> addons = AddonManifests.read(FOLDER);

        assertEquals(List.of("traefik v3.6.12"), addons.stream().map(Addon::title).toList());
        Addon traefik = addons.get(0);
        assertEquals(List.of("traefik:v3.6.12"), traefik.images());
        assertEquals(List.of("Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Deployment", "Service", "IngressClass", "GatewayClass"),
                traefik.objects().stream().map(HasMetadata::getKind).toList());
        Deployment deployment = traefik.deployments().get(0);
        assertEquals("traefik/traefik", deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName());
        assertEquals("IfNotPresent", deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImagePullPolicy());
    }

    @Test
    void everyAddOnImageCarriesAnUpstreamNameAndAPinnedTag() {
        for (Addon addon : AddonManifests.read(FOLDER)) {
            for (String image : addon.images()) {
                assertTrue(!image.startsWith("kubelessons/") && image.matches("[a-z0-9./-]+:v?[0-9][A-Za-z0-9.-]*"), addon.file() + ": " + image);
            }
        }
    }

    @Test
    void anObjectWithoutTheAddOnLabelIsOurBugAndNamesTheFileAndObject(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: broken
                  labels:
                    app.kubernetes.io/managed-by: kubelessons
                """);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AddonManifests.read(dir));
        assertEquals(dir.resolve("broken.yaml") + ": Namespace broken lacks the labels app.kubernetes.io/managed-by=kubelessons and "
                + "kubelessons.dev/addon", e.getMessage());
    }

    @Test
    void noFolderMeansNoAddOns(@TempDir Path dir) {
        assertEquals(List.of(), AddonManifests.read(dir.resolve("absent")));
    }
}
