package dev.kubelessons.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The lesson manifests the cluster tests apply, and event-driven waits on what they create. */
final class Manifests {

    static final String MY_NGINX = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: my-nginx
              labels: {app: my-nginx}
            spec:
              replicas: 2
              selector:
                matchLabels: {app: my-nginx}
              template:
                metadata:
                  labels: {app: my-nginx}
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.27
                    ports:
                    - containerPort: 80
            """;

    static final String MY_NGINX_SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: my-nginx
            spec:
              type: ClusterIP
              selector: {app: my-nginx}
              ports:
              - port: 80
                targetPort: 80
            """;

    /** The classic mistake of lesson 10: snake_case {@code target_port} is not a field of a ServicePort. */
    static final String SNAKE_CASE_SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: broken
            spec:
              selector: {app: my-nginx}
              ports:
              - port: 80
                target_port: 8080
            """;

    static final long TIMEOUT_SECONDS = 60;

    private Manifests() {
    }

    static HasMetadata apply(KubernetesClient client, TestNamespace ns, String yaml) {
        return client.resource(yaml).inNamespace(ns.name()).fieldManager("kubelessons-tests").forceConflicts().serverSideApply();
    }

    /** Watches (informer, no polling) until {@code count} pods matching {@code selector} are Running with an IP. */
    static List<Pod> waitForRunningPods(KubernetesClient client, TestNamespace ns, String selector, int count) {
        String[] kv = selector.split("=", 2);
        try {
            return client.pods().inNamespace(ns.name()).withLabel(kv[0], kv[1])
                    .informOnCondition(pods -> pods.stream().filter(Manifests::runningWithIp).count() >= count)
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .stream().filter(Manifests::runningWithIp).toList();
        } catch (Exception e) {
            throw new AssertionError("no " + count + " Running pods with " + selector + " in " + ns.name() + " within "
                    + TIMEOUT_SECONDS + " s; pods now: " + client.pods().inNamespace(ns.name()).list().getItems().stream()
                    .map(p -> p.getMetadata().getName() + "=" + p.getStatus().getPhase()).toList(), e);
        }
    }

    private static boolean runningWithIp(Pod pod) {
        return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase()) && pod.getStatus().getPodIP() != null;
    }
}
