package dev.kubelessons.markdown;

import dev.kubelessons.lesson.LearningPath;
import dev.kubelessons.lesson.Problem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and validates a lesson's front matter; every mistake becomes a {@link Problem} at its line. */
final class FrontMatterReader {

    /** Two digits, a dash, lowercase words: also safe as a file name and a Kubernetes name part. */
    static final Pattern LESSON_ID = Pattern.compile("[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,3})\\s*(m|min|minutes)?");
    private static final List<String> FIELDS = List.of(
            "id", "title", "summary", "paths", "duration", "prerequisites", "objectives", "images", "cluster");
    /** A lesson cluster's name: a part of a kind cluster name ({@code kubelessons-<name>}) and of a file name. */
    static final Pattern CLUSTER_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Path file;
    private final List<Problem> problems;
    private final Optional<List<LearningPath>> declaredPaths;

    /** @param declaredPaths the course file's paths, or empty when the folder has none (then any well-formed id is a path) */
    FrontMatterReader(Path file, List<Problem> problems, Optional<List<LearningPath>> declaredPaths) {
        this.file = file;
        this.problems = problems;
        this.declaredPaths = declaredPaths;
    }

    /** @param firstLine the file line where the YAML starts (the line after the opening ---) */
    Optional<FrontMatter> read(String yaml, int firstLine) {
        YamlDocument document = new YamlDocument(file, firstLine);
        int before = problems.size();
        Optional<YamlMapping> parsed = document.parseOne(yaml, problems)
                .flatMap(node -> YamlMapping.of(document, node, problems, "the front matter"));
        if (parsed.isEmpty()) {
            if (problems.size() == before) {
                problems.add(new Problem(document.start(), "the front matter is empty",
                        "add at least id, title, paths and duration"));
            }
            return Optional.empty();
        }
        YamlMapping fields = parsed.get();
        fields.rejectUnknownKeys(FIELDS);
        // The example is the file's own name when that is a valid id: the id must match it anyway.
        String stem = file.getFileName().toString().replaceFirst("\\.md$", "");
        String id = fields.requiredString("id", LESSON_ID.matcher(stem).matches() ? stem : "03-clusterip").orElse(null);
        if (id != null && !LESSON_ID.matcher(id).matches()) {
            fields.report("id", "lesson id '" + id + "' is not of the form NN-slug",
                    "use two digits, a dash and lowercase words, e.g. 'id: 03-clusterip' (no '/', '.', spaces or capitals)");
            id = null;
        }
        String title = fields.requiredString("title", "ClusterIP Services").orElse(null);
        Map<LearningPath, Integer> paths = readPaths(fields);
        int duration = readDuration(fields);
        List<String> prerequisites = fields.strings("prerequisites");
        for (String prerequisite : prerequisites) {
            if (!LESSON_ID.matcher(prerequisite).matches()) {
                fields.report("prerequisites", "prerequisite '" + prerequisite + "' is not a lesson id", "name lessons by id, e.g. '02-deployments'");
            }
        }
        List<String> objectives = fields.strings("objectives");
        if (objectives.isEmpty()) {
            fields.report("objectives", "the lesson has no objectives", "add 'objectives:' with one '- what the learner can do afterwards' per line");
        }
        Optional<String> cluster = fields.string("cluster");
        if (cluster.isPresent() && (!CLUSTER_NAME.matcher(cluster.get()).matches() || cluster.get().length() > 20)) {
            fields.report("cluster", "cluster '" + cluster.get() + "' is not a short lowercase name",
                    "write e.g. 'cluster: cni': on kind the lesson then runs on its own cluster kubelessons-cni, created from cluster/kind-cni.yaml");
            cluster = Optional.empty();
        }
        if (id == null || title == null || paths.isEmpty() || duration <= 0) {
            return Optional.empty();
        }
        return Optional.of(new FrontMatter(id, title, fields.string("summary").orElse(""), paths, duration,
                prerequisites, objectives, fields.strings("images"), cluster));
    }

    private Map<LearningPath, Integer> readPaths(YamlMapping fields) {
        Map<LearningPath, Integer> found = new LinkedHashMap<>();
        List<String> known = declaredPaths.map(paths -> paths.stream().map(LearningPath::id).toList()).orElse(List.of());
        if (!fields.has("paths")) {
            fields.report("paths", "the lesson is on no learning path",
                    "add 'paths:' with '<path id>: N' for each path it is on, N being its position there"
                            + (known.isEmpty() ? "" : " (this course's paths: " + String.join(", ", known) + ")"));
            return found;
        }
        fields.mapping("paths").ifPresent(map -> {
            for (String key : map.keys()) {
                Optional<LearningPath> path = declaredPaths.isPresent()
                        ? declaredPaths.get().stream().filter(p -> p.id().equals(key)).findFirst()
                        : Optional.of(key).filter(k -> LearningPath.ID.matcher(k).matches()).map(LearningPath::named);
                if (path.isEmpty()) {
                    map.report(key, declaredPaths.isPresent()
                                    ? "unknown learning path '" + key + "'" + NearestWord.suggestion(known, key) + ": the course file does not declare it"
                                    : "learning path id '" + key + "' is not lowercase words joined by dashes",
                            declaredPaths.isPresent() ? "use one of: " + String.join(", ", known) + ", or declare it under 'paths:' in course.yaml"
                                    : "name it like 'top-down'");
                } else {
                    map.integer(key, 1, 999).ifPresent(order -> found.put(path.get(), order));
                }
            }
        });
        // The course file's order, so every view lists a lesson's paths the same way.
        Map<LearningPath, Integer> paths = new LinkedHashMap<>();
        declaredPaths.orElse(List.copyOf(found.keySet())).stream().filter(found::containsKey).forEach(p -> paths.put(p, found.get(p)));
        return paths;
    }

    private int readDuration(YamlMapping fields) {
        Optional<String> text = fields.requiredString("duration", "20m");
        if (text.isEmpty()) {
            return 0;
        }
        Matcher matcher = DURATION.matcher(text.get().trim());
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) == 0) {
            fields.report("duration", "duration '" + text.get() + "' is not a number of minutes", "write e.g. 'duration: 20m'");
            return 0;
        }
        return Integer.parseInt(matcher.group(1));
    }
}
