package dev.kubelessons;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;

/** A CA certificate of a cluster that is not the test's (made by the JDK's keytool), for "the cluster was re-created" cases. */
public final class OtherCertificateAuthority {

    private OtherCertificateAuthority() {
    }

    /** The certificate as PEM; {@code dir} holds keytool's key store. */
    public static String pem(Path dir) throws Exception {
        Path store = dir.resolve("other.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=another cluster CA", "-validity", "2",
                "-ext", "bc:c", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getCertificate("ca").getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** The PEM base64-encoded once more, as a kubeconfig's certificate-authority-data holds it. */
    public static String kubeconfigData(Path dir) throws Exception {
        return Base64.getEncoder().encodeToString(pem(dir).getBytes());
    }
}
