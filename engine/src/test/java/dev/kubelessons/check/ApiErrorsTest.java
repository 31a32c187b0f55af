package dev.kubelessons.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Failures become one sentence a learner can act on, even when an informer wraps them. */
class ApiErrorsTest {

    @Test
    void aRefusedConnectionInsideACompletionExceptionSaysTheClusterIsUnreachable() {
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:6443").build()).build()) {
            CheckContext context = CheckContext.withoutDataPlane(client, "kl-test", CheckContext.KWOK_REASON);
            String wrapped = ApiErrors.describe(new CompletionException(new ConnectException("Connection refused")), context);
            assertEquals("cannot reach the API server at https://127.0.0.1:6443/: Connection refused; is the cluster running?", wrapped);
            String forbidden = ApiErrors.describe(new CompletionException(new KubernetesClientException("no", 403, null)), context);
            assertTrue(forbidden.startsWith("forbidden by RBAC"), forbidden);
            assertTrue(ApiErrors.describe(new IllegalStateException("bug"), context).startsWith("internal error"));
        }
    }
}
