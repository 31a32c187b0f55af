package dev.kubelessons.tui;

import dev.kubelessons.runner.LessonView;
import dev.kubelessons.lesson.Diagram;
import dev.kubelessons.markdown.DiagramReader;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.parser.Parser;

/**
 * Lesson Markdown as terminal lines, through the same commonmark parser the site uses: headings,
 * emphasis, lists, block quotes, tables, and code blocks indented and in syntax colours, never with
 * their fences; a diagram as its title and its description in words. Without colour, inline code keeps its backticks and emphasis its markers, so nothing
 * that matters is carried by colour alone.
 */
public final class TerminalMarkdown {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final int width;
    private final boolean color;

    public TerminalMarkdown(int width, boolean color) {
        this.width = Math.max(20, width);
        this.color = color;
    }

    public List<String> render(String markdown) {
        List<String> lines = new ArrayList<>();
        blocks(PARSER.parse(markdown == null ? "" : markdown), "", lines);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** A code block without fences: indented, in syntax colours. */
    public List<String> code(String language, String content, String indent) {
        List<String> lines = new ArrayList<>();
        for (String line : content.stripTrailing().split("\n", -1)) {
            // Long lines continue on the next line after a ↪, rather than being cut: a command must stay whole.
            List<String> pieces = CodeColors.line(language, line).chop(width - indent.length() - 2, color);
            for (int i = 0; i < pieces.size(); i++) {
                lines.add((i == 0 ? indent : indent.substring(0, Math.max(0, indent.length() - 2)) + Style.DIM.apply("↪ ", color)) + pieces.get(i));
            }
        }
        return lines;
    }

    private void blocks(Node parent, String indent, List<String> out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            block(node, indent, out);
        }
    }

    /** The engine's fence around generated prose (the map), {@link LessonView#PROSE_FENCE}: wrapped at spaces. */
    private static boolean isProse(String info) {
        return info != null && info.strip().equals(LessonView.PROSE_FENCE);
    }

    /** Each line word-wrapped, its continuation indented two more columns than the line itself. */
    private List<String> prose(String content, String indent) {
        List<String> lines = new ArrayList<>();
        for (String line : content.stripTrailing().split("\n", -1)) {
            String own = " ".repeat(line.length() - line.stripLeading().length());
            if (line.isBlank()) {
                lines.add("");
                continue;
            }
            new StyledLine().add(line.strip(), Style.PLAIN).wrap(width - indent.length(), own, own + "  ", color)
                    .forEach(l -> lines.add(indent + l));
        }
        return lines;
    }

