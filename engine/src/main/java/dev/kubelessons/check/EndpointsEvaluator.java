package dev.kubelessons.check;

import dev.kubelessons.lesson.CheckSpec;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evaluates {@code endpoints}: counts ready endpoints in the Service's EndpointSlices and, when the count
 * is wrong, explains it from the Service's selector and the pods it matches.
 */
final class EndpointsEvaluator {

    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";
    private static final int MAX_LABEL_SETS = 3;

    Verdict evaluate(CheckSpec.Endpoints check, CheckContext context) {
        String ns = context.namespace();
        Service service = context.client().services().inNamespace(ns).withName(check.service()).get();
        String expected = check.count() + (check.count() == 1 ? " ready endpoint" : " ready endpoints");
        if (service == null) {
            return Verdict.fail(check, "no Service", expected,
                    "Service " + check.service() + " does not exist in namespace " + ns);
        }
        List<EndpointSlice> slices = context.client().discovery().v1().endpointSlices().inNamespace(ns)
                .withLabel(SERVICE_NAME_LABEL, check.service()).list().getItems();
        int ready = readyEndpoints(slices);
        String actual = ready + (ready == 1 ? " ready endpoint" : " ready endpoints");
        String summary = "Service " + check.service() + " has " + actual;
        if (ready == check.count()) {
            return Verdict.pass(check, actual, summary);
        }
        return Verdict.fail(check, actual, expected, summary + "; expected " + check.count() + " — " + why(context, service));
    }

    /** Distinct ready endpoints over all slices; a missing ready condition counts as ready, as the API documents. */
    static int readyEndpoints(List<EndpointSlice> slices) {
        Set<String> ready = new HashSet<>();
        for (EndpointSlice slice : slices) {
            if (slice.getEndpoints() == null) {
                continue;
            }
            for (Endpoint endpoint : slice.getEndpoints()) {
                boolean isReady = endpoint.getConditions() == null || endpoint.getConditions().getReady() == null
                        || endpoint.getConditions().getReady();
                if (isReady) {
                    // Dual-stack Services list a pod once per address family: count the pod, not the address.
                    ready.add(endpoint.getTargetRef() != null && endpoint.getTargetRef().getUid() != null
                            ? endpoint.getTargetRef().getUid() : String.join(",", endpoint.getAddresses()));
                }
            }
        }
        return ready.size();
    }

    /** "selector app=web matches 0 ready pods (pods here are labelled app=nginx)". */
    private static String why(CheckContext context, Service service) {
        Map<String, String> selector = service.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            return "the Service has no selector, so Kubernetes does not manage its endpoints";
        }
        List<Pod> matching = context.client().pods().inNamespace(context.namespace()).withLabels(selector).list().getItems();
        long readyPods = matching.stream().filter(PodReadiness::ready).count();
        String text = "selector " + PodReadiness.selector(selector) + " matches " + readyPods + (readyPods == 1 ? " ready pod" : " ready pods");
        if (matching.size() > readyPods) {
            text += " of " + matching.size() + matching.stream().map(PodReadiness::whyNotReady).flatMap(Optional::stream)
                    .findFirst().map(w -> " (" + w + ")").orElse("");
        }
        if (matching.isEmpty()) {
            // A mismatch is the classic mistake: show what the pods are actually labelled.
            Set<String> labelSets = context.client().pods().inNamespace(context.namespace()).list().getItems().stream()
                    .map(p -> PodReadiness.selector(withoutControllerLabels(p.getMetadata().getLabels())))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            if (!labelSets.isEmpty()) {
                text += "; pods in the namespace are labelled " + labelSets.stream().limit(MAX_LABEL_SETS)
                        .collect(Collectors.joining(" | ")) + (labelSets.size() > MAX_LABEL_SETS ? " | …" : "");
            }
        }
        return text;
    }

    /** pod-template-hash and its kin are set by controllers, never selected by a Service: leave them out. */
    private static Map<String, String> withoutControllerLabels(Map<String, String> labels) {
        if (labels == null) {
            return Map.of();
        }
        Map<String, String> kept = new java.util.TreeMap<>(labels);
        kept.keySet().removeAll(Set.of("pod-template-hash", "controller-revision-hash", "pod-template-generation"));
        return kept;
    }
}
