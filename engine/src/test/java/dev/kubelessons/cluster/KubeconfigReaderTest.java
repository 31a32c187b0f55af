package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubeconfig read with SnakeYAML gives the Config fabric8's own reader gives, field by field, for the shapes
 * kind and kwok write (certificate files, relative paths, inline data, several contexts, a namespace, a token);
 * any other field sends the file to fabric8's reader.
 */
class KubeconfigReaderTest {

    @TempDir
    Path dir;

    @Test
    void kwokStyleFilesRelativePathsAndSeveralContextsReadAsFabric8ReadsThem() throws Exception {
        Path file = write("kwok.yaml", """
                apiVersion: v1
                clusters:
                - cluster:
                    certificate-authority: /tmp/pki/ca.crt
                    server: https://127.0.0.1:32764
                  name: kwok-kubelessons
                - cluster:
                    certificate-authority: pki/other-ca.crt
                    server: https://127.0.0.1:40000
                  name: other
                contexts:
                - context:
                    cluster: kwok-kubelessons
                    user: kwok-kubelessons
                  name: kwok-kubelessons
                - context:
                    cluster: other
                    namespace: lessons
                    user: other
                  name: other
                current-context: kwok-kubelessons
                kind: Config
                preferences: {}
                users:
                - name: kwok-kubelessons
                  user:
                    client-certificate: /tmp/pki/admin.crt
                    client-key: /tmp/pki/admin.key
                - name: other
                  user:
                    client-certificate: pki/admin.crt
                    client-key: pki/admin.key
                """);
        assertTrue(KubeconfigReader.simpleModel(file).isPresent());
        assertSameAsFabric8(file, "kwok-kubelessons");
        assertSameAsFabric8(file, "other");
        assertEquals(dir.resolve("pki/other-ca.crt").toString(), KubeconfigReader.config(file, "other").getCaCertFile());
    }

    @Test
    void kindStyleInlineDataAndATokenReadAsFabric8ReadsThem() throws Exception {
        Path file = write("kind.yaml", """
                apiVersion: v1
                kind: Config
                current-context: kind-kubelessons
                preferences: {}
                clusters:
                - name: kind-kubelessons
                  cluster:
                    server: https://127.0.0.1:45123
                    certificate-authority-data: Q0EtREFUQQ==
                - name: workshop
                  cluster:
                    server: https://10.0.0.1:6443
                    certificate-authority-data: V09SS1NIT1A=
                contexts:
                - name: kind-kubelessons
                  context: {cluster: kind-kubelessons, user: kind-kubelessons}
                - name: attendee
                  context: {cluster: workshop, user: attendee, namespace: kl-ada-03-clusterip}
                users:
                - name: kind-kubelessons
                  user:
                    client-certificate-data: Q0VSVA==
                    client-key-data: S0VZ
                - name: attendee
                  user:
                    token: eyJhbGciOi.secret.token
                """);
        assertTrue(KubeconfigReader.simpleModel(file).isPresent());
        assertSameAsFabric8(file, "kind-kubelessons");
        assertSameAsFabric8(file, "attendee");
        assertEquals("kl-ada-03-clusterip", KubeconfigReader.config(file, "attendee").getNamespace());
    }

    @Test
    void anyOtherFieldGoesToFabric8sReader() throws Exception {
        String base = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster:
                    server: https://127.0.0.1:6443
                %s
                contexts:
                - name: c
                  context: {cluster: c, user: u}
                users:
                - name: u
                  user:
                %s
                """;
        List<String[]> others = List.of(
                new String[] {"    insecure-skip-tls-verify: true", "    token: t"},
                new String[] {"    proxy-url: http://proxy:3128", "    token: t"},
                new String[] {"", "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: gke-gcloud-auth-plugin"},
                new String[] {"", "    auth-provider:\n      name: oidc"},
                new String[] {"", "    username: admin\n    password: secret"},
                new String[] {"    extensions:\n    - name: x\n      extension: {}", "    token: t"});
        List<String> readHere = new ArrayList<>();
        int i = 0;
        for (String[] other : others) {
            Path file = write("other-" + i++ + ".yaml", base.formatted(other[0], other[1]));
            if (KubeconfigReader.simpleModel(file).isPresent()) {
                readHere.add(other[0] + other[1]);
            }
            assertSameAsFabric8(file, "c");
        }
        assertEquals(List.of(), readHere);
        assertTrue(KubeconfigReader.simpleModel(write("broken.yaml", "clusters: [ {name: c")).isEmpty());
        assertTrue(KubeconfigReader.simpleModel(write("empty.yaml", "")).isEmpty());
    }

    private void assertSameAsFabric8(Path file, String context) {
        Config ours = KubeconfigReader.config(file, context);
        Config theirs = Config.fromKubeconfig(context, file.toFile());
        assertEquals(describe(theirs), describe(ours), file.getFileName() + ", context " + context);
    }

    private static List<Object> describe(Config c) {
        return List.of(String.valueOf(c.getMasterUrl()), String.valueOf(c.getCaCertFile()), String.valueOf(c.getCaCertData()),
                String.valueOf(c.getClientCertFile()), String.valueOf(c.getClientCertData()), String.valueOf(c.getClientKeyFile()),
                String.valueOf(c.getClientKeyData()), String.valueOf(c.getClientKeyAlgo()), String.valueOf(c.getNamespace()),
                String.valueOf(c.getOauthToken()), String.valueOf(c.getAutoOAuthToken()), String.valueOf(c.getUsername()),
                String.valueOf(c.getPassword()), String.valueOf(c.isTrustCerts()), String.valueOf(c.getHttpProxy()),
                String.valueOf(c.getHttpsProxy()), String.valueOf(c.getCurrentContext() == null ? null : c.getCurrentContext().getName()),
                String.valueOf(c.getContexts().stream().map(n -> n.getName()).toList()), String.valueOf(c.getAuthProvider()),
                String.valueOf(c.getRequestTimeout()), String.valueOf(c.getConnectionTimeout()), String.valueOf(c.getMaxConcurrentRequests()),
                String.valueOf(c.getTlsVersions() == null ? null : List.of(c.getTlsVersions())), String.valueOf(c.getImpersonateUsername()));
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
