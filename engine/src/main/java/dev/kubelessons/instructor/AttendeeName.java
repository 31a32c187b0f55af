package dev.kubelessons.instructor;

import dev.kubelessons.failure.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates attendee names: each becomes part of namespace names, so it must be a DNS label that leaves room for the lesson id. */
public final class AttendeeName {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    /** Kubernetes namespace names are DNS labels of at most 63 characters. */
    private static final int NAMESPACE_MAX = 63;

    private AttendeeName() {
    }

    /** Returns the names in order, or throws a UserInputException (exit 2) naming the first bad one and why. */
    public static List<String> validate(List<String> names, List<String> lessonIds) {
        int longestLesson = lessonIds.stream().mapToInt(String::length).max().orElse(0);
        int max = NAMESPACE_MAX - WorkshopNames.PREFIX.length() - 2 - longestLesson;
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            if (!DNS_LABEL.matcher(name).matches()) {
                throw new UserInputException("attendee name '" + printable(name) + "' is not a DNS label",
                        "use lower-case letters, digits and '-', starting and ending with a letter or digit, e.g. alice or team-3");
            }
            if (name.length() > max) {
                throw new UserInputException("attendee name '" + name + "' is " + name.length() + " characters; at most " + max
                        + " fit in a namespace name next to the longest lesson id", "use a shorter name");
            }
            for (String lesson : lessonIds) {
                // kl-<a>-<lesson> must never equal another attendee's home kl-<b>: forbid names ending in a lesson id.
                if (name.endsWith("-" + lesson) || name.equals(lesson)) {
                    throw new UserInputException("attendee name '" + name + "' ends with the lesson id " + lesson
                            + ", so its namespaces could collide with another attendee's", "choose a name that does not end with a lesson id");
                }
            }
            if (!seen.add(name)) {
                throw new UserInputException("attendee name '" + name + "' is given twice", "give each attendee a distinct name");
            }
        }
        if (seen.isEmpty()) {
            throw new UserInputException("no attendees", "pass --attendees N or --names a,b,c");
        }
        return new ArrayList<>(seen);
    }

    /** N generated names: attendee-01 ... attendee-N, zero-padded so they sort in order on the board. */
    public static List<String> numbered(int count) {
        if (count < 1 || count > 2000) {
            throw new UserInputException("--attendees must be between 1 and 2000, not " + count, "e.g. --attendees 30");
        }
        int width = Math.max(2, String.valueOf(count).length());
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("attendee-" + String.format("%0" + width + "d", i));
        }
        return names;
    }

    /** Control characters would garble the terminal the error is printed on. */
    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }
}
