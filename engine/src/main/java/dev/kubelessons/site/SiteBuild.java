package dev.kubelessons.site;

import dev.kubelessons.course.CourseFile;
import dev.kubelessons.course.CourseFileReader;
import dev.kubelessons.lesson.Launcher;
import dev.kubelessons.markdown.CourseLoader;
import dev.kubelessons.markdown.NoLessonsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds of the site: load the lessons through the shared loader, refuse if any has a problem,
 * render into a fresh folder and swap it in. Any failure leaves the previous site intact. After a
 * full build, {@link #update} rewrites only what a change to lesson files touched.
 */
public final class SiteBuild {

    /** What a successful full build wrote. */
    public record Result(Path out, int lessons, int pages) {
    }

    /** What a rebuild after a change wrote: every page (full) or only the files listed. */
    public record Update(Result result, boolean full, List<Path> rewritten) {
    }

    private final Path lessons;
    private final Path templates;
    private final Path out;
    private IncrementalBuild incremental;
    private Supplier<IncrementalBuild> lastBuild;

    private boolean allowEmpty;
    private CourseFile course;
    private DiagramCache diagrams = DiagramCache.NONE;

    public SiteBuild(Path lessons, Path templates, Path out) {
        this.lessons = lessons.toAbsolutePath().normalize();
        this.templates = templates.toAbsolutePath().normalize();
        this.out = out.toAbsolutePath().normalize();
        this.course = CourseFileReader.beside(this.lessons);
    }

    /** The course the site presents (title, footer, paths, run command); without one, a bare folder's neutral values. */
    public SiteBuild course(CourseFile course) {
        this.course = course;
        return this;
    }

    /** Diagrams drawn by earlier builds, kept in the user's cache folder (none by default: every diagram is drawn). */
    public SiteBuild diagramCache(DiagramCache cache) {
        this.diagrams = cache;
        return this;
    }

    public Path out() {
        return out;
    }

    /** Builds even from a folder without lessons; by default that is refused, so a wrong --lessons never empties a good site. */
    public SiteBuild allowEmpty(boolean allow) {
        this.allowEmpty = allow;
        return this;
    }

    public Result run() {
        incremental = null;
        lastBuild = null;
        checkOutputFolder();
        CourseLoader loader = course.declaresPaths() ? new CourseLoader(course.paths()) : new CourseLoader();
        CourseLoader.Loaded loaded = loader.load(lessons);
        if (!loaded.problems().isEmpty()) {
            throw problems(loaded);
        }
        if (loaded.course().lessons().isEmpty() && !allowEmpty) {
            throw new SiteBuildException("no lessons in " + lessons + ", so the site would be empty; " + out + " is left as it is",
                    NoLessonsException.nextStep(lessons) + "; or pass --allow-empty to build a site without lessons");
        }
        SiteRenderer renderer = new SiteRenderer(templates, course, diagrams);
        renderer.drawAhead(loaded.course());
        // In UTF-8 from the start, on every core: half the memory of the Strings, and streamed into the index, never one 25 MB String.
        List<byte[]> searchEntries = loaded.course().lessons().parallelStream().map(SearchIndexWriter::utf8Entry).toList();
        int[] pages = {0};
        try {
            new AtomicDirectory(out).replace(dir -> pages[0] = renderer.render(loaded.course(), searchEntries, dir));
        } catch (IOException e) {
            throw new SiteBuildException("cannot write the site to " + out + ": " + e, "check that its parent folder is writable, or pass --out DIR");
        }
        // What a later update() starts from; its bookkeeping is made only if one comes (under --serve).
        lastBuild = () -> new IncrementalBuild(loader, lessons, out, renderer, loaded, searchEntries);
        return new Result(out, loaded.course().lessons().size(), pages[0]);
    }

    /**
     * Rebuilds after the watcher saw these files change: only the affected files when all of them
     * are lesson files (directly in the lessons folder) and the last build succeeded; else in full.
     */
    public Update update(Set<Path> changed) {
        boolean lessonsOnly = changed.stream().allMatch(p -> lessons.equals(p.toAbsolutePath().normalize().getParent())
                && !Files.isDirectory(p));
        if (incremental == null && lastBuild != null) {
            incremental = lastBuild.get();
        }
        if (incremental == null || !lessonsOnly) {
            return new Update(run(), true, List.of());
        }
        Set<Path> normalized = changed.stream().map(p -> p.toAbsolutePath().normalize()).collect(Collectors.toSet());
        try {
            List<Path> rewritten = incremental.update(normalized);
            return new Update(new Result(out, incremental.lessonCount(), incremental.lessonCount() + 1), false, rewritten);
        } catch (IOException e) {
            throw new SiteBuildException("cannot write the site to " + out + ": " + e, "check that it is writable, or pass --out DIR");
        }
    }

    static SiteBuildException problems(CourseLoader.Loaded loaded) {
        int count = loaded.problems().size();
        return new SiteBuildException(count + " problem" + (count == 1 ? "" : "s") + " in the lessons; the site was not rebuilt",
                "fix them ('" + Launcher.command("lint") + "' lists them too) and build again", loaded.problems());
    }

    /** The swap deletes the old folder, so it must be one we generated, and must not hold the sources. */
    private void checkOutputFolder() {
        if (lessons.startsWith(out) || templates.startsWith(out) || course.templates().filter(t -> t.startsWith(out)).isPresent()) {
            throw new SiteBuildException("the output folder " + out + " contains the lessons or templates",
                    "pass --out DIR with a folder of its own, e.g. site/");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new SiteBuildException("the output " + out + " is a file, not a folder", "pass --out DIR with a folder");
        }
        if (Files.isDirectory(out) && !Files.exists(out.resolve(SiteRenderer.MARKER)) && !isEmpty(out)) {
            throw new SiteBuildException("the output folder " + out + " is not empty and was not made by '" + Launcher.command("site") + "'; it would be replaced",
                    "pass --out DIR with an empty or new folder, or delete that folder yourself");
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new SiteBuildException("cannot read the output folder " + dir + ": " + e.getMessage(), "check its permissions");
        }
    }
}
