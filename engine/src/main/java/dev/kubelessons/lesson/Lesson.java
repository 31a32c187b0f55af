package dev.kubelessons.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed lesson: its front matter (paths maps each learning path to the lesson's
 * position on it), the introduction before the first step, the steps, and the diagrams drawn anywhere
 * in its prose (they stay in the prose, where they are shown; they are listed here for lint).
 * {@code cluster} names the lesson's own kind cluster ({@code kubelessons-<name>}, from
 * {@code cluster/kind-<name>.yaml}) when its exercises would spoil the course's cluster. {@code fingerprint}
 * names the bytes it was parsed from (a cache of results about this lesson keys on it, never on the file read again).
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
        List<Diagram> diagrams,
        Path source,
        Optional<String> cluster,
        SourceFingerprint fingerprint) {

    public Lesson {
        // In the course's declared order (the site lists a lesson's paths that way), read-only.
        paths = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(paths));
        prerequisites = List.copyOf(prerequisites);
        objectives = List.copyOf(objectives);
        images = List.copyOf(images);
        steps = List.copyOf(steps);
        diagrams = List.copyOf(diagrams);
    }

    public List<CheckSpec> checks() {
        return steps.stream().flatMap(s -> s.checks().stream()).toList();
    }

    public List<Block> blocks(BlockRole role) {
        return steps.stream().flatMap(s -> s.blocks(role).stream()).toList();
    }

    /** The incidents of a drill, in file order; empty for an ordinary lesson. */
    public List<Fault> faults() {
        return blocks(BlockRole.FAULT).stream().flatMap(b -> b.fault().stream()).toList();
    }

    /** Every fault's break and restore blocks: manifests or kubectl commands, checked by lint like solutions. */
    public List<Block> faultActions() {
        return faults().stream().flatMap(f -> java.util.stream.Stream.of(f.breaks(), f.restores())).toList();
    }

    /** Whether only a data plane can show {@code fault}: the author says so, or every check that catches it needs one. */
    public boolean needsDataPlane(Fault fault) {
        return fault.needsDataPlane() || fault.isClusterLevel() || checks().stream().filter(c -> fault.caughtBy().contains(c.info().id()))
                .allMatch(CheckSpec::needsDataPlane);
    }

    /** A drill breaks a healthy system and the learner restores it: its checks describe the healthy state. */
    public boolean isDrill() {
        return !blocks(BlockRole.FAULT).isEmpty();
    }

    /** This lesson's position on a path; lessons not on the path sort last. */
    public int positionOn(LearningPath path) {
        return paths.getOrDefault(path, Integer.MAX_VALUE);
    }

    public String runCommand() {
        return Launcher.command(id);
    }
}
