package dev.kubelessons.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.Node;

/**
 * A Markdown table in box-drawing columns that fit the width: when the natural widths do not fit,
 * the widest column gives way first and its cells wrap inside it.
 */
final class TerminalTable {

    private static final String GAP = " │ ";

    private final int width;
    private final boolean color;

    TerminalTable(int width, boolean color) {
        this.width = width;
        this.color = color;
    }

    List<String> render(Node table, Function<Node, StyledLine> text) {
        List<List<StyledLine>> rows = new ArrayList<>();
        int headerRows = 0;
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                List<StyledLine> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    cells.add(text.apply((TableCell) cell));
                }
                rows.add(cells);
                if (section instanceof TableHead) {
                    headerRows++;
                }
            }
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<StyledLine> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).plain().length());
            }
        }
        fit(widths);
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            out.addAll(row(rows.get(r), widths, r < headerRows));
            if (r == headerRows - 1) {
                StringBuilder rule = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    rule.append(c == 0 ? "" : "─┼─").append("─".repeat(widths[c]));
                }
                out.add(Style.DIM.apply(rule.toString(), color));
            }
        }
        return out;
    }

    /** Narrows the widest column until the table fits (never below 6 characters). */
    private void fit(int[] widths) {
        int room = width - GAP.length() * Math.max(0, widths.length - 1);
        while (sum(widths) > room) {
            int widest = 0;
            for (int c = 1; c < widths.length; c++) {
                widest = widths[c] > widths[widest] ? c : widest;
            }
            if (widths[widest] <= 6) {
                return;
            }
            widths[widest]--;
        }
    }

    private List<String> row(List<StyledLine> cells, int[] widths, boolean header) {
        List<List<String>> wrapped = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < widths.length; c++) {
            StyledLine cell = c < cells.size() ? cells.get(c) : new StyledLine();
            StyledLine shown = header ? new StyledLine().add(cell.plain(), Style.BOLD) : cell;
            List<String> lines = shown.isEmpty() ? List.of("") : shown.wrap(widths[c], "", "", color);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        List<String> out = new ArrayList<>();
        for (int l = 0; l < height; l++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String piece = l < wrapped.get(c).size() ? wrapped.get(c).get(l) : "";
                line.append(c == 0 ? "" : Style.DIM.apply(GAP, color)).append(piece)
                        .append(" ".repeat(Math.max(0, widths[c] - Ansi.width(piece))));
            }
            out.add(line.toString().stripTrailing());
        }
        return out;
    }

    private static int sum(int[] widths) {
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        return total;
    }
}
