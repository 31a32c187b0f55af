package dev.kubelessons.instructor;

import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Step;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders templates/board.ftlh (which uses the site's layout.ftlh) with FreeMarker's HTML auto-escaping. */
final class BoardPage {

    private final Configuration configuration = new Configuration(Configuration.VERSION_2_3_35);
    private final Board board;
    private final long stuckMinutes;

    BoardPage(Path templates, Board board, long stuckMinutes) {
        this.board = board;
        this.stuckMinutes = stuckMinutes;
        try {
            configuration.setDirectoryForTemplateLoading(templates.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the templates folder " + templates, e);
        }
        configuration.setDefaultEncoding("UTF-8");
        configuration.setNumberFormat("computer");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
    }

    String board() {
        return board(null);
    }

    /** @param join the join code to show, or null */
    String board(BoardViews.Join join) {
        List<BoardViews.Column> columns = board.lessons().stream()
                .map(l -> new BoardViews.Column(l.id(), l.title(), board.revealed(l.id()),
                        l.faults().stream().map(f -> new BoardViews.FaultOption(f.name(), f.title(), f.isClusterLevel())).toList())).toList();
        List<BoardViews.Row> rows = new ArrayList<>();
        board.rows().forEach((attendee, cells) -> rows.add(new BoardViews.Row(attendee, cells)));
        return render(new BoardViews.Page("board", "Workshop board", columns, rows, System.currentTimeMillis(), stuckMinutes, null, List.of(),
                board.cluster(), join));
    }

    String login(String message) {
        return render(new BoardViews.Page("login", "Instructor sign-in", List.of(), List.of(), 0, stuckMinutes, message, List.of(),
                ClusterBanner.REACHABLE, null));
    }

    /** The attendee's join form; {@code message} says why the last try was refused, {@code name} is what they typed. */
    String joinForm(String message, String name) {
        return render(new BoardViews.Page("join", "Join the workshop", List.of(), List.of(), 0, stuckMinutes, message, List.of(),
                ClusterBanner.REACHABLE, new BoardViews.Join(null, null, null, name, null, null, List.of())));
    }

    /** The joined attendee's page: their kubeconfig (once, as a download link) and the exact commands to run. */
    String joined(JoinDesk.Joined joined) {
        String file = joined.attendee() + ".kubeconfig";
        String download = "data:application/yaml;base64," + java.util.Base64.getEncoder()
                .encodeToString(joined.kubeconfig().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> commands = List.of("export KUBECONFIG=\"$HOME/Downloads/" + file + "\"",
                "./jbang lesson " + joined.firstLesson() + " --cluster context:" + joined.context());
        return render(new BoardViews.Page("joined", "Welcome, " + joined.attendee(), List.of(), List.of(), 0, stuckMinutes, null, List.of(),
                ClusterBanner.REACHABLE, new BoardViews.Join(null, null, null, joined.attendee(), download, file, commands)));
    }

    String solution(Lesson lesson) {
        List<BoardViews.SolutionStep> steps = new ArrayList<>();
        for (Step step : lesson.steps()) {
            List<String> blocks = new ArrayList<>();
            step.blocks(BlockRole.APPLY).stream().map(Block::content).forEach(blocks::add);
            step.blocks(BlockRole.SOLUTION).stream().map(Block::content).forEach(blocks::add);
            if (!blocks.isEmpty()) {
                steps.add(new BoardViews.SolutionStep(step.title(), blocks));
            }
        }
        return render(new BoardViews.Page("solution", lesson.id() + " · " + lesson.title() + ": solution", List.of(), List.of(), 0,
                stuckMinutes, null, steps, ClusterBanner.REACHABLE, null));
    }

    private String render(BoardViews.Page page) {
        try {
            StringWriter out = new StringWriter();
            configuration.getTemplate("board.ftlh").process(Map.of("page", page), out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates/board.ftlh: " + e.getMessage(), e);
        } catch (TemplateException e) {
            throw new IllegalStateException("templates/board.ftlh:" + e.getLineNumber() + ": " + e.getMessageWithoutStackTop(), e);
        }
    }
}
