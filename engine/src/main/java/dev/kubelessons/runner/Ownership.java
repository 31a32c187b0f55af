package dev.kubelessons.runner;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/** The labels that mark what kubelessons created; the engine only changes objects that carry them. */
public final class Ownership {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String OWNER = "kubelessons";
    public static final String LESSON = "kubelessons.dev/lesson";

    private Ownership() {
    }

    public static Map<String, String> labels(String lessonId) {
        return Map.of(MANAGED_BY, OWNER, LESSON, lessonId);
    }

    public static boolean ours(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels != null && OWNER.equals(labels.get(MANAGED_BY));
    }

    /** Adds our labels to an object about to be applied, keeping the author's own. */
    public static void mark(HasMetadata object, String lessonId) {
        var metadata = object.getMetadata();
        java.util.Map<String, String> labels = metadata.getLabels() == null ? new java.util.HashMap<>() : new java.util.HashMap<>(metadata.getLabels());
        labels.putAll(labels(lessonId));
        metadata.setLabels(labels);
    }
}
