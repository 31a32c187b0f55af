package dev.kubelessons.site;

import dev.kubelessons.lesson.CheckSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Says in one sentence what a check verifies, for readers who should not need to read the check's YAML. */
final class CheckDescription {

    /** A node command longer than this goes in the fold, not in the sentence. */
    private static final int SHORT_COMMAND = 80;

    private CheckDescription() {
    }

    /** The sentence, with the lesson namespace written as a reader sees it ("your lesson namespace"), never as ${namespace}. */
    static String of(CheckSpec spec) {
        return readable(sentence(spec));
    }

    /**
     * The expression behind the sentence, for a folded "how it is checked": CEL, or a node command's script (when the
     * sentence only says it runs one) and the regular expression its output must match; else empty.
     */
    static String internals(CheckSpec spec) {
        if (spec instanceof CheckSpec.Cel c) {
            return c.expression().strip();
        } else if (spec instanceof CheckSpec.NodeCommand c) {
            String command = !script(c.command()) ? "" : shellScript(c.command())
                    // The script as its author wrote it: quoted for sh -c, its own quotes would read as '\''.
                    ? c.command().get(0) + " -c with this script:\n" + c.command().get(2).strip() + "\n"
                    : ShellWords.join(c.command()) + "\n";
            return command + "output matches /" + c.outputMatches() + "/" + placeholders(command + c.outputMatches());
        }
        return "";
    }

    /** Whether the command is a script (sh -c, or too long or many-lined for a sentence) rather than one short command. */
    private static boolean script(List<String> command) {
        String joined = ShellWords.join(command);
        return shellScript(command) || joined.length() > SHORT_COMMAND || joined.contains("\n");
    }

    /** {@code sh -c SCRIPT} (or bash), and nothing after the script. */
    private static boolean shellScript(List<String> command) {
        return command.size() == 3 && command.get(0).matches("(ba)?sh") && command.get(1).equals("-c");
    }

    /** What the placeholders in {@code text} stand for: the runner fills them in before it runs the command. */
    private static String placeholders(String text) {
        List<String> meanings = new ArrayList<>();
        if (text.contains("${namespace}")) {
            meanings.add("${namespace} is the lesson namespace");
        }
        if (text.contains("${nodes}")) {
            meanings.add("${nodes} is every node as name,podCIDR,InternalIP, separated by spaces");
        }
        return meanings.isEmpty() ? "" : " (" + String.join("; ", meanings) + ")";
    }

    private static String readable(String text) {
        return text.replace("\\Q${namespace}\\E", "<namespace>").replace("${namespace}", "<namespace>");
    }

    private static String sentence(CheckSpec spec) {
        if (spec instanceof CheckSpec.Exists c) {
            return c.resource() + " exists";
        } else if (spec instanceof CheckSpec.Absent c) {
            return c.resource() + " does not exist";
        } else if (spec instanceof CheckSpec.Cel c) {
            return "reads " + c.resource() + " from the API server and checks its fields";
        } else if (spec instanceof CheckSpec.Rollout c) {
            return c.resource() + " has rolled out: all replicas updated and ready";
        } else if (spec instanceof CheckSpec.Endpoints c) {
            return "Service " + c.service() + " has " + c.count() + " ready endpoint" + (c.count() == 1 ? "" : "s");
        } else if (spec instanceof CheckSpec.Http c) {
            return "GET " + c.url() + headers(c.headers()) + " from a probe pod returns " + c.status()
                    + (c.bodyContains().isEmpty() ? "" : " with \u201c" + c.bodyContains() + "\u201d in the body");
        } else if (spec instanceof CheckSpec.Dns c) {
            return c.name() + (c.resolves() ? " resolves" : " does not resolve") + " from a probe pod";
        } else if (spec instanceof CheckSpec.Traffic c) {
            return "traffic from pods " + labels(c.fromLabels()) + " to " + c.service() + ":" + c.port()
                    + (c.allowed() ? " is allowed" : " is denied");
        } else if (spec instanceof CheckSpec.NodeCommand c) {
            // A script is no sentence (its quoting and ${nodes} want the fold, where internals() shows it): say what it is.
            return (shellScript(c.command()) ? "runs a shell script" : script(c.command()) ? "runs a command"
                    : "runs \u201c" + ShellWords.join(c.command()) + "\u201d")
                    + " on the " + c.node() + " node and looks for the expected line";
        }
        // CheckSpec is sealed; a new kind should get its own sentence above.
        return spec.kind().word() + " check";
    }

    private static String headers(Map<String, String> headers) {
        return headers.isEmpty() ? "" : headers.entrySet().stream().map(h -> h.getKey() + ": " + h.getValue())
                .collect(Collectors.joining(", ", " with the header" + (headers.size() == 1 ? " " : "s "), ""));
    }

    private static String labels(Map<String, String> labels) {
        return labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }
}
