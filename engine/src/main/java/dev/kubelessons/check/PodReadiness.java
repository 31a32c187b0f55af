package dev.kubelessons.check;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Whether a pod is ready, and if not, the most telling reason, as a learner would find it in kubectl describe. */
final class PodReadiness {

    private PodReadiness() {
    }

    static boolean ready(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null || pod.getStatus() == null
                || pod.getStatus().getConditions() == null) {
            return false;
        }
        return pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** "pod web-1 not ready: container nginx waiting (ImagePullBackOff)", or empty when it is ready. */
    static Optional<String> whyNotReady(Pod pod) {
        if (ready(pod)) {
            return Optional.empty();
        }
        String name = "pod " + pod.getMetadata().getName() + " not ready: ";
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            return Optional.of(name + "terminating");
        }
        if (pod.getStatus() == null || pod.getStatus().getPhase() == null) {
            return Optional.of(name + "no status yet");
        }
        List<ContainerStatus> containers = pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
        for (ContainerStatus container : containers) {
            if (container.getState() != null && container.getState().getWaiting() != null) {
                return Optional.of(name + "container " + container.getName() + " waiting ("
                        + container.getState().getWaiting().getReason() + ")");
            }
            if (container.getState() != null && container.getState().getTerminated() != null) {
                return Optional.of(name + "container " + container.getName() + " terminated ("
                        + container.getState().getTerminated().getReason() + ")");
            }
            if (!Boolean.TRUE.equals(container.getReady())) {
                return Optional.of(name + "container " + container.getName() + " running but not ready (readiness probe)");
            }
        }
        String unschedulable = pod.getStatus().getConditions() == null ? null : pod.getStatus().getConditions().stream()
                .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))
                .map(PodCondition::getMessage).findFirst().orElse(null);
        if (unschedulable != null) {
            return Optional.of(name + "not scheduled (" + unschedulable + ")");
        }
        return Optional.of(name + "phase " + pod.getStatus().getPhase());
    }

    /** "app=web,tier=front": labels written the way kubectl -l takes them. */
    static String selector(Map<String, String> labels) {
        return labels == null || labels.isEmpty() ? "(none)" : labels.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(","));
    }
}
