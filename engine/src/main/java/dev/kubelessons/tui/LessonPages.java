package dev.kubelessons.tui;

import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Prose;
import dev.kubelessons.lesson.Step;
import dev.kubelessons.lesson.StepPart;
import dev.kubelessons.runner.Counted;
import dev.kubelessons.runner.LessonView;
import dev.kubelessons.runner.SetupSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text of a lesson's screens, as terminal lines of a given width: the introduction (objectives,
 * prerequisites not done, the lesson's opening prose) and a step (its prose, the manifests to apply,
 * setup told in words; checks, hints and solutions are shown elsewhere or on request).
 */
public final class LessonPages {

    private final TerminalMarkdown markdown;
    private final int width;
    private final boolean color;

    public LessonPages(int width, boolean color) {
        this.markdown = new TerminalMarkdown(width, color);
        this.width = width;
        this.color = color;
    }

    public List<String> introduction(LessonView.Header header, Map<String, String> missing, boolean waitsForKey) {
        Lesson lesson = header.lesson();
        List<String> out = new ArrayList<>(markdown.render("# " + lesson.title()));
        out.add(Style.DIM.apply(lesson.durationMinutes() + " min · " + Counted.of(lesson.steps().size(), "step") + " · namespace "
                + header.namespace() + (header.namespaceCreated() ? " (just created, setup applied)" : "") + " · cluster " + header.cluster(), color));
        kubectlSetup(header, "").forEach(out::add);
        out.add("");
        if (!missing.isEmpty()) {
            StringBuilder text = new StringBuilder("**Before this lesson:** ");
            missing.forEach((id, why) -> text.append('`').append(id).append("` (").append(why).append("), "));
            text.setLength(text.length() - 2);
            text.append(waitsForKey ? ". Press **g** to go to `" + missing.keySet().iterator().next() + "` first, or Enter to go on anyway."
                    : ". Start it with: " + lesson.runCommand().replace(lesson.id(), missing.keySet().iterator().next()));
            out.addAll(markdown.render(text.toString()));
            out.add("");
        }
        if (!lesson.objectives().isEmpty()) {
            StringBuilder objectives = new StringBuilder("**In this lesson you will**\n\n");
            lesson.objectives().forEach(o -> objectives.append("- ").append(o).append('\n'));
            out.addAll(markdown.render(objectives.toString()));
            out.add("");
        }
        out.addAll(markdown.render(lesson.introduction().markdown()));
        if (waitsForKey) {
            out.add("");
            out.addAll(markdown.render("Press **Enter** to start with step 1 of " + lesson.steps().size() + ": *" + lesson.steps().get(0).title() + "*."));
        }
        return out;
    }

    public List<String> step(LessonView.Header header, Step step) {
        List<String> out = new ArrayList<>(markdown.render("## Step " + step.number() + " of " + header.lesson().steps().size() + ": " + step.title()));
        out.add("");
        for (StepPart part : step.parts()) {
            if (part instanceof Prose prose) {
                out.addAll(markdown.render(prose.markdown()));
                out.add("");
            } else if (part instanceof Block block && block.role() == BlockRole.SETUP) {
                for (String sentence : SetupSummary.describe(block)) {
                    out.addAll(new StyledLine().add("▸ ", Style.BOLD).add(sentence, Style.ITALIC).wrap(width, "  ", "    ", color));
                }
                out.add("");
            } else if (part instanceof Block block && block.role() == BlockRole.APPLY) {
                // Wrapped like the setup sentences: cut at the width, a narrow terminal lost the namespace and the -f.
                out.addAll(new StyledLine().add("Apply this (save it to a file and kubectl apply -n " + header.namespace() + " -f FILE):", Style.DIM)
                        .wrap(width, "  ", "    ", color));
                out.addAll(kubectlSetup(header, "    "));
                out.addAll(markdown.code(block.language(), block.content(), "    "));
                out.add("");
            } else if (part instanceof Block block && block.role() == BlockRole.EXAMPLE) {
                out.addAll(markdown.code(block.language(), block.content(), "    "));
                out.add("");
            }
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** The learner's kubectl would reach another cluster (kwok's kubeconfig is not their default): what to type first. */
    private List<String> kubectlSetup(LessonView.Header header, String indent) {
        if (header.kubectlSetup().isBlank()) {
            return List.of();
        }
        // The command on a line of its own, so that it is copied whole.
        return new StyledLine().add("kubectl reaches this cluster in a shell after:\n", Style.DIM).add(header.kubectlSetup(), Style.BOLD)
                .wrap(width, indent, indent + "  ", color);
    }

    /** A hint or solution asked for: a titled block of Markdown. */
    public List<String> reveal(String title, String text) {
        List<String> out = new ArrayList<>(new StyledLine().add("▌ " + title, Style.BOLD).wrap(width, "", "  ", color));
        // Indented under its title: rendered two columns narrower, so nothing runs past the width.
        new TerminalMarkdown(width - 2, color).render(text).forEach(l -> out.add(l.isEmpty() ? "" : "  " + l));
        return out;
    }
}
