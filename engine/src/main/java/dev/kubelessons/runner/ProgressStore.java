package dev.kubelessons.runner;

import dev.kubelessons.cluster.UserDirs;
import dev.kubelessons.cluster.WritableFolder;
import dev.kubelessons.failure.PrerequisiteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A learner's progress (passed checks, finished lessons) in the user's state folder, as
 * versioned JSON written atomically. A file that cannot be read is kept aside, not lost.
 */
public final class ProgressStore {

    public static final int SCHEMA_VERSION = 1;
    /** Moves the state folder, progress.json with it (see {@link UserDirs}). */
    private static final String STATE_VARIABLE = "KUBELESSONS_STATE";

    /**
     * Progress in one lesson. {@code solvedByRunner}: finished by --solve or fast-forward, not by the learner;
     * {@code unprovenChecks}: checks that need a data plane and were skipped (finished on kwok). Files written
     * before these fields existed read as finished by the learner with every check proven.
     */
    public record LessonProgress(TreeSet<String> passedChecks, Optional<String> finishedAt, boolean solvedByRunner,
                                 int unprovenChecks, Optional<String> cluster) {
        public LessonProgress(TreeSet<String> passedChecks, Optional<String> finishedAt) {
            this(passedChecks, finishedAt, false, 0, Optional.empty());
        }

        public boolean finished() {
            return finishedAt.isPresent();
        }

        /** Finished by the learner, every check proven: what a prerequisite and "done" mean. */
        public boolean done() {
            return finished() && !solvedByRunner && unprovenChecks == 0;
        }
    }

    /** How a lesson was finished, for {@link #record(String, Iterable, Completion)}. */
    public record Completion(boolean finished, boolean byRunner, int unprovenChecks, String cluster) {
        public static final Completion NOT_YET = new Completion(false, false, 0, "");

        /** Whether this completion says more than {@code earlier}: by the learner after by the runner, fewer checks unproven. */
        boolean improvesOn(LessonProgress earlier) {
            return finished && (!earlier.finished() || (earlier.solvedByRunner() && !byRunner)
                    || (earlier.solvedByRunner() == byRunner && unprovenChecks < earlier.unprovenChecks()));
        }
    }

    private final Path file;
    private final Clock clock;
    /** Jackson's object mapper, built on first use: reading alone goes through {@link ProgressFileReader}. */
    private static final class Mapper {
        static final JsonMapper JSON = JsonMapper.builder().build();
    }

