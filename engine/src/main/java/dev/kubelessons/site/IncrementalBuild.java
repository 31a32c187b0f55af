package dev.kubelessons.site;

import dev.kubelessons.lesson.Course;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.CourseLoader;
import dev.kubelessons.markdown.ParsedLesson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A built site kept up to date after lesson files change (under --serve): only the changed files
 * are parsed again, and only these files are rewritten: the pages of lessons that changed, the
 * pages whose previous/next or prerequisite links changed with them, the index when a lesson's
 * card on it changed, and the search index. Each file is replaced by a rename, so the server never sends half a page. Templates are
 * not its business: a template change means a full build.
 */
final class IncrementalBuild {

    private final CourseLoader loader;
    private final Path lessonsDir;
    private final Path out;
    private final SiteRenderer renderer;
    private final Map<Path, ParsedLesson> files = new TreeMap<>();
    // What the site on disk was rendered from: lesson by id, what each page shows of other lessons, search entries.
    private Map<String, Lesson> lessons = new HashMap<>();
    private Map<String, String> links = new HashMap<>();
    // UTF-8, ready to write: the 7.7 MB index of 1,000 lessons is most of an update, encoding it again most of that.
    private Map<String, byte[]> searchEntries = new HashMap<>();
    private Map<String, SiteViews.LessonCard> cards = new HashMap<>();

    /** @param searchEntries what the full build wrote into the search index, one per lesson in course order */
    IncrementalBuild(CourseLoader loader, Path lessonsDir, Path out, SiteRenderer renderer, CourseLoader.Loaded built, List<byte[]> searchEntries) {
        this.loader = loader;
        this.lessonsDir = lessonsDir;
        this.out = out;
        this.renderer = renderer;
        built.files().forEach(f -> files.put(f.file(), f));
        remember(built.course(), searchEntries);
    }

    /**
     * Brings the site up to date after the watcher saw these lesson files change (absolute paths).
     * @return the files rewritten or deleted
     */
    List<Path> update(Set<Path> changed) throws IOException {
        renderer.reloadTemplates();
        reparse(changed);
        CourseLoader.Loaded loaded = loader.assemble(new ArrayList<>(files.values()));
        if (!loaded.problems().isEmpty()) {
            throw SiteBuild.problems(loaded);
        }
        Course course = loaded.course();
        LessonPageBuilder pages = renderer.pages(course);
        CoursePaths paths = new CoursePaths(course);
        List<Path> written = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Lesson lesson : course.lessons()) {
            ids.add(lesson.id());
            // An unchanged file keeps its parsed Lesson object: identity says "this lesson did not change".
            if (lessons.get(lesson.id()) != lesson || !linksOf(course, paths, lesson).equals(links.get(lesson.id()))) {
                written.add(replace(LessonCards.href(lesson.id()), renderer.lesson(pages, lesson)));
            }
        }
        renderer.writeHighlighting(out);
        for (String gone : lessons.keySet()) {
            if (!ids.contains(gone) && Files.deleteIfExists(out.resolve(LessonCards.href(gone)))) {
                written.add(out.resolve(LessonCards.href(gone)));
            }
        }
        // The index shows cards (title, summary, paths, checks...), not bodies: an edited body leaves it as it is. Every card
        // is made again: a lesson added to a path moves the "n of N" of all the others.
        List<SiteViews.LessonCard> newCards = course.lessons().stream().map(l -> LessonCards.of(l, paths)).toList();
        if (!newCards.equals(course.lessons().stream().map(l -> cards.get(l.id())).toList()) || lessons.size() != course.lessons().size()) {
            written.add(replace(SiteRenderer.INDEX, renderer.index(course)));
        }
        Map<String, byte[]> previousEntries = searchEntries;
        Map<String, Lesson> previousLessons = lessons;
        List<byte[]> entries = course.lessons().stream().map(l -> previousLessons.get(l.id()) == l && previousEntries.containsKey(l.id())
                ? previousEntries.get(l.id()) : SearchIndexWriter.utf8Entry(l)).toList();
        written.add(replace(SearchIndexWriter.FILE, stream -> SearchIndexWriter.write(entries, stream)));
        remember(course, entries);
        return written;
    }

    int lessonCount() {
        return lessons.size();
    }

    /** Parses again the lesson files the watcher named and files new to the folder; forgets deleted ones. */
    private void reparse(Set<Path> changed) {
        List<Path> current = CourseLoader.lessonFiles(lessonsDir);
        files.keySet().retainAll(new HashSet<>(current));
        for (Path file : current) {
            if (!files.containsKey(file) || changed.contains(file)) {
                files.put(file, loader.parse(file));
            }
        }
    }

    private void remember(Course course, List<byte[]> entries) {
        CoursePaths paths = new CoursePaths(course);
        Map<String, Lesson> byId = new HashMap<>();
        Map<String, String> linksById = new HashMap<>();
        Map<String, byte[]> entriesById = new HashMap<>();
        Map<String, SiteViews.LessonCard> cardsById = new HashMap<>();
        List<Lesson> all = course.lessons();
        for (int i = 0; i < all.size(); i++) {
            Lesson lesson = all.get(i);
            byId.put(lesson.id(), lesson);
            linksById.put(lesson.id(), linksOf(course, paths, lesson));
            entriesById.put(lesson.id(), entries.get(i));
            cardsById.put(lesson.id(), LessonCards.of(lesson, paths));
        }
        lessons = byId;
        links = linksById;
        searchEntries = entriesById;
        cards = cardsById;
    }

    /** Everything a lesson page shows of other lessons: previous and next on each path with its position, prerequisites (ids and titles). */
    private static String linksOf(Course course, CoursePaths paths, Lesson lesson) {
        StringBuilder key = new StringBuilder(paths.pagers(lesson).toString());
        for (String id : lesson.prerequisites()) {
            key.append('\u0001').append(id).append('\u0000').append(course.lesson(id).map(Lesson::title).orElse(""));
        }
        return key.toString();
    }

    private Path replace(String name, String text) throws IOException {
        return replace(name, stream -> stream.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes a file's bytes. */
    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream stream) throws IOException;
    }

    private Path replace(String name, Content content) throws IOException {
        Path target = out.resolve(name);
        Path temp = out.resolve("." + name + ".new");
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
            content.writeTo(stream);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
