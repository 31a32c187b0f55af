package dev.kubelessons.check;

import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.NodeRequirement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Evaluates {@code node-command}: runs the command in the node's container and looks for a matching line. */
final class NodeCommandEvaluator {

    static final String NO_NODE_SHELL = "node commands need a kind cluster: this cluster's nodes cannot be entered with docker exec";

    Verdict evaluate(CheckSpec.NodeCommand check, CheckContext context) {
        if (context.nodeShell().isEmpty()) {
            return Verdict.skipped(check, NO_NODE_SHELL);
        }
        NodeShell shell = context.nodeShell().get();
        if (check.requires().isPresent()) {
            Optional<String> missing = missing(check, check.requires().get(), shell, context);
            if (missing.isPresent()) {
                return Verdict.skipped(check, missing.get());
            }
        }
        List<String> command = check.command().stream().map(context::expand).toList();
        Pattern pattern;
        try {
            pattern = Pattern.compile(context.expand(check.outputMatches()), Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            return Verdict.error(check, "outputMatches is not a valid regular expression: " + e.getDescription());
        }
        return Retry.untilPass(context.probe(), () -> {
            try {
                return judge(check, String.join(" ", command), pattern, shell.run(check.node(), command));
            } catch (NodeShell.NodeShellException e) {
                return Verdict.error(check, e.getMessage());
            }
        });
    }

    /**
     * Why the machine cannot run this check, or empty when it can: the requirement's command failed on the node.
     * Its own output (say "# CONFIG_IP_VS is not set") goes into the reason as the evidence.
     */
    static Optional<String> missing(CheckSpec.NodeCommand check, NodeRequirement requirement, NodeShell shell, CheckContext context) {
        List<String> command = requirement.command().stream().map(context::expand).toList();
        try {
            shell.run(check.node(), command);
            return Optional.empty();
        } catch (NodeShell.NodeShellException e) {
            if (e.getMessage().contains("No such container")) {
                return Optional.empty(); // no node at all: the check itself says so as an ERROR, not a machine's limit
            }
            return Optional.of(Verdict.NOT_ON_THIS_MACHINE + requirement.reason() + " (evidence on node " + check.node() + ": " + evidence(e.getMessage()) + ")");
        }
    }

    /** What the requirement's command said, on one line: after "docker exec ... exited with N: " when that is there. */
    static String evidence(String message) {
        int exited = message.indexOf(" exited with ");
        int said = exited < 0 ? -1 : message.indexOf(": ", exited);
        String words = said < 0 ? message : message.substring(said + 2);
        return String.join("; ", words.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
    }

    static Verdict judge(CheckSpec.NodeCommand check, String commandLine, Pattern pattern, String output) {
        String where = "`" + commandLine + "` on node " + check.node();
        Matcher matcher = pattern.matcher(output);
        if (matcher.find()) {
            String line = lineAround(output, matcher.start());
            return Verdict.pass(check, line, where + " prints a matching line: " + line);
        }
        long lines = output.lines().count();
        return Verdict.fail(check, "no matching line in " + lines + (lines == 1 ? " line" : " lines"), "a line matching " + pattern.pattern(),
                "no line of " + where + " (" + lines + (lines == 1 ? " line" : " lines") + ") matches " + pattern.pattern());
    }

    private static String lineAround(String output, int index) {
        int start = output.lastIndexOf('\n', index) + 1;
        int end = output.indexOf('\n', index);
        String line = output.substring(start, end < 0 ? output.length() : end).strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
