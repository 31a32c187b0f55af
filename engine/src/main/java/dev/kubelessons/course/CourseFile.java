package dev.kubelessons.course;

import dev.kubelessons.lesson.LearningPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A course's own facts, from its course file (course.yaml): what the site and the runner show of it. The engine
 * holds nothing course-specific; a lessons folder without a course file gets neutral values ({@link #bare}).
 *
 * @param folder    the course folder (holding course.yaml, lessons/ and the course's jbang-catalog.json)
 * @param title     the course's name: the site's heading, page titles and brand
 * @param summary   a paragraph under the title on the index (plain text)
 * @param footer    the line at the bottom of every page (plain text)
 * @param run       what a learner types before a lesson id, shown in the "Run it" box ("jbang lesson")
 * @param paths     the learning paths in their declared order; empty only for a bare folder
 * @param templates a folder of templates overriding the engine's own, file by file
 */
public record CourseFile(Path folder, String title, String summary, String footer, String run,
                         List<LearningPath> paths, Optional<Path> templates) {

    /** The course file's name, found by walking up from the working directory as mdBook finds book.toml. */
    public static final String NAME = "course.yaml";
    /** The run command when the course file names none: the course's own catalog's alias, through jbang. */
    public static final String DEFAULT_RUN = "jbang lesson";

    public CourseFile {
        paths = List.copyOf(paths);
    }

    /** A lessons folder without a course file: titled by its folder, paths as its lessons name them. */
    public static CourseFile bare(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return new CourseFile(folder, name == null ? "Lessons" : name.toString(), "", "", DEFAULT_RUN, List.of(), Optional.empty());
    }

    /** Whether the course file declared its paths (a bare folder did not). */
    public boolean declaresPaths() {
        return !paths.isEmpty();
    }

    /** The command that runs one lesson, e.g. "jbang lesson 03-clusterip". */
    public String runCommand(String lessonId) {
        return run + " " + lessonId;
    }

    public Path file() {
        return folder.resolve(NAME);
    }
}
