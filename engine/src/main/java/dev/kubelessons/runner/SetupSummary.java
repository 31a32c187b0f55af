package dev.kubelessons.runner;

import dev.kubelessons.lesson.Block;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A setup block in words ("the runner created Deployment my-nginx: 1 replica of nginx:1.27"), so a
 * step never says "this is what the runner set up" and then shows nothing. The manifest itself is a
 * key away (the solution view), not in the way of the prose.
 */
public final class SetupSummary {

    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    private SetupSummary() {
    }

    /** One sentence per object; the block's raw size when it cannot be read (lint reports that). */
    public static List<String> describe(Block setup) {
        List<String> sentences = new ArrayList<>();
        if (setup.isNodeScript()) {
            long lines = setup.content().lines().filter(l -> !l.isBlank() && !l.strip().startsWith("#")).count();
            return List.of("The runner ran a script of " + Counted.of((int) lines, "line") + " on the node " + setup.node().get()
                    + " (where nodes can be entered: kind).");
        }
        for (String document : setup.content().split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            try {
                GenericKubernetesResource object = YAML.unmarshal(document, GenericKubernetesResource.class);
                sentences.add("The runner created " + object.getKind() + " " + object.getMetadata().getName() + details(object) + ".");
            } catch (RuntimeException e) {
                sentences.add("The runner applied a manifest of " + document.strip().split("\n").length + " lines.");
            }
        }
        return sentences;
    }

    @SuppressWarnings("unchecked")
    private static String details(GenericKubernetesResource object) {
        Map<String, Object> spec = object.getAdditionalProperties().get("spec") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        List<String> parts = new ArrayList<>();
        if (spec.get("replicas") instanceof Number replicas) {
            parts.add(Counted.of(replicas.intValue(), "replica"));
        }
        Object template = spec.get("template");
        Object podSpec = template instanceof Map<?, ?> t ? t.get("spec") : "Pod".equals(object.getKind()) ? spec : null;
        if (podSpec instanceof Map<?, ?> pod && pod.get("containers") instanceof List<?> containers) {
            List<String> images = containers.stream().map(c -> c instanceof Map<?, ?> cm ? cm.get("image") : null)
                    .filter(Objects::nonNull).map(Object::toString).toList();
            if (!images.isEmpty()) {
                parts.add((parts.isEmpty() ? "" : "of ") + String.join(", ", images));
            }
        }
        if (spec.get("type") instanceof String type) {
            parts.add("type " + type);
        }
        if (spec.get("selector") instanceof Map<?, ?> selector && "Service".equals(object.getKind())) {
            parts.add("selector " + selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()
                    .toString().replaceAll("[\\[\\] ]", ""));
        }
        return parts.isEmpty() ? "" : ": " + String.join(" ", parts).replace(" type", ", type").replace(" selector", ", selector");
    }
}
