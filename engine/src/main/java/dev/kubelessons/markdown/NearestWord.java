package dev.kubelessons.markdown;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known word an author most likely meant ({@code target_port} -> {@code targetPort}). */
public final class NearestWord {

    private NearestWord() {
    }

    public static Optional<String> in(Collection<String> known, String typed) {
        String wanted = normalise(typed);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(normalise(candidate), wanted);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // Case and separators are free (snake_case vs camelCase); beyond that allow about a third of the word.
        int allowed = Math.max(1, wanted.length() / 3);
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** "did you mean ...?" text, or empty. */
    public static String suggestion(Collection<String> known, String typed) {
        return in(known, typed).map(w -> " (did you mean '" + w + "'?)").orElse("");
    }

    private static String normalise(String word) {
        return word.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
