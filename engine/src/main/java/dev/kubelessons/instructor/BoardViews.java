package dev.kubelessons.instructor;

import java.util.List;

/** What board.ftlh sees. Public records, because FreeMarker reads them by reflection; every string is escaped by the template. */
public final class BoardViews {

    private BoardViews() {
    }

    /** A lesson column, and whether its solution is revealed to the attendees. */
    public record Column(String id, String title, boolean revealed) {
    }

    /** An attendee's row. */
    public record Row(String attendee, List<CellView> cells) {
    }

    /** A reference solution step for the reveal page. */
    public record SolutionStep(String title, List<String> blocks) {
    }

    /** The page: mode is "board", "login" or "solution"; {@code cluster} is the banner when the board lost its cluster. */
    public record Page(String mode, String title, List<Column> columns, List<Row> rows, long now, long stuckMinutes,
                       String message, List<SolutionStep> solution, ClusterBanner cluster) {
    }
}
