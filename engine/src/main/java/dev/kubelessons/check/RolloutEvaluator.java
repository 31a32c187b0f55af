package dev.kubelessons.check;

import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.ResourceRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Evaluates {@code rollout} the way {@code kubectl rollout status} decides, and names a pod that holds it up. */
final class RolloutEvaluator {

    Verdict evaluate(CheckSpec.Rollout check, CheckContext context) {
        ResourceRef ref = check.resource();
        var apps = context.client().apps();
        String ns = context.namespace();
        HasMetadata object;
        Progress progress;
        LabelSelector selector;
        switch (ref.kind()) {
            case "Deployment" -> {
                Deployment d = apps.deployments().inNamespace(ns).withName(ref.name()).get();
                object = d;
                progress = d == null ? null : deployment(d);
                selector = d == null ? null : d.getSpec().getSelector();
            }
            case "StatefulSet" -> {
                StatefulSet s = apps.statefulSets().inNamespace(ns).withName(ref.name()).get();
                object = s;
                progress = s == null ? null : statefulSet(s);
                selector = s == null ? null : s.getSpec().getSelector();
            }
            case "DaemonSet" -> {
                DaemonSet d = apps.daemonSets().inNamespace(ns).withName(ref.name()).get();
                object = d;
                progress = d == null ? null : daemonSet(d);
                selector = d == null ? null : d.getSpec().getSelector();
            }
            default -> {
                return Verdict.error(check, "rollout checks work on Deployments, StatefulSets and DaemonSets, not " + ref.kind());
            }
        }
        if (object == null) {
            return Verdict.fail(check, "missing", "rolled out", ref + " does not exist in namespace " + ns);
        }
        String actual = progress.ready + "/" + progress.desired + " replicas ready";
        String expected = progress.desired + "/" + progress.desired + " replicas ready and updated";
        if (progress.waiting == null) {
            return Verdict.pass(check, actual, ref + " has rolled out: " + actual);
        }
        return Verdict.fail(check, actual, expected, ref + ": " + actual + "; " + progress.waiting + blockingPod(context, selector));
    }

    /** Progress of one workload: ready and desired replicas, and what it still waits for (null when done). */
    private record Progress(int ready, int desired, String waiting) {
    }

    private static Progress deployment(Deployment d) {
        var status = d.getStatus();
        int desired = value(d.getSpec().getReplicas(), 1);
        int ready = status == null ? 0 : value(status.getReadyReplicas(), 0);
        int updated = status == null ? 0 : value(status.getUpdatedReplicas(), 0);
        int total = status == null ? 0 : value(status.getReplicas(), 0);
        int available = status == null ? 0 : value(status.getAvailableReplicas(), 0);
        long observed = status == null || status.getObservedGeneration() == null ? 0 : status.getObservedGeneration();
        String waiting;
        if (observed < value(d.getMetadata().getGeneration())) {
            waiting = "the controller has not seen the latest change yet";
        } else if (updated < desired) {
            waiting = updated + " of " + desired + (desired == 1 ? " replica runs" : " replicas run") + " the current template";
        } else if (total > updated) {
            waiting = (total - updated) + " old replicas are still terminating";
        } else if (available < updated || ready < desired) {
            waiting = available + " of " + updated + " updated replicas are available";
        } else {
            waiting = null;
        }
        return new Progress(ready, desired, waiting);
    }

    private static Progress statefulSet(StatefulSet s) {
        var status = s.getStatus();
        int desired = value(s.getSpec().getReplicas(), 1);
        int ready = status == null ? 0 : value(status.getReadyReplicas(), 0);
        int updated = status == null ? 0 : value(status.getUpdatedReplicas(), 0);
        long observed = status == null || status.getObservedGeneration() == null ? 0 : status.getObservedGeneration();
        String waiting;
        if (observed < value(s.getMetadata().getGeneration())) {
            waiting = "the controller has not seen the latest change yet";
        } else if (ready < desired) {
            waiting = ready + " of " + desired + (desired == 1 ? " pod is ready" : " pods are ready");
        } else if (updated < desired || !Objects.equals(status.getUpdateRevision(), status.getCurrentRevision())) {
            waiting = updated + " of " + desired + (desired == 1 ? " pod runs" : " pods run") + " the current revision";
        } else {
            waiting = null;
        }
        return new Progress(ready, desired, waiting);
    }

    private static Progress daemonSet(DaemonSet d) {
        var status = d.getStatus();
        int desired = status == null ? 0 : value(status.getDesiredNumberScheduled(), 0);
        int ready = status == null ? 0 : value(status.getNumberReady(), 0);
        int updated = status == null ? 0 : value(status.getUpdatedNumberScheduled(), 0);
        int available = status == null ? 0 : value(status.getNumberAvailable(), 0);
        long observed = status == null || status.getObservedGeneration() == null ? 0 : status.getObservedGeneration();
        String waiting;
        if (observed < value(d.getMetadata().getGeneration())) {
            waiting = "the controller has not seen the latest change yet";
        } else if (updated < desired) {
            waiting = updated + " of " + desired + (desired == 1 ? " node runs" : " nodes run") + " the current template";
        } else if (available < desired) {
            waiting = available + " of " + desired + (desired == 1 ? " pod is available" : " pods are available");
        } else {
            waiting = null;
        }
        return new Progress(ready, desired, waiting);
    }

    /** " — pod web-1 not ready: container nginx waiting (ImagePullBackOff)": the first pod that is not ready. */
    private static String blockingPod(CheckContext context, LabelSelector selector) {
        if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
            return "";
        }
        List<Pod> pods = context.client().pods().inNamespace(context.namespace())
                .withLabels(selector.getMatchLabels()).list().getItems();
        Optional<String> why = pods.stream().map(PodReadiness::whyNotReady).flatMap(Optional::stream).findFirst();
        return why.map(w -> " — " + w).orElse("");
    }

    private static int value(Integer number, int otherwise) {
        return number == null ? otherwise : number;
    }

    private static long value(Long number) {
        return number == null ? 0 : number;
    }
}
