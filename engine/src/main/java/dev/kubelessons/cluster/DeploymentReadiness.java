package dev.kubelessons.cluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Whether a Deployment is rolled out and available, and if not, what its pods say about why. */
final class DeploymentReadiness {

    private DeploymentReadiness() {
    }

    /** Available, and the Deployment's current spec fully rolled out: a re-applied change is waited for too. */
    static boolean available(Deployment deployment) {
        if (deployment == null || deployment.getStatus() == null) {
            return false;
        }
        var status = deployment.getStatus();
        long generation = Objects.requireNonNullElse(deployment.getMetadata().getGeneration(), 0L);
        long observed = Objects.requireNonNullElse(status.getObservedGeneration(), -1L);
        int wanted = replicas(deployment);
        return observed >= generation
                && Objects.requireNonNullElse(status.getUpdatedReplicas(), 0) >= wanted
                && Objects.requireNonNullElse(status.getAvailableReplicas(), 0) >= wanted
                && Objects.requireNonNullElse(status.getReplicas(), 0) == Objects.requireNonNullElse(status.getUpdatedReplicas(), 0)
                && status.getConditions() != null
                && status.getConditions().stream().anyMatch(c -> "Available".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static int replicas(Deployment deployment) {
        return deployment.getSpec() == null || deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
    }

    /** Why the Deployment's pods are not ready, one phrase each ("pod traefik-7d9: ErrImagePull (...)"), or none when no pod says. */
    static List<String> problems(KubernetesClient client, Deployment deployment) {
        Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
        List<Pod> pods = client.pods().inNamespace(deployment.getMetadata().getNamespace()).withLabels(selector).list().getItems();
        if (pods.isEmpty()) {
            return List.of("no pods yet");
        }
        List<String> problems = new ArrayList<>();
        for (Pod pod : pods) {
            String why = podProblem(pod);
            if (why != null) {
                problems.add("pod " + pod.getMetadata().getName() + ": " + why);
            }
        }
        return problems;
    }

    private static String podProblem(Pod pod) {
        if (pod.getStatus() == null) {
            return "no status yet";
        }
        for (ContainerStatus status : Objects.requireNonNullElse(pod.getStatus().getContainerStatuses(), List.<ContainerStatus>of())) {
            var waiting = status.getState() == null ? null : status.getState().getWaiting();
            if (waiting != null && waiting.getReason() != null) {
                return waiting.getReason() + (waiting.getMessage() == null ? "" : " (" + shorten(waiting.getMessage()) + ")");
            }
        }
        for (PodCondition condition : Objects.requireNonNullElse(pod.getStatus().getConditions(), List.<PodCondition>of())) {
            if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())) {
                return "not scheduled (" + shorten(Objects.requireNonNullElse(condition.getMessage(), condition.getReason())) + ")";
            }
        }
        boolean ready = Objects.requireNonNullElse(pod.getStatus().getConditions(), List.<PodCondition>of()).stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        if (ready) {
            return null;
        }
        return "Running".equals(pod.getStatus().getPhase()) ? "running, not ready (its readiness probe fails)" : pod.getStatus().getPhase();
    }

    private static String shorten(String message) {
        String line = message.strip().replace('\n', ' ');
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
