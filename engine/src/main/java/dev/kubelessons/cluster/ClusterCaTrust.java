package dev.kubelessons.cluster;

import io.fabric8.kubernetes.client.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

/**
 * Makes a client trust its kubeconfig's certificate authority alone, as kubectl does. fabric8 adds that CA to a copy
 * of the JDK's whole trust store ({@code cacerts}, ~140 public roots parsed on every client build: 8% of a warm
 * {@code --check}'s CPU, bench/RESULTS.md) unless the config names a trust store file; so it is given an empty one,
 * kept in the cache, and the CA is added to nothing else. A kubeconfig without a CA, a config that names its own
 * trust store or trusts every certificate, and a JVM told to use another trust store are left as they are.
 */
final class ClusterCaTrust {

    /** Protects nothing (the store is empty); fabric8 and the JDK need one to open a key store file. */
    private static final String PASSPHRASE = "kubelessons-empty";
    private static final String FILE_NAME = "no-public-roots.jks";

    private ClusterCaTrust() {
    }

    /** Points {@code config} at the empty trust store when it has a CA of its own; otherwise changes nothing. */
    static void apply(Config config, Path cacheDir) {
        boolean ownCa = notBlank(config.getCaCertData()) || notBlank(config.getCaCertFile());
        if (!ownCa || config.isTrustCerts() || notBlank(config.getTrustStoreFile())
                || System.getProperty("javax.net.ssl.trustStore") != null || System.getProperty("javax.net.ssl.trustStoreType") != null) {
            return;
        }
        emptyStore(cacheDir.resolve("tls")).ifPresent(store -> {
            config.setTrustStoreFile(store.toString());
            config.setTrustStorePassphrase(PASSPHRASE);
        });
    }

    /** The empty key store file, written once; empty when the cache cannot be written (fabric8's default then holds). */
    static Optional<Path> emptyStore(Path dir) {
        Path store = dir.resolve(FILE_NAME);
        if (Files.isRegularFile(store)) {
            return Optional.of(store);
        }
        try {
            Files.createDirectories(dir);
            // JKS: its integrity check is one SHA-1, where PKCS12's is 10,000 rounds of PBKDF2 on every load.
            KeyStore empty = KeyStore.getInstance("JKS");
            empty.load(null, null);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            empty.store(bytes, PASSPHRASE.toCharArray());
            WholeFile.write(store, bytes.toByteArray());
            return Optional.of(store);
        } catch (IOException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
