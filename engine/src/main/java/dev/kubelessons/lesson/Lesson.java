package dev.kubelessons.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed lesson: its front matter (paths maps each learning path to the lesson's
 * position on it), the introduction before the first step, and the steps.
 * Immutable; the site, the runner and lint all read this same model.
 */
public record Lesson(
        String id,
        String title,
        Map<LearningPath, Integer> paths,
        int durationMinutes,
        List<String> prerequisites,
        List<String> objectives,
        List<String> images,
        String summary,
        Prose introduction,
        List<Step> steps,
        Path source) {

    public Lesson {
        paths = Map.copyOf(paths);
        prerequisites = List.copyOf(prerequisites);
        objectives = List.copyOf(objectives);
        images = List.copyOf(images);
        steps = List.copyOf(steps);
    }

    public List<CheckSpec> checks() {
        return steps.stream().flatMap(s -> s.checks().stream()).toList();
    }

    public List<Block> blocks(BlockRole role) {
        return steps.stream().flatMap(s -> s.blocks(role).stream()).toList();
    }

    /** This lesson's position on a path; lessons not on the path sort last. */
    public int positionOn(LearningPath path) {
        return paths.getOrDefault(path, Integer.MAX_VALUE);
    }

    public String runCommand() {
        return "jbang lesson " + id;
    }
}
