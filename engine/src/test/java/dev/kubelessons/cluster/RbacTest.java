package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

/** RBAC is enforced: a ServiceAccount bound by a RoleBinding in one namespace is forbidden in another. */
@KwokCluster
class RbacTest {

    private static String roleAndBinding(String namespace) {
        return """
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: reader, namespace: %1$s}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: pod-reader, namespace: %1$s}
                rules:
                - apiGroups: [""]
                  resources: [pods]
                  verbs: [get, list, watch]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: reader-reads-pods, namespace: %1$s}
                subjects:
                - kind: ServiceAccount
                  name: reader
                  namespace: %1$s
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: Role
                  name: pod-reader
                """.formatted(namespace);
    }

    @Test
    void serviceAccountBoundInOneNamespaceIsForbiddenInAnother(KubernetesClient admin, ClusterAccess access,
                                                                TestNamespace a, TestNamespace b) {
        admin.load(new java.io.ByteArrayInputStream(roleAndBinding(a.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .serverSideApply();
        // A real token from the TokenRequest API: authentication as the ServiceAccount, not impersonation by the admin.
        TokenRequest token = admin.serviceAccounts().inNamespace(a.name()).withName("reader")
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(600L).endSpec().build());

        try (KubernetesClient reader = new KubernetesClientBuilder().withConfig(asToken(access.config(), token.getStatus().getToken())).build()) {
            assertEquals(0, reader.pods().inNamespace(a.name()).list().getItems().size(), "allowed in " + a.name());

            KubernetesClientException denied = assertThrows(KubernetesClientException.class,
                    () -> reader.pods().inNamespace(b.name()).list());
            assertEquals(403, denied.getCode(), denied.getMessage());
        }
    }

    private static Config asToken(Config admin, String token) {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(admin.getMasterUrl())
                .withCaCertFile(admin.getCaCertFile())
                .withCaCertData(admin.getCaCertData())
                .withTrustCerts(admin.isTrustCerts())
                .withOauthToken(token)
                .build();
    }
}
