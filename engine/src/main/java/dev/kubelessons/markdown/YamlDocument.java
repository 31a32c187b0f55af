package dev.kubelessons.markdown;

import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses YAML embedded in a lesson into SnakeYAML nodes that keep their line and column,
 * shifted to positions in the lesson file. Syntax errors become {@link Problem}s.
 */
public final class YamlDocument {

    private static final int MAX_CODE_POINTS = 1_000_000;
    // One for every block, on every thread: only read after it is built (its implicit tags: int, bool, null...), and
    // building one registers a dozen regular expressions, ~1% of a 1,000-lesson site build when made per block (JFR).
    private static final Resolver RESOLVER = new Resolver();

    private final Path file;
    private final int firstLine;

    /** @param firstLine the line of the lesson file on which the YAML text starts */
    public YamlDocument(Path file, int firstLine) {
        this.file = file;
        this.firstLine = firstLine;
    }

    public SourcePosition position(Mark mark) {
        return mark == null ? SourcePosition.of(file, firstLine, 1)
                : SourcePosition.of(file, firstLine + mark.getLine(), mark.getColumn() + 1);
    }

    /** Where the YAML text begins. */
    public SourcePosition start() {
        return SourcePosition.of(file, firstLine, 1);
    }

    public SourcePosition position(Node node) {
        return position(node.getStartMark());
    }

    /** All documents of the text (a manifest block may hold several, separated by ---). */
    public List<Node> parseAll(String text, List<Problem> problems) {
        List<Node> nodes = new ArrayList<>();
        try {
            Composer composer = composer(text);
            while (composer.checkNode()) {
                Node node = composer.getNode();
                if (node != null) {
                    nodes.add(node);
                }
            }
        } catch (MarkedYAMLException e) {
            // An unclosed construct (a quote, a '[' or '{') is found where the text ends or the next line begins:
            // point at where it began. A block mapping or sequence that breaks ("while parsing a block mapping",
            // a line indented wrongly) is found at the line that does not fit; its context is the block's first line.
            SourcePosition problemAt = position(e.getProblemMark());
            boolean hasContext = e.getContextMark() != null && e.getContext() != null;
            boolean atConstruct = hasContext && !e.getContext().startsWith("while parsing a block");
            String message = atConstruct
                    ? e.getContext() + ", " + e.getProblem() + " (at line " + problemAt.line() + ")"
                    : e.getProblem() + (hasContext ? " (" + e.getContext() + " that starts at line " + position(e.getContextMark()).line() + ")" : "");
            problems.add(new Problem(atConstruct ? position(e.getContextMark()) : problemAt, "YAML does not parse: " + message,
                    "check the indentation and quoting near this line (a tab, an unclosed quote or a missing ':' is the usual cause)"));
        } catch (YAMLException e) {
            problems.add(new Problem(SourcePosition.of(file, firstLine, 1), "YAML does not parse: " + e.getMessage(),
                    "simplify this block; it must be plain YAML without aliases or custom tags"));
        }
        return nodes;
    }

    public Optional<Node> parseOne(String text, List<Problem> problems) {
        List<Node> all = parseAll(text, problems);
        if (all.size() > 1) {
            problems.add(new Problem(position(all.get(1)), "expected one YAML document, found " + all.size(),
                    "remove the extra '---' separator"));
        }
        return all.stream().findFirst();
    }

    /**
     * SnakeYAML's composer alone, as {@code Yaml.composeAll} builds it: constructing a {@code Yaml} also sets up
     * a constructor and a representer that composing never uses, and probes for classes that are not there,
     * which walks every jar of the class path (bench/RESULTS.md).
     */
    private static Composer composer(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10); // billion-laughs guard
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(50);
        return new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), RESOLVER, options);
    }
}
