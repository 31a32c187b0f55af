package dev.kubelessons.course;

import dev.kubelessons.lesson.LearningPath;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import dev.kubelessons.markdown.YamlDocument;
import dev.kubelessons.markdown.YamlMapping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads and checks a course file; every mistake becomes a {@link Problem} at its line, as in lessons. */
public final class CourseFileReader {

    private static final List<String> FIELDS = List.of("title", "summary", "footer", "run", "paths", "templates");
    private static final List<String> PATH_FIELDS = List.of("id", "title", "audience");

    /** The course, if the file is usable, and every problem found in it. */
    public record Read(Optional<CourseFile> course, List<Problem> problems) {
    }

    /**
     * The course of a lessons folder given alone: the course file beside it (in its parent folder), if there is one
     * and it reads clean; else a bare course named after that folder.
     */
    public static CourseFile beside(Path lessons) {
        Path folder = lessons.toAbsolutePath().normalize().getParent();
        if (folder == null) {
            return CourseFile.bare(lessons);
        }
        Path file = folder.resolve(CourseFile.NAME);
        return Files.isRegularFile(file) ? new CourseFileReader().read(file).course().orElse(CourseFile.bare(folder)) : CourseFile.bare(folder);
    }

    public Read read(Path file) {
        List<Problem> problems = new ArrayList<>();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(SourcePosition.of(file, 1, 1), "cannot read the course file: " + e.getMessage(),
                    "check that it exists and is readable"));
            return new Read(Optional.empty(), problems);
        }
        YamlDocument document = new YamlDocument(file, 1);
        Optional<YamlMapping> parsed = document.parseOne(text, problems)
                .flatMap(node -> YamlMapping.of(document, node, problems, "the course file"));
        if (parsed.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(new Problem(document.start(), "the course file is empty", "add at least 'title:' and 'paths:'"));
            }
            return new Read(Optional.empty(), problems);
        }
        YamlMapping fields = parsed.get();
        fields.rejectUnknownKeys(FIELDS);
        Optional<String> title = fields.requiredString("title", "My Course");
        List<LearningPath> paths = readPaths(document, fields, problems);
        String run = fields.string("run").map(String::strip).orElse(CourseFile.DEFAULT_RUN);
        Path folder = file.toAbsolutePath().normalize().getParent();
        Optional<Path> templates = fields.string("templates").map(String::strip).map(folder::resolve);
        templates.filter(dir -> !Files.isDirectory(dir)).ifPresent(dir -> fields.report("templates",
                "the templates folder " + dir + " does not exist", "create it with the templates to override, or remove 'templates:'"));
        if (title.isEmpty() || paths.isEmpty() || !problems.isEmpty()) {
            return new Read(Optional.empty(), problems);
        }
        return new Read(Optional.of(new CourseFile(folder, title.get().strip(), fields.string("summary").orElse("").strip(),
                fields.string("footer").orElse("").strip(), run, paths, templates)), problems);
    }

    private static List<LearningPath> readPaths(YamlDocument document, YamlMapping fields, List<Problem> problems) {
        List<LearningPath> paths = new ArrayList<>();
        Optional<Node> node = fields.node("paths");
        if (node.isEmpty()) {
            fields.report("paths", "the course declares no learning path",
                    "add 'paths:' with one '- id: top-down' entry (and its 'title:' and 'audience:') per path");
            return paths;
        }
        if (!(node.get() instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problems.add(new Problem(fields.valuePosition("paths"), "'paths' must be a list of paths",
                    "write one '- id: ...' entry with 'title:' and 'audience:' per path"));
            return paths;
        }
        Set<String> seen = new HashSet<>();
        for (Node item : sequence.getValue()) {
            Optional<YamlMapping> entry = YamlMapping.of(document, item, problems, "a learning path");
            if (entry.isEmpty()) {
                continue;
            }
            YamlMapping path = entry.get();
            path.rejectUnknownKeys(PATH_FIELDS);
            Optional<String> id = path.requiredString("id", "top-down");
            Optional<String> title = path.requiredString("title", "Top-down");
            Optional<String> audience = path.requiredString("audience", "For application developers: deploy, expose, reach, then open the hood.");
            if (id.isPresent() && !LearningPath.ID.matcher(id.get()).matches()) {
                path.report("id", "path id '" + id.get() + "' is not lowercase words joined by dashes", "name it like 'top-down'");
                continue;
            }
            if (id.isPresent() && !seen.add(id.get())) {
                path.report("id", "duplicate path id '" + id.get() + "'", "give each path its own id");
                continue;
            }
            if (id.isPresent() && title.isPresent() && audience.isPresent()) {
                paths.add(new LearningPath(id.get(), title.get().strip(), audience.get().strip()));
            }
        }
        return paths;
    }
}
