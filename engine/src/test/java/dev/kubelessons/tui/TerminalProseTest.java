package dev.kubelessons.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Prose wrapped at words to the width, the lead kept as written (bold with colour), following lines indented. */
class TerminalProseTest {

    @Test
    void wrapsAtWordsAndKeepsTheLeadsColumns() {
        List<String> lines = TerminalProse.ofWidth(40, false).lines("  What broke:  ",
                "The checkout Service selects app=chekout, a label no pod has, so it has no endpoints.", " ".repeat(15));
        assertEquals(List.of(
                "  What broke:  The checkout Service",
                "               selects app=chekout, a",
                "               label no pod has, so it",
                "               has no endpoints."), lines);
        lines.forEach(l -> assertEquals(true, l.length() <= 40, l));
    }

    @Test
    void theLeadIsBoldWithColourAndNoWordIsCut() {
        List<String> lines = TerminalProse.ofWidth(30, true).lines("INCIDENT  ", "Pager: checkout times out from the frontend.", "");
        assertEquals("\u001b[1mINCIDENT  \u001b[0mPager: checkout", lines.get(0));
        assertEquals(List.of("times out from the frontend."), lines.subList(1, lines.size()));
    }
}
