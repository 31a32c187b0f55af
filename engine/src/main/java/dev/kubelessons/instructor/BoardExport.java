package dev.kubelessons.instructor;

import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.report.JunitReport;
import dev.kubelessons.report.LessonResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The workshop's results to take home (issue 13): one CSV row per attendee and lesson, for a spreadsheet, and JUnit XML
 * with one suite per attendee and lesson and one case per check, for any CI dashboard. Messages are the checks' own
 * explanations, never tokens.
 */
final class BoardExport {

    static final List<String> CSV_HEADER = List.of("attendee", "lesson", "state", "passed", "total", "minutes", "stuck", "source");

    private final Board board;

    BoardExport(Board board) {
        this.board = board;
    }

    String csv(long now) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get())) {
            for (Map.Entry<String, List<CellView>> row : board.rows().entrySet()) {
                for (CellView cell : row.getValue()) {
                    printer.printRecord(cell.attendee(), cell.lesson(), cell.state(), cell.passed(), cell.total(), cell.minutes(now),
                            cell.stuck(), cell.source() == null ? "" : cell.source());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Suites named attendee/lesson; a check the board has no result for yet is a failure "not reported yet". */
    String junit() {
        List<LessonResult> results = new ArrayList<>();
        for (Map.Entry<String, List<CellView>> row : board.rows().entrySet()) {
            for (CellView cell : row.getValue()) {
                Optional<Lesson> lesson = board.lesson(cell.lesson());
                if (lesson.isEmpty()) {
                    continue;
                }
                List<Verdict> verdicts = new ArrayList<>();
                for (CheckSpec check : lesson.get().checks()) {
                    CheckRow latest = cell.checks().stream().filter(r -> r.id().equals(check.info().id())).findFirst().orElse(null);
                    verdicts.add(verdict(check, latest));
                }
                results.add(new LessonResult(cell.attendee() + "/" + cell.lesson(), lesson.get().title(), verdicts, Duration.ZERO));
            }
        }
        return new JunitReport().render(results);
    }

    private static Verdict verdict(CheckSpec check, CheckRow row) {
        if (row == null) {
            return Verdict.fail(check, "", "", "not reported yet");
        }
        return switch (row.status()) {
            case "PASS" -> Verdict.pass(check, "", row.message());
            case "SKIPPED" -> Verdict.skipped(check, row.message());
            case "ERROR" -> Verdict.error(check, row.message());
            default -> Verdict.fail(check, "", "", row.message());
        };
    }
}
