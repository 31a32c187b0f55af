package dev.kubelessons.markdown;

import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Fault;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns the YAML of a drill's {@code fault} block into a {@link Fault}. {@code break} and {@code restore} are a
 * manifest (YAML with apiVersion) or kubectl commands, one per line, exactly like a solution block; with
 * {@code node: NAME} (a cluster-level fault) both are shell scripts run inside that kind node, like
 * {@code ```sh solution node=NAME}. Whether every check they name exists is the parser's to say, once the whole
 * lesson is read.
 */
final class FaultReader {

    static final List<String> FIELDS = List.of("name", "title", "symptom", "cause", "shows", "caught-by", "data-plane", "node", "break", "restore", "hints");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Path file;
    private final List<Problem> problems;

    FaultReader(Path file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    Optional<Fault> read(String yaml, SourcePosition fence) {
        YamlDocument document = new YamlDocument(file, fence.line() + 1);
        Optional<Node> root = document.parseOne(yaml, problems);
        if (root.isEmpty()) {
            if (yaml.isBlank()) {
                problems.add(new Problem(document.start(), "the fault block is empty", "write 'name:', 'symptom:', 'break:' and 'restore:'"));
            }
            return Optional.empty();
        }
        return YamlMapping.of(document, root.get(), problems, "a fault").flatMap(fields -> readOne(fields, fence));
    }

    private Optional<Fault> readOne(YamlMapping fields, SourcePosition fence) {
        int before = problems.size();
        fields.rejectUnknownKeys(FIELDS);
        Optional<String> name = fields.requiredString("name", "checkout-deny-all");
        name.filter(n -> !NAME.matcher(n).matches()).ifPresent(n -> fields.report("name",
                "fault name '" + n + "' must be lowercase words joined by dashes", "write e.g. 'name: checkout-deny-all'"));
        Optional<String> title = fields.requiredString("title", "A NetworkPolicy admits nothing to checkout");
        Optional<String> symptom = fields.requiredString("symptom", "Orders fail: calls from the frontend to checkout time out");
        Optional<String> cause = fields.requiredString("cause", "NetworkPolicy checkout-lockdown selects app=checkout and admits nothing");
        Optional<String> shows = fields.requiredString("shows", "kubectl get networkpolicy");
        List<String> caughtBy = fields.strings("caught-by");
        if (caughtBy.isEmpty()) {
            fields.report("caught-by", "the fault names no check that catches it",
                    "add 'caught-by: [check-id]' with the ids of the checks that fail while it is in place");
        }
        Optional<String> node = fields.string("node");
        node.filter(n -> !FenceInfo.NODE_NAME.matcher(n).matches()).ifPresent(n -> fields.report("node",
                "node '" + n + "' is not a kind node's name", "write e.g. 'node: worker' or 'node: control-plane'"));
        Optional<Block> breaks = action(fields, "break", "kubectl scale deployment checkout --replicas=0", node);
        Optional<Block> restores = action(fields, "restore", "kubectl scale deployment checkout --replicas=2", node);
        boolean dataPlane = fields.bool("data-plane").orElse(false);
        List<String> hints = fields.strings("hints");
        if (problems.size() != before || name.isEmpty() || title.isEmpty() || symptom.isEmpty() || cause.isEmpty() || shows.isEmpty()
                || breaks.isEmpty() || restores.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Fault(name.get(), title.get(), symptom.get(), cause.get(), shows.get(), caughtBy, dataPlane,
                breaks.get(), restores.get(), hints, fence, fields.valuePosition("caught-by")));
    }

    /**
     * A manifest or kubectl commands (or, with {@code node}, a shell script for that kind node), as a block placed where
     * its text starts, so errors in it point into the lesson.
     */
    private Optional<Block> action(YamlMapping fields, String key, String example, Optional<String> node) {
        return fields.requiredString(key, "|\n    " + example).map(text -> {
            SourcePosition value = fields.valuePosition(key);
            // A '|' scalar's text starts on the line after the indicator; a plain one on the indicator's own line.
            SourcePosition fence = text.contains("\n") ? value : value.atLine(value.line() - 1);
            if (node.isPresent()) {
                return new Block(BlockRole.SOLUTION, "sh", text, fence, Optional.empty(), Optional.empty(), node);
            }
            boolean manifest = text.lines().anyMatch(line -> line.startsWith("apiVersion:") || line.startsWith("kind:"));
            return new Block(BlockRole.SOLUTION, manifest ? "yaml" : "sh", text, fence, Optional.empty());
        });
    }
}
