package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.CertUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client trusts its kubeconfig's CA alone, through an empty trust store kept in the cache; other configs are left alone. */
class ClusterCaTrustTest {

    @TempDir
    Path cache;

    @Test
    void aConfigWithItsOwnCaTrustsThatCaAlone() throws Exception {
        String ca = dev.kubelessons.OtherCertificateAuthority.pem(cache);
        Config config = Config.empty();
        config.setCaCertData(java.util.Base64.getEncoder().encodeToString(ca.getBytes()));

        ClusterCaTrust.apply(config, cache);

        assertEquals(cache.resolve("tls/no-public-roots.jks").toString(), config.getTrustStoreFile());
        // What fabric8 builds from it: the kubeconfig's CA and not one of the JDK's ~140 public roots.
        KeyStore trusted = CertUtils.createTrustStore(config.getCaCertData(), null, config.getTrustStoreFile(), config.getTrustStorePassphrase());
        assertEquals(1, trusted.size(), "entries: " + Collections.list(trusted.aliases()));
        assertTrue(Collections.list(trusted.aliases()).get(0).toLowerCase().contains("another cluster ca"), "the alias names the CA");

        // Made once: a second config reuses the file.
        long written = Files.getLastModifiedTime(cache.resolve("tls/no-public-roots.jks")).toMillis();
        Config again = Config.empty();
        again.setCaCertFile("/some/ca.crt");
        ClusterCaTrust.apply(again, cache);
        assertEquals(config.getTrustStoreFile(), again.getTrustStoreFile());
        assertEquals(written, Files.getLastModifiedTime(cache.resolve("tls/no-public-roots.jks")).toMillis());
    }

    @Test
    void configsWithoutACaOrWithTheirOwnTrustAreLeftAlone() {
        Config noCa = Config.empty();
        ClusterCaTrust.apply(noCa, cache);
        assertNull(noCa.getTrustStoreFile(), "a server with a public certificate keeps the JDK's roots");

        Config trustAll = Config.empty();
        trustAll.setCaCertData("Zm9v");
        trustAll.setTrustCerts(true);
        ClusterCaTrust.apply(trustAll, cache);
        assertNull(trustAll.getTrustStoreFile());

        Config ownStore = Config.empty();
        ownStore.setCaCertFile("/some/ca.crt");
        ownStore.setTrustStoreFile("/their/store.p12");
        ClusterCaTrust.apply(ownStore, cache);
        assertEquals("/their/store.p12", ownStore.getTrustStoreFile());
        assertTrue(Files.notExists(cache.resolve("tls")), "nothing written for configs left alone");
    }

    @Test
    void aCacheThatCannotBeWrittenLeavesFabric8sDefault() throws Exception {
        Files.writeString(cache.resolve("tls"), "a file where the folder should be"); // fails even for root, unlike permissions
        Config config = Config.empty();
        config.setCaCertFile("/some/ca.crt");
        ClusterCaTrust.apply(config, cache);
        assertNull(config.getTrustStoreFile());
    }
}
