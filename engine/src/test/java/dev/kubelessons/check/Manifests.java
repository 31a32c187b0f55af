package dev.kubelessons.check;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The manifests of lesson 03 in miniature, and event-driven waits (watches, not polls) for the tests. */
final class Manifests {

    static final long TIMEOUT_SECONDS = 60;

    private Manifests() {
    }

    static String deployment(String name, int replicas) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %1$s, labels: {app: %1$s}}
                spec:
                  replicas: %2$d
                  selector: {matchLabels: {app: %1$s}}
                  template:
                    metadata: {labels: {app: %1$s}}
                    spec:
                      containers:
                      - name: nginx
                        image: nginx:1.27
                        ports: [{name: http, containerPort: 80}]
                """.formatted(name, replicas);
    }

    static String service(String name, String type, String selectorApp) {
        return """
                apiVersion: v1
                kind: Service
                metadata: {name: %1$s}
                spec:
                  type: %2$s
                  selector: {app: %3$s}
                  ports: [{name: http, port: 80, targetPort: http}]
                """.formatted(name, type, selectorApp);
    }

    static void awaitRolledOut(KubernetesClient client, String ns, String name, int replicas) {
        client.apps().deployments().inNamespace(ns).withName(name).waitUntilCondition(
                // As kubectl rollout status: the latest generation seen, all updated and ready, no old pods left.
                (Deployment d) -> d != null && d.getStatus() != null
                        && d.getStatus().getObservedGeneration() != null
                        && d.getStatus().getObservedGeneration() >= d.getMetadata().getGeneration()
                        && Integer.valueOf(replicas).equals(d.getStatus().getReadyReplicas())
                        && Integer.valueOf(replicas).equals(d.getStatus().getUpdatedReplicas())
                        && Integer.valueOf(replicas).equals(d.getStatus().getReplicas()),
                TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    static void awaitReadyEndpoints(KubernetesClient client, String ns, String service, int count) {
        try {
            client.discovery().v1().endpointSlices().inNamespace(ns).withLabel(EndpointsEvaluator.SERVICE_NAME_LABEL, service)
                    .informOnCondition((List<EndpointSlice> slices) -> EndpointsEvaluator.readyEndpoints(slices) == count)
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Service " + service + " did not get " + count + " ready endpoints", e);
        }
    }
}
