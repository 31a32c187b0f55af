package dev.kubelessons.site;

import dev.kubelessons.lesson.CheckSpec;
import java.util.Map;
import java.util.stream.Collectors;

/** Says in one sentence what a check verifies, for readers who should not need to read the check's YAML. */
final class CheckDescription {

    private CheckDescription() {
    }

    /** The sentence, with the lesson namespace written as a reader sees it ("your lesson namespace"), never as ${namespace}. */
    static String of(CheckSpec spec) {
        return readable(sentence(spec));
    }

    /** The expression behind the sentence, for a folded "how it is checked": CEL or a regular expression; else empty. */
    static String internals(CheckSpec spec) {
        if (spec instanceof CheckSpec.Cel c) {
            return c.expression().strip();
        } else if (spec instanceof CheckSpec.NodeCommand c) {
            return "output matches /" + c.outputMatches() + "/" + (c.outputMatches().contains("${namespace}") ? " (${namespace} is the lesson namespace)" : "");
        }
        return "";
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
            return "runs '" + String.join(" ", c.command()) + "' on the " + c.node() + " node and looks for the expected line";
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
