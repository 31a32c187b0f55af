package dev.kubelessons.check;

import dev.kubelessons.lesson.CheckInfo;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.ResourceRef;
import dev.kubelessons.lesson.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Check specs as a lesson would declare them, built without parsing Markdown. */
final class Checks {

    private Checks() {
    }

    static CheckInfo info(String id) {
        return new CheckInfo(id, "title of " + id, "hint of " + id, "explain " + id, SourcePosition.of(Path.of("test.md"), 1, 1));
    }

    static CheckSpec.Exists exists(String kind, String name) {
        return new CheckSpec.Exists(info("exists-" + name), ResourceRef.of(null, kind, name));
    }

    static CheckSpec.Absent absent(String kind, String name) {
        return new CheckSpec.Absent(info("absent-" + name), ResourceRef.of(null, kind, name));
    }

    static CheckSpec.Cel cel(String kind, String name, String expression) {
        return new CheckSpec.Cel(info("cel-" + name), ResourceRef.of(null, kind, name), expression,
                SourcePosition.of(Path.of("test.md"), 1, 1));
    }

    static CheckSpec.Rollout rollout(String name) {
        return new CheckSpec.Rollout(info("rollout-" + name), ResourceRef.of(null, "Deployment", name));
    }

    static CheckSpec.Endpoints endpoints(String service, int count) {
        return new CheckSpec.Endpoints(info("endpoints-" + service), service, count);
    }

    static CheckSpec.Http http(String url, int status, String body) {
        return new CheckSpec.Http(info("http"), url, status, body);
    }

    static CheckSpec.Dns dns(String name, boolean resolves) {
        return new CheckSpec.Dns(info("dns"), name, resolves);
    }

    static CheckSpec.Traffic traffic(Map<String, String> from, String service, int port, boolean allowed) {
        return new CheckSpec.Traffic(info("traffic"), from, service, port, allowed);
    }

    static CheckSpec.NodeCommand nodeCommand(String node, List<String> command, String pattern) {
        return new CheckSpec.NodeCommand(info("node-command"), node, command, pattern);
    }
}