    private void block(Node node, String indent, List<String> out) {
        if (node instanceof Heading heading) {
            StyledLine line = inline(heading, new StyledLine(), Style.HEADING);
            String text = heading.getLevel() == 1 ? line.plain().toUpperCase(java.util.Locale.ROOT) : line.plain();
            out.add(indent + Style.HEADING.apply(text, color));
            if (heading.getLevel() <= 2) {
                out.add(indent + Style.DIM.apply("─".repeat(Math.min(text.length(), width - indent.length())), color));
            }
            out.add("");
        } else if (node instanceof Paragraph) {
            out.addAll(inline(node, new StyledLine(), Style.PLAIN).wrap(width, indent, indent, color));
            out.add("");
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            int number = node instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null ? ordered.getMarkerStartNumber() : 1;
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                String marker = node instanceof OrderedList ? (number++) + ". " : "• ";
                listItem((ListItem) item, indent, marker, out);
            }
            out.add("");
        } else if (node instanceof BlockQuote) {
            List<String> inner = new ArrayList<>();
            blocks(node, "", inner);
            trimTrailingBlank(inner);
            inner.forEach(l -> out.add(indent + Style.DIM.apply("│ ", color) + l));
            out.add("");
        } else if (node instanceof FencedCodeBlock fenced && DiagramReader.isDiagram(fenced.getInfo())
                && DiagramReader.read(fenced.getLiteral()).isPresent()) {
            diagram(DiagramReader.read(fenced.getLiteral()).get(), indent, out);
        } else if (node instanceof FencedCodeBlock fenced && isProse(fenced.getInfo())) {
            out.addAll(prose(fenced.getLiteral(), indent + "    "));
            out.add("");
        } else if (node instanceof FencedCodeBlock fenced) {
            String language = fenced.getInfo() == null ? "" : fenced.getInfo().strip().split("\\s+")[0];
            out.addAll(code(language, fenced.getLiteral(), indent + "    "));
            out.add("");
        } else if (node instanceof IndentedCodeBlock code) {
            out.addAll(code("", code.getLiteral(), indent + "    "));
            out.add("");
        } else if (node instanceof TableBlock table) {
            new TerminalTable(width - indent.length(), color).render(table, this::inlineText).forEach(l -> out.add(indent + l));
            out.add("");
        } else if (node instanceof ThematicBreak) {
            out.add(indent + Style.DIM.apply("─".repeat(Math.max(1, width - indent.length())), color));
            out.add("");
        } else if (node instanceof HtmlBlock html) {
            out.addAll(new StyledLine().add(html.getLiteral().strip(), Style.DIM).wrap(width, indent, indent, color));
            out.add("");
        } else {
            blocks(node, indent, out);
        }
    }

    /** A terminal cannot show the picture: its title and its description in words, in a frame, never its PlantUML source. */
    private void diagram(Diagram diagram, String indent, List<String> out) {
        String bar = indent + Style.DIM.apply("│ ", color);
        out.add(indent + Style.DIM.apply("┌ ", color) + Style.BOLD.apply("Diagram: " + diagram.title(), color));
        new StyledLine().add(diagram.description(), Style.PLAIN).wrap(width - indent.length() - 2, "", "", color)
                .forEach(line -> out.add(bar + line));
        out.add(indent + Style.DIM.apply("└ (drawn on the lesson's web page)", color));
        out.add("");
    }

    private void listItem(ListItem item, String indent, String marker, List<String> out) {
        String hang = " ".repeat(marker.length());
        List<String> inner = new ArrayList<>();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Paragraph) {
                inner.addAll(inline(child, new StyledLine(), Style.PLAIN).wrap(width - indent.length() - hang.length(), "", "", color));
            } else {
                block(child, "", inner);
            }
        }
        trimTrailingBlank(inner);
        for (int i = 0; i < inner.size(); i++) {
            out.add(inner.get(i).isEmpty() ? "" : indent + (i == 0 ? marker : hang) + inner.get(i));
        }
    }

    /** Plain inline text of a node (table cells measure it before they style it). */
    StyledLine inlineText(Node node) {
        return inline(node, new StyledLine(), Style.PLAIN);
    }

    private StyledLine inline(Node parent, StyledLine line, Style style) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                line.add(text.getLiteral(), style);
            } else if (node instanceof Code code) {
                line.add(color ? code.getLiteral() : "`" + code.getLiteral() + "`", Style.CODE);
            } else if (node instanceof Emphasis) {
                line.add(color ? "" : "_", style);
                inline(node, line, style == Style.PLAIN ? Style.ITALIC : style);
                line.add(color ? "" : "_", style);
            } else if (node instanceof StrongEmphasis) {
                line.add(color ? "" : "*", style);
                inline(node, line, style == Style.HEADING ? style : Style.BOLD);
                line.add(color ? "" : "*", style);
            } else if (node instanceof Link link) {
                StyledLine label = inline(node, new StyledLine(), Style.LINK);
                inline(node, line, Style.LINK);
                if (!label.plain().equals(link.getDestination())) {
                    line.add(" <" + link.getDestination() + ">", Style.DIM);
                }
            } else if (node instanceof SoftLineBreak) {
                line.add(" ", style);
            } else if (node instanceof HardLineBreak) {
                line.add("\n", style);
            } else if (node instanceof HtmlInline html) {
                line.add(html.getLiteral(), Style.DIM);
            } else {
                inline(node, line, style);
            }
        }
        return line;
    }

    private static void trimTrailingBlank(List<String> lines) {
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
    }
}
