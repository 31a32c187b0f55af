package dev.kubelessons.instructor;

import java.util.List;

/** What board.ftlh sees. Public records, because FreeMarker reads them by reflection; every string is escaped by the template. */
public final class BoardViews {

    private BoardViews() {
    }

    /** A lesson column, whether its solution is revealed to the attendees, and a drill's faults (empty for other lessons). */
    public record Column(String id, String title, boolean revealed, List<FaultOption> faults) {
    }

    /** A fault of a drill's column; a cluster-level one is listed but disabled: the board never injects it into the shared cluster. */
    public record FaultOption(String name, String title, boolean clusterLevel) {
    }

    /** An attendee's row; the filters' two questions are answered here and, for live updates, again in board.js. */
    public record Row(String attendee, List<CellView> cells) {

        /** Some lesson of the attendee's is flagged stuck. */
        public boolean stuck() {
            return cells.stream().anyMatch(CellView::stuck);
        }

        /** The attendee has started no lesson yet (nothing but the baseline evaluation, or never connected). */
        public boolean notStarted() {
            return cells.stream().allMatch(CellView::notStarted);
        }
    }

    /** A reference solution step for the reveal page. */
    public record SolutionStep(String title, List<String> blocks) {
    }

    /**
     * Self-service ({@code serve --join}): on the board, the code, until when, and where attendees go; on the join page, the
     * name typed (kept after a refusal); once joined, the kubeconfig as a data: link, its file name and the commands to run.
     */
    public record Join(String code, String expires, String url, String name, String download, String fileName, List<String> commands) {

        static Join board(JoinDesk.Code code, String url) {
            String until = java.time.format.DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC).format(code.expiresAt());
            return new Join(code.value(), until, url, null, null, null, List.of());
        }
    }

    /**
     * The page: mode is "board", "login", "solution", "join" or "joined"; {@code cluster} is the banner when the board lost its
     * cluster; {@code join} is null unless the board takes self-service joins.
     */
    public record Page(String mode, String title, List<Column> columns, List<Row> rows, long now, long stuckMinutes,
                       String message, List<SolutionStep> solution, ClusterBanner cluster, Join join) {
    }
}
