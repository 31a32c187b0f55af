package dev.kubelessons.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;

/** How to reach a cluster: one kubeconfig file and one context in it, usable by kubectl and by fabric8 alike. */
public record ClusterAccess(Path kubeconfig, String context) {

    /** JDK's system property (java.security) for the PBKDF2 rounds that protect a key put into a PKCS12 key store. */
    static final String KEY_PBE_ITERATIONS = "keystore.pkcs12.keyPbeIterationCount";

    static {
        // fabric8 puts the kubeconfig's client key into an in-memory PKCS12 key store for every client it builds, and
        // the JDK protects it with 10,000 rounds of PBKDF2 going in and again coming out: on a cold JVM a third of a
        // warm --check's CPU (two clients, bench/RESULTS.md). That store never leaves memory and the key lies as plain
        // PEM in the kubeconfig, so the rounds protect nothing here. A value set on the command line is kept.
        if (System.getProperty(KEY_PBE_ITERATIONS) == null) {
            System.setProperty(KEY_PBE_ITERATIONS, "1");
        }
    }

    /** A fabric8 config for exactly this file and context, ignoring $KUBECONFIG and the current-context. */
    public Config config() {
        return KubeconfigReader.config(kubeconfig, context);
    }

    /** A new client; the caller closes it. */
    public KubernetesClient client() {
        return new KubernetesClientBuilder().withConfig(config()).build();
    }

    /** The two lines {@code status} prints, which {@code kubectl --kubeconfig PATH --context NAME} accepts. */
    public String describe() {
        return "kubeconfig: " + kubeconfig + System.lineSeparator() + "context: " + context;
    }
}