    public ProgressStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** progress.json in the user's state folder (see {@link UserDirs}). */
    public static ProgressStore forUser() {
        return new ProgressStore(UserDirs.fromEnvironment().state().resolve("progress.json"), Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    /**
     * Exit 3, naming the path and the fix, unless progress can be written. Commands that record progress call it
     * before they change the cluster: a --solve applied and then not recorded is the worst order of the two.
     */
    public ProgressStore requireWritable() {
        WritableFolder.require(file.toAbsolutePath().getParent(), "the progress file", STATE_VARIABLE);
        if (Files.exists(file) && !(Files.isRegularFile(file) && Files.isWritable(file))) {
            throw cannotWrite(Files.isRegularFile(file) ? "it is read-only" : "it is not a regular file");
        }
        return this;
    }

    public synchronized Map<String, LessonProgress> all() {
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        Optional<Map<String, LessonProgress>> plain = ProgressFileReader.read(file);
        if (plain.isPresent()) {
            return plain.get();
        }
        Map<String, LessonProgress> result = new LinkedHashMap<>();
        JsonNode lessons = read().path("lessons");
        for (Map.Entry<String, JsonNode> entry : lessons.properties()) {
            TreeSet<String> passed = new TreeSet<>();
            entry.getValue().path("passedChecks").forEach(n -> passed.add(n.asString()));
            JsonNode lesson = entry.getValue();
            JsonNode finished = lesson.path("finishedAt");
            result.put(entry.getKey(), new LessonProgress(passed, finished.isString() ? Optional.of(finished.asString()) : Optional.empty(),
                    lesson.path("finishedBy").asString("you").equals("runner"), lesson.path("unprovenChecks").asInt(0),
                    lesson.path("finishedOn").isString() ? Optional.of(lesson.path("finishedOn").asString()) : Optional.empty()));
        }
        return result;
    }

    public LessonProgress of(String lessonId) {
        return all().getOrDefault(lessonId, new LessonProgress(new TreeSet<>(), Optional.empty()));
    }

    /** Records the checks that pass now; the lesson is finished (by the learner, every check proven) when {@code finished} is true. */
    public void record(String lessonId, Iterable<String> passedChecks, boolean finished) {
        record(lessonId, passedChecks, finished ? new Completion(true, false, 0, "") : Completion.NOT_YET);
    }

    /**
     * {@code completion} as a check that only looked at the cluster may claim it: it cannot tell who made the cluster
     * so, and after --solve or fast-forward it was the runner. A completion by the runner stays the runner's until a
     * reset forgets it (then the learner's own work counts again).
     */
    public Completion observed(String lessonId, Completion completion) {
        return completion.finished() && !completion.byRunner() && of(lessonId).solvedByRunner()
                ? new Completion(true, true, completion.unprovenChecks(), completion.cluster()) : completion;
    }

    /**
     * Records the checks that pass now and, when {@code completion} finishes the lesson, how: a better completion
     * (by the learner after the runner, on kind after kwok) replaces an earlier one, a weaker one never does.
     */
    public synchronized void record(String lessonId, Iterable<String> passedChecks, Completion completion) {
        LessonProgress earlier = of(lessonId);
        ObjectNode root = read();
        ObjectNode lessons = root.has("lessons") && root.get("lessons").isObject() ? (ObjectNode) root.get("lessons") : root.putObject("lessons");
        ObjectNode lesson = lessons.has(lessonId) ? (ObjectNode) lessons.get(lessonId) : lessons.putObject(lessonId);
        TreeSet<String> passed = new TreeSet<>();
        lesson.path("passedChecks").forEach(n -> passed.add(n.asString()));
        passedChecks.forEach(passed::add);
        var array = lesson.putArray("passedChecks");
        passed.forEach(array::add);
        if (completion.improvesOn(earlier)) {
            lesson.put("finishedAt", clock.instant().toString());
            // Written only when they differ from what an old file means, so old readers see what they always saw.
            if (completion.byRunner()) {
                lesson.put("finishedBy", "runner");
            } else {
                lesson.remove("finishedBy");
            }
            if (completion.unprovenChecks() > 0) {
                lesson.put("unprovenChecks", completion.unprovenChecks());
            } else {
                lesson.remove("unprovenChecks");
            }
            if (!completion.cluster().isEmpty()) {
                lesson.put("finishedOn", completion.cluster());
            }
        }
        write(root);
    }

    public synchronized void forget(String lessonId) {
        ObjectNode root = read();
        if (root.get("lessons") instanceof ObjectNode lessons) {
            lessons.remove(lessonId);
        }
        write(root);
    }

    private ObjectNode read() {
        if (!Files.exists(file)) {
            return fresh();
        }
        try {
            JsonNode node = Mapper.JSON.readTree(file.toFile());
            if (node instanceof ObjectNode object && object.path("schemaVersion").asInt() == SCHEMA_VERSION) {
                return object;
            }
            return setAside("schema version " + node.path("schemaVersion").asString("missing"));
        } catch (JacksonException e) {
            return setAside("unreadable JSON");
        }
    }

    /** Keeps an unreadable or newer file as progress.json.bad-<time> and starts afresh. */
    private ObjectNode setAside(String why) {
        try {
            Path aside = file.resolveSibling(file.getFileName() + ".bad-" + clock.millis());
            Files.move(file, aside);
            System.err.println("note: progress file " + file + " had " + why + "; kept as " + aside + ", starting afresh");
        } catch (IOException e) {
            System.err.println("note: progress file " + file + " had " + why + " and could not be moved aside: " + e.getMessage());
        }
        return fresh();
    }

    private ObjectNode fresh() {
        ObjectNode root = Mapper.JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.putObject("lessons");
        return root;
    }

    private void write(ObjectNode root) {
        try {
            AtomicFile.write(file, Mapper.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        } catch (UncheckedIOException e) {
            // The folder turned read-only after requireWritable(), or a caller skipped it: still exit 3, never 4.
            throw cannotWrite(e.getCause().getMessage());
        }
    }

    private PrerequisiteException cannotWrite(String why) {
        Path folder = file.toAbsolutePath().getParent();
        String next;
        if (Files.isRegularFile(file) && !Files.isWritable(file)) {
            next = "make " + file + " writable (chmod u+w; 'lsattr' shows an immutable flag), or set " + STATE_VARIABLE
                    + " to a folder you can write";
        } else if (Files.exists(file) && !Files.isRegularFile(file)) {
            next = "move " + file + " out of the way (kubelessons keeps its progress there), or set " + STATE_VARIABLE
                    + " to another folder";
        } else {
            next = WritableFolder.fix(folder, STATE_VARIABLE);
        }
        return new PrerequisiteException("cannot write the progress file " + file + ": " + why, next);
    }
}
