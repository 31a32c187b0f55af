package dev.kubelessons.site;

import dev.kubelessons.lesson.CheckSpec;
import java.util.Map;
import java.util.stream.Collectors;

/** Says in one sentence what a check verifies, for readers who should not need to read the check's YAML. */
final class CheckDescription {

    private CheckDescription() {
    }

    static String of(CheckSpec spec) {
        if (spec instanceof CheckSpec.Exists c) {
            return c.resource() + " exists";
        } else if (spec instanceof CheckSpec.Absent c) {
            return c.resource() + " does not exist";
        } else if (spec instanceof CheckSpec.Cel c) {
            return c.resource() + " satisfies " + c.expression();
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
            return "'" + String.join(" ", c.command()) + "' on node " + c.node() + " prints a line matching " + c.outputMatches();
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
