package dev.kubelessons.markdown;

import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import java.util.Optional;
import org.commonmark.node.FencedCodeBlock;

/**
 * The opening fence of another block, found inside a block that was not closed before it. A line like
 * {@code ```yaml check} cannot close a block (a closing fence has no info string), so a block whose closing line
 * is missing runs on through the next block, and its YAML breaks on the backticks: the author needs to hear
 * about the missing line, not about YAML syntax.
 *
 * @param index the 0-based index of the fence's line in the block's content
 */
record SwallowedFence(int index) {

    /** The first line of {@code fence}'s content that would open a block of the same kind (up to 3 spaces in, as in Markdown). */
    static Optional<SwallowedFence> in(FencedCodeBlock fence) {
        String opening = fence.getFenceCharacter().repeat(fence.getOpeningFenceLength());
        String literal = fence.getLiteral();
        if (!literal.contains(opening)) {
            return Optional.empty(); // nearly every block: no line-by-line walk
        }
        int index = 0;
        for (int from = 0; from < literal.length(); index++) {
            int newline = literal.indexOf('\n', from);
            int end = newline < 0 ? literal.length() : newline;
            int text = from;
            while (text < end && text - from < 3 && literal.charAt(text) == ' ') {
                text++;
            }
            if (literal.startsWith(opening, text)) {
                return Optional.of(new SwallowedFence(index));
            }
            from = end + 1;
        }
        return Optional.empty();
    }

    /** The problem to report at {@code at}, where {@code fence} opens: the line that should close it is missing. */
    Problem problem(FencedCodeBlock fence, SourcePosition at) {
        String mark = fence.getFenceCharacter().repeat(fence.getOpeningFenceLength());
        String info = fence.getInfo() == null ? "" : fence.getInfo().strip();
        int next = at.line() + 1 + index; // the content starts on the line after the opening fence
        return new Problem(at, "the " + mark + info + " block that starts at line " + at.line() + " is not closed before line " + next,
                "close it with " + mark + " on a line of its own before line " + next
                        + " (to show a fence inside a block, open the block with a longer fence, " + mark + fence.getFenceCharacter() + ")");
    }

    /** The content lines before the swallowed fence: what the author meant the block to hold. */
    String before(String literal) {
        int end = 0;
        for (int i = 0; i < index; i++) {
            end = literal.indexOf('\n', end) + 1;
        }
        return literal.substring(0, end);
    }
}
