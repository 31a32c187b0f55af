package dev.kubelessons.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;

/** How to reach a cluster: one kubeconfig file and one context in it, usable by kubectl and by fabric8 alike. */
public record ClusterAccess(Path kubeconfig, String context) {

    /** A fabric8 config for exactly this file and context, ignoring $KUBECONFIG and the current-context. */
    public Config config() {
        return Config.fromKubeconfig(context, kubeconfig.toFile());
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
