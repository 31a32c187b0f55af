package dev.kubelessons.instructor;

import dev.kubelessons.runner.Ownership;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/** Names and labels of everything a workshop creates: namespaces {@code kl-<attendee>} (home) and {@code kl-<attendee>-<lesson>}. */
public final class WorkshopNames {

    public static final String PREFIX = "kl";
    public static final String ATTENDEE = "kubelessons.dev/attendee";
    /** "home" or "lesson": which of an attendee's namespaces this is. */
    public static final String SPACE = "kubelessons.dev/space";
    public static final String SERVICE_ACCOUNT = "attendee";
    public static final String ROLE = "kubelessons-attendee";
    public static final String ISOLATION_POLICY = "kubelessons-attendee-isolation";
    public static final String FIELD_MANAGER = "kubelessons-instructor";
    /** Selects every namespace any workshop provisioned; teardown deletes exactly these. */
    public static final String ALL_SELECTOR = Ownership.MANAGED_BY + "=" + Ownership.OWNER + "," + ATTENDEE;

    private WorkshopNames() {
    }

    public static String home(String attendee) {
        return PREFIX + "-" + attendee;
    }

    public static String lesson(String attendee, String lessonId) {
        return home(attendee) + "-" + lessonId;
    }

    /** The namespace prefix a LessonSandbox or runner uses for this attendee. */
    public static String prefix(String attendee) {
        return home(attendee);
    }

    public static Map<String, String> labels(String attendee) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Ownership.MANAGED_BY, Ownership.OWNER);
        labels.put(ATTENDEE, attendee);
        return labels;
    }

    public static Map<String, String> namespaceLabels(String attendee, String lessonId) {
        Map<String, String> labels = labels(attendee);
        labels.put(SPACE, lessonId == null ? "home" : "lesson");
        if (lessonId != null) {
            labels.put(Ownership.LESSON, lessonId);
        }
        return labels;
    }

    public static String attendeeOf(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? null : labels.get(ATTENDEE);
    }
}
