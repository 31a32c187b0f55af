package dev.kubelessons.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines by offset give what split("\n", -1) and String.join gave, for every run of lines. */
class TextLinesTest {

    @Test
    void everyLineAndRunIsWhatSplitAndJoinGive() {
        for (String text : List.of("", "a", "a\n", "\n", "\n\n", "---\nid: x\n---\nbody\n\n## Step\ntext", "\u2192 arrow\nline\n")) {
            String[] split = text.split("\n", -1);
            TextLines lines = new TextLines(text);
            assertEquals(split.length, lines.count(), text);
            for (int from = 0; from <= split.length; from++) {
                if (from < split.length) {
                    assertEquals(split[from], lines.line(from));
                }
                for (int to = from; to <= split.length; to++) {
                    assertEquals(String.join("\n", Arrays.asList(split).subList(from, to)), lines.join(from, to), text + " " + from + ".." + to);
                }
            }
        }
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            many.append("line ").append(i).append('\n');
        }
        TextLines lines = new TextLines(many.toString());
        assertEquals(201, lines.count(), "past the first 64 offsets");
        assertEquals("line 150\nline 151", lines.join(150, 152));
    }
}
