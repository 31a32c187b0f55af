package dev.kubelessons.markdown;

import dev.kubelessons.lesson.Course;
import dev.kubelessons.lesson.LearningPath;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads every lesson of a lessons folder. Files whose name is all capitals (README.md,
 * CATALOG.md) are documentation, not lessons. Cross-lesson rules are applied here: unique ids, and
 * {@link PrerequisiteRules}. The site, the runner and lint all load lessons through this class.
 */
public final class CourseLoader {

    /** The largest lesson file the loader reads (1 MiB, lessons/README.md); a larger one is a problem at its line 1, never read. */
    public static final int MAX_LESSON_BYTES = LessonText.MAX_BYTES;

    private final LessonParser parser;
    private final java.util.Optional<List<LearningPath>> declaredPaths;

    /** A loader for a lessons folder without a course file: its paths are those its lessons name. */
    public CourseLoader() {
        this.parser = new LessonParser();
        this.declaredPaths = java.util.Optional.empty();
    }

    /** A loader for a course whose course file declares {@code paths}, in their order. */
    public CourseLoader(List<LearningPath> paths) {
        this.parser = new LessonParser(paths);
        this.declaredPaths = java.util.Optional.of(List.copyOf(paths));
    }

    /** The course (clean lessons only), every parsed file, and every problem found in any file. */
    public record Loaded(Course course, List<ParsedLesson> files, List<Problem> problems) {
        /** Every lesson that could be built, including those with problems. */
        public List<Lesson> allLessons() {
            return files.stream().flatMap(f -> f.lesson().stream()).toList();
        }

        public boolean clean() {
            return problems.isEmpty();
        }
    }

    public Loaded load(Path lessonsDir) {
        if (!Files.isDirectory(lessonsDir)) {
            throw new LessonsFolderException(lessonsDir);
        }
        // Files parse independently (the parser keeps no state between files), so on every core; order is kept.
        return assemble(lessonFiles(lessonsDir).parallelStream().map(this::parse).toList());
    }

    /**
     * The course from files parsed earlier, with the cross-lesson rules applied: what {@link #load}
     * returns, for a caller that re-parsed only the files that changed (the site under --serve).
     */
    public Loaded assemble(List<ParsedLesson> files) {
        List<Problem> problems = new ArrayList<>();
        files.forEach(f -> problems.addAll(f.problems()));
        List<Lesson> lessons = files.stream().flatMap(f -> f.lesson().stream()).toList();
        problems.addAll(crossLessonProblems(lessons, unparsedIds(files)));
        Set<Lesson> duplicates = duplicateIds(lessons);
        // The course holds only lessons that parsed cleanly; lint still sees the others through files().
        List<Lesson> clean = files.stream().filter(ParsedLesson::clean).flatMap(f -> f.lesson().stream())
                .filter(l -> !duplicates.contains(l)).toList();
        return new Loaded(declaredPaths.map(paths -> new Course(clean, paths)).orElseGet(() -> new Course(clean)), files, problems);
    }

    public ParsedLesson parse(Path file) {
        try {
            // The size first: reading a file of gigabytes whole only to refuse it ran out of memory.
            long size = Files.size(file);
            if (LessonText.tooLarge(size)) {
                return new ParsedLesson(file, java.util.Optional.empty(), List.of(LessonText.tooLarge(file, size)));
            }
            return parser.parse(file, readAtMostOverLimit(file));
        } catch (IOException e) {
            return new ParsedLesson(file, java.util.Optional.empty(), List.of(new Problem(SourcePosition.of(file, 1, 1),
                    "cannot read the file: " + e.getMessage(), "check that it exists and is readable")));
        }
    }

    /** The file's bytes, but never more than one byte over the limit: a file that grew after its size was read is still refused, not read whole. */
    private static byte[] readAtMostOverLimit(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(LessonText.MAX_BYTES + 1);
        }
    }

    public static List<Path> lessonFiles(Path lessonsDir) {
        try (Stream<Path> stream = Files.list(lessonsDir)) {
            return stream.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !isDocumentation(p))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isDocumentation(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.md$", "");
        return stem.equals(stem.toUpperCase(java.util.Locale.ROOT)) && stem.chars().anyMatch(Character::isLetter);
    }

    /**
     * The ids of lesson files that built no lesson, by file name (the id must equal it): still lessons to those that
     * name them, or one broken lesson would bring a false "is not a lesson" to every lesson after it.
     */
    private static Set<String> unparsedIds(List<ParsedLesson> files) {
        return files.stream().filter(f -> f.lesson().isEmpty())
                .map(f -> f.file().getFileName().toString().replaceFirst("\\.md$", "")).collect(Collectors.toSet());
    }

    private static List<Problem> crossLessonProblems(List<Lesson> lessons, Set<String> unparsed) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Lesson> byId = new HashMap<>();
        for (Lesson lesson : lessons) {
            Lesson earlier = byId.putIfAbsent(lesson.id(), lesson);
            if (earlier != null) {
                problems.add(new Problem(inFrontMatter(lesson.source(), "id", lesson.id()), "duplicate lesson id '" + lesson.id() + "', also used by " + earlier.source().getFileName(),
                        "give each lesson its own id"));
            }
        }
        problems.addAll(new PrerequisiteRules(byId, unparsed).problems(lessons));
        return problems;
    }

    /**
     * Where a front matter field holds a value: the value's own line and column (a prerequisite on its
     * '- ' line or inside '[...]'), found again in the file's text since the model keeps no positions.
     * Only problems need it, so the file is read again only for them. Line 2, the first field, if not found.
     */
    static SourcePosition inFrontMatter(Path file, String key, String value) {
        try {
            List<String> lines = Files.readAllLines(file);
            boolean underKey = false;
            for (int i = 1; i < lines.size() && !lines.get(i).strip().equals("---"); i++) {
                String line = lines.get(i);
                int from = 0;
                if (line.startsWith(key + ":")) {
                    underKey = true;
                    from = key.length() + 1;
                } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("-")) {
                    underKey = false; // the next top-level field
                }
                int at = underKey ? wordAt(line, value, from) : -1;
                if (at >= 0) {
                    return SourcePosition.of(file, i + 1, at + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable now: the field's usual place below.
        }
        return SourcePosition.of(file, 2, 1);
    }

    /** The index of {@code word} in {@code line} from {@code from}, standing alone (not part of a longer id). */
    private static int wordAt(String line, String word, int from) {
        for (int at = line.indexOf(word, from); at >= 0; at = line.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !isIdChar(line.charAt(at - 1))) && (end == line.length() || !isIdChar(line.charAt(end)))) {
                return at;
            }
        }
        return -1;
    }

    private static boolean isIdChar(char c) {
        return c == '-' || Character.isLetterOrDigit(c);
    }

    /** By identity: a Lesson's own hashCode walks its whole text, and this set is asked about every lesson. */
    private static Set<Lesson> duplicateIds(List<Lesson> lessons) {
        Map<String, List<Lesson>> byId = lessons.stream().collect(Collectors.groupingBy(Lesson::id));
        Set<Lesson> duplicates = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        byId.values().stream().filter(l -> l.size() > 1).flatMap(l -> l.stream().skip(1)).forEach(duplicates::add);
        return duplicates;
    }
}
