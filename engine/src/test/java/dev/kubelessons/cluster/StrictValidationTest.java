package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import org.junit.jupiter.api.Test;

/** The API server rejects the snake_case {@code target_port} under strict field validation, and silently drops it otherwise. */
@KwokCluster
class StrictValidationTest {

    @Test
    void targetPortInSnakeCaseIsRejectedUnderStrictValidation(KubernetesClient client, TestNamespace ns) {
        KubernetesClientException error = assertThrows(KubernetesClientException.class, () -> client.resource(Manifests.SNAKE_CASE_SERVICE)
                .inNamespace(ns.name()).fieldValidation(Validation.STRICT).create());

        assertEquals(400, error.getCode(), error.getMessage());
        assertTrue(error.getMessage().contains("unknown field \"spec.ports[0].target_port\""), error.getMessage());
        assertEquals(null, client.services().inNamespace(ns.name()).withName("broken").get(), "nothing was stored");
    }

    @Test
    void serverSideApplyRejectsItToo(ClusterAccess access, TestNamespace ns) {
        // The API server answers an apply patch with an unknown field with a 500, which fabric8 would retry for
        // ~20 s by default; a client without retries sees the answer at once.
        try (KubernetesClient noRetries = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(access.config()).withRequestRetryBackoffLimit(0).build()).build()) {
            KubernetesClientException error = assertThrows(KubernetesClientException.class,
                    () -> Manifests.apply(noRetries, ns, Manifests.SNAKE_CASE_SERVICE));

            assertEquals(500, error.getCode(), error.getMessage());
            assertTrue(error.getMessage().contains("target_port: field not declared in schema"), error.getMessage());
        }
    }

    @Test
    void withoutStrictValidationTheFieldIsSilentlyDropped(KubernetesClient client, TestNamespace ns) {
        client.resource(Manifests.SNAKE_CASE_SERVICE).inNamespace(ns.name()).fieldValidation(Validation.IGNORE).create();

        Service stored = client.services().inNamespace(ns.name()).withName("broken").get();
        // The lesson's point: targetPort silently defaults to the port (80), not the 8080 the author meant.
        assertEquals(80, stored.getSpec().getPorts().get(0).getTargetPort().getIntVal());
        assertTrue(stored.getSpec().getPorts().get(0).getAdditionalProperties().isEmpty(), "target_port is gone");
    }
}
