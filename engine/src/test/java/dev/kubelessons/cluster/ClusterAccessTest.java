package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The engine's clients put the kubeconfig's key in an in-memory PKCS12 store with one PBKDF2 round, not the JDK's 10,000. */
class ClusterAccessTest {

    @Test
    void fabric8sInMemoryKeyStoresSkipTheJdksKeyStretching() {
        new ClusterAccess(Path.of("kubeconfig.yaml"), "kwok-test").describe();
        assertEquals("1", System.getProperty(ClusterAccess.KEY_PBE_ITERATIONS));
    }
}
