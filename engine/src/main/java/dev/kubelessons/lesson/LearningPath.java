package dev.kubelessons.lesson;

import java.util.regex.Pattern;

/**
 * A route through a course, as its course file declares it: an id lessons name in their front matter
 * ({@code paths: {top-down: 3}}), a title and the sentence that says whom it is for. Two paths are the same
 * path when their ids are equal.
 */
public record LearningPath(String id, String title, String audience) {

    /** Lowercase words joined by dashes: safe in a URL fragment, a CSS id and a YAML key. */
    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** A path known only by its id (a lessons folder without a course file): titled by its id. */
    public static LearningPath named(String id) {
        return new LearningPath(id, id, "");
    }

    /** The audience sentence, under the name the site's templates and older callers use. */
    public String summary() {
        return audience;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LearningPath path && path.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
