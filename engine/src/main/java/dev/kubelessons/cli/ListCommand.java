package dev.kubelessons.cli;

import dev.kubelessons.lesson.Launcher;
import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.runner.ProgressStore;
import dev.kubelessons.tui.TerminalWidth;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code jbang lesson list}: the course at a glance. Per path, how far the learner is ("3 of 11 done") and
 * the next lesson; per lesson a mark that tells done from done on kwok and from solved by the runner. Columns
 * fit the terminal: the id column is as wide as the longest id, the title gives way (cut with …).
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the lessons by learning path, with your progress.")
public final class ListCommand implements Callable<Integer> {

    static final String LEGEND = "Marks: [x] done  [k] done on a cluster without a data plane (checks unproven)  "
            + "[r] solved by the runner  [~] started  [ ] not started";

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProjectLayout layout = global.layout();
        layout.course(); // a course file with problems is refused, with them all
        // The outline kept from the last run when no lesson, path or engine changed since, else the lessons parsed now.
        ListOutline outline = ListOutlineCache.forUser().outline(layout, () -> ListOutline.of(layout.loader().load(layout.lessons())));
        Map<String, ProgressStore.LessonProgress> progress = ProgressStore.forUser().all();
        PrintWriter out = spec.commandLine().getOut();
        int width = TerminalWidth.detect();
        List<ListOutline.Row> all = outline.paths().stream().flatMap(p -> p.lessons().stream()).toList();
        int idWidth = all.stream().mapToInt(l -> l.id().length()).max().orElse(10);
        int noteWidth = all.stream().mapToInt(l -> note(progress.get(l.id())).length()).max().orElse(0);
        for (ListOutline.PathRows path : outline.paths()) {
            List<ListOutline.Row> lessons = path.lessons();
            out.println(fit(path.title() + " path" + (path.audience().isEmpty() ? "" : ": " + path.audience()), width));
            out.println(fit("  " + summary(lessons, progress), width));
            int position = 1;
            for (ListOutline.Row lesson : lessons) {
                ProgressStore.LessonProgress of = progress.get(lesson.id());
                String left = String.format("  %2d. %s %-" + idWidth + "s  ", position++, mark(of, lesson.checkIds()), lesson.id());
                String right = String.format("  %3d min", lesson.minutes()) + pad(note(of), noteWidth);
                int titleRoom = Math.max(8, width - left.length() - right.length());
                out.println((left + pad(cut(lesson.title(), titleRoom), titleRoom) + right).stripTrailing());
            }
            out.println();
        }
        for (String line : wrap(LEGEND, width)) {
            out.println(line);
        }
        out.println(fit("Start one with: " + Launcher.command("<id>" + courseOption(global.course(), layout.root(), ProjectLayout.findRoot())), width));
        if (outline.problems() > 0) {
            out.println(outline.problems() + " lesson problem(s) hide some lessons; run '" + Launcher.command("lint") + "' to see them");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * " --course DIR" when the course was given with --course or is not the one found from the working folder: without
     * it the suggested command, typed here, would look for a course from here and not find this one.
     */
    static String courseOption(Path given, Path root, Optional<Path> foundHere) {
        Path course = root.toAbsolutePath().normalize();
        boolean foundFromHere = foundHere.map(p -> p.toAbsolutePath().normalize().equals(course)).orElse(false);
        return given != null || !foundFromHere ? " --course " + course : "";
    }

    /** "3 of 11 done (1 on kwok) · next: 04-nodeport-loadbalancer" */
    static String summary(List<ListOutline.Row> lessons, Map<String, ProgressStore.LessonProgress> progress) {
        long done = lessons.stream().filter(l -> finishedByYou(progress.get(l.id()))).count();
        long onKwok = lessons.stream().map(l -> progress.get(l.id())).filter(p -> finishedByYou(p) && !p.done()).count();
        Optional<ListOutline.Row> next = lessons.stream().filter(l -> !finishedByYou(progress.get(l.id()))).findFirst();
        return done + " of " + lessons.size() + " done" + (onKwok > 0 ? " (" + onKwok + " on kwok)" : "")
                + next.map(l -> " · next: " + l.id()).orElse(" · path complete");
    }

    /** After the minutes: how a lesson that is finished but not done was finished. */
    private static String note(ProgressStore.LessonProgress of) {
        return of != null && of.finished() && !of.done() ? (of.solvedByRunner() ? "  by the runner" : "  " + of.unprovenChecks() + " unproven") : "";
    }

    private static boolean finishedByYou(ProgressStore.LessonProgress progress) {
        return progress != null && progress.finished() && !progress.solvedByRunner();
    }

    static String mark(ProgressStore.LessonProgress progress, List<String> checkIds) {
        if (progress == null) {
            return "[ ]";
        }
        if (progress.finished()) {
            return progress.solvedByRunner() ? "[r]" : progress.done() ? "[x]" : "[k]";
        }
        long passed = checkIds.stream().filter(progress.passedChecks()::contains).count();
        return passed > 0 ? "[~]" : "[ ]";
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String fit(String text, int width) {
        return cut(text, width);
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("  ")) {
            if (line.length() > 0 && line.length() + 2 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? "  " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
