package dev.kubelessons.site;

import dev.kubelessons.markdown.DiagramReader;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Lesson Markdown as the words a reader sees on its page, for the search index: text and code as written (a search for
 * {@code target_port} or {@code <namespace>} finds them), without Markdown's marks, fence info strings or link targets;
 * a diagram is its caption and its description in words, never its PlantUML source. White space runs become one space.
 */
final class SearchText {

    /** Thread-safe (commonmark's parsers are), so the index is built on every core; tables as the page renders them. */
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private final StringBuilder out = new StringBuilder();
    private boolean gap;

    /** Appends the visible words of {@code markdown}. */
    SearchText markdown(String markdown) {
        if (markdown != null && !markdown.isBlank()) {
            PARSER.parse(markdown).accept(new Words());
            gap = true;
        }
        return this;
    }

    /** Appends text shown as it is (a check's title, a code hint). */
    SearchText literal(String text) {
        gap = true;
        append(text);
        gap = true;
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** One pass over {@code text}: its white space runs become one space, never at the start. */
    private void append(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                gap = true;
            } else {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                gap = false;
                out.append(c);
            }
        }
    }

    /** Collects text nodes; a block boundary is a space, so words of two paragraphs never run together. */
    private final class Words extends AbstractVisitor {

        @Override
        public void visit(Text text) {
            append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            append(code.getLiteral());
        }

        @Override
        public void visit(FencedCodeBlock block) {
            if (DiagramReader.isDiagram(block.getInfo())) {
                DiagramReader.read(block.getLiteral()).ifPresent(d -> {
                    literal(d.title());
                    literal(d.description());
                });
            } else {
                literal(block.getLiteral());
            }
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            literal(block.getLiteral());
        }

        @Override
        public void visit(HtmlInline html) {
            append(html.getLiteral()); // shown escaped, as text, on the page
        }

        @Override
        public void visit(HtmlBlock html) {
            literal(html.getLiteral());
        }

        @Override
        public void visit(Image image) {
            visitChildren(image); // its alt text
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            gap = true;
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            gap = true;
        }

        @Override
        public void visit(Paragraph paragraph) {
            block(paragraph);
        }

        @Override
        public void visit(Heading heading) {
            block(heading);
        }

        @Override
        public void visit(ListItem item) {
            block(item);
        }

        @Override
        public void visit(BlockQuote quote) {
            block(quote);
        }

        @Override
        public void visit(CustomBlock block) {
            block(block);
        }

        @Override
        public void visit(CustomNode node) {
            block(node); // a table cell: its neighbour's words are not its own
        }

        private void block(Node node) {
            gap = true;
            visitChildren(node);
            gap = true;
        }
    }
}
