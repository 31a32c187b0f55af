package dev.kubelessons.markdown;

import dev.kubelessons.lesson.CheckInfo;
import dev.kubelessons.lesson.CheckKind;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.NodeRequirement;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.ResourceRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns the YAML of a {@code check} block into {@link CheckSpec}s. A block holds one check
 * (a mapping) or several (a list of mappings). Structure is validated here; CEL syntax
 * is validated by lint, which owns the CEL compiler.
 */
final class CheckReader {

    private static final List<String> COMMON = List.of("id", "title", "kind", "hint", "explain");
    private static final Pattern CHECK_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[a-z]+\\}");

    private final Path file;
    private final List<Problem> problems;

    CheckReader(Path file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    List<CheckSpec> read(String yaml, int firstLine) {
        YamlDocument document = new YamlDocument(file, firstLine);
        List<CheckSpec> checks = new ArrayList<>();
        Optional<Node> root = document.parseOne(yaml, problems);
        if (root.isEmpty()) {
            if (yaml.isBlank()) {
                problems.add(new Problem(document.start(), "the check block is empty", "write 'kind:', 'title:' and the kind's fields"));
            }
            return checks;
        }
        List<Node> items = root.get() instanceof SequenceNode sequence ? sequence.getValue() : List.of(root.get());
        for (Node item : items) {
            YamlMapping.of(document, item, problems, "a check").flatMap(this::readOne).ifPresent(checks::add);
        }
        return checks;
    }

    private Optional<CheckSpec> readOne(YamlMapping item) {
        int before = problems.size();
        Optional<CheckKind> kind = item.requiredString("kind", "exists").flatMap(word -> {
            Optional<CheckKind> known = CheckKind.byWord(word);
            if (known.isEmpty()) {
                item.report("kind", "unknown check kind '" + word + "'" + NearestWord.suggestion(CheckKind.words(), word),
                        "use one of: " + String.join(", ", CheckKind.words()));
            }
            return known;
        });
        String title = item.requiredString("title", "the Service my-nginx exists").orElse("");
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        List<String> allowed = new ArrayList<>(COMMON);
        allowed.addAll(kind.get().fields());
        item.rejectUnknownKeys(allowed);
        String id = item.string("id").orElseGet(() -> slug(title));
        // From here on a missing field names the check: "check 'my-nginx-answers' has no 'url'".
        YamlMapping fields = item.describedAs("check '" + id + "'");
        if (!CHECK_ID.matcher(id).matches()) {
            fields.report("id", "check id '" + id + "' must be lowercase words joined by dashes", "write e.g. 'id: service-exists'");
        }
        Optional<String> hint = fields.string("hint");
        if (!fields.has("hint")) {
            fields.report("hint", "the check has no hint", "add 'hint:' with a nudge that teaches without giving the answer away");
        } else if (hint.filter(String::isBlank).isPresent()) {
            // 'hint:' alone or 'hint: ""' leaves the learner as stuck as no hint at all.
            fields.report("hint", "the hint of check '" + id + "' is empty", "write after 'hint:' a nudge that teaches without giving the answer away");
        }
        CheckInfo info = new CheckInfo(id, title, hint.orElse(""), fields.string("explain").orElse(""), fields.position());
        Optional<CheckSpec> spec = switch (kind.get()) {
            case EXISTS -> resource(fields).map(r -> new CheckSpec.Exists(info, r));
            case ABSENT -> resource(fields).map(r -> new CheckSpec.Absent(info, r));
            case ROLLOUT -> resource(fields).map(r -> new CheckSpec.Rollout(info, r));
            case CEL -> resource(fields).flatMap(r -> fields.requiredString("expect", "object.spec.type == 'ClusterIP'")
                    .map(e -> new CheckSpec.Cel(info, r, e, fields.valuePosition("expect"))));
            case ENDPOINTS -> fields.requiredString("service", "my-nginx").flatMap(s ->
                    requiredInt(fields, "count", 0, 1000).map(c -> new CheckSpec.Endpoints(info, s, c)));
            case HTTP -> fields.requiredString("url", "http://my-nginx").map(u -> new CheckSpec.Http(info, u,
                    fields.integer("status", 100, 599).orElse(200), fields.string("bodyContains").orElse(""),
                    HeadersReader.read(fields)));
            case DNS -> fields.requiredString("name", "my-nginx.lesson.svc.cluster.local")
                    .map(n -> new CheckSpec.Dns(info, n, fields.bool("resolves").orElse(true)));
            case TRAFFIC -> traffic(fields, info);
            case NODE_COMMAND -> nodeCommand(fields, info);
        };
        return problems.size() == before ? spec : Optional.empty();
    }

    private Optional<ResourceRef> resource(YamlMapping fields) {
        if (!fields.has("resource")) {
            fields.report("resource", "the check names no resource", "add 'resource: {kind: Service, name: my-nginx}'");
            return Optional.empty();
        }
        return fields.mapping("resource").flatMap(r -> {
            r.rejectUnknownKeys(List.of("apiVersion", "kind", "name"));
            Optional<String> kind = r.requiredString("kind", "Service");
            Optional<String> name = r.requiredString("name", "my-nginx");
            Optional<String> apiVersion = r.string("apiVersion");
            if (kind.isPresent() && apiVersion.isEmpty() && !ResourceRef.hasDefaultApiVersion(kind.get())) {
                r.report("kind", "no default apiVersion for kind '" + kind.get() + "'", "add 'apiVersion:' to the resource");
                return Optional.empty();
            }
            return kind.flatMap(k -> name.map(n -> ResourceRef.of(apiVersion.orElse(null), k, n)));
        });
    }

    private Optional<CheckSpec> traffic(YamlMapping fields, CheckInfo info) {
        Map<String, String> from = fields.stringMap("from");
        if (from.isEmpty()) {
            fields.report("from", "a traffic check needs the client pods' labels", "add 'from: {app: client}'");
        }
        Optional<YamlMapping> to = fields.mapping("to");
        if (to.isEmpty()) {
            fields.report("to", "a traffic check needs a destination", "add 'to: {service: checkout, port: 80}'");
            return Optional.empty();
        }
        to.get().rejectUnknownKeys(List.of("service", "port"));
        Optional<String> service = to.get().requiredString("service", "checkout");
        int port = to.get().integer("port", 1, 65535).orElse(80);
        Optional<Boolean> allowed = fields.requiredString("expect", "allow").flatMap(e -> switch (e.toLowerCase(Locale.ROOT)) {
            case "allow" -> Optional.of(true);
            case "deny" -> Optional.of(false);
            default -> {
                fields.report("expect", "a traffic check expects 'allow' or 'deny', not '" + e + "'", "write 'expect: allow' or 'expect: deny'");
                yield Optional.empty();
            }
        });
        return service.flatMap(s -> allowed.map(a -> new CheckSpec.Traffic(info, from, s, port, a)));
    }

    private Optional<CheckSpec> nodeCommand(YamlMapping fields, CheckInfo info) {
        List<String> command = fields.strings("command");
        if (command.isEmpty()) {
            fields.report("command", "a node-command check needs a command", "add 'command: [iptables-save]'");
        }
        Optional<String> pattern = fields.requiredString("outputMatches", "KUBE-SVC-");
        pattern.ifPresent(p -> {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                Optional<String> placeholder = placeholderAt(p, e.getIndex());
                if (placeholder.isPresent()) {
                    fields.report("outputMatches", "outputMatches is not a valid regular expression: " + placeholder.get() + " is not quoted ("
                            + e.getDescription() + ")", "write it as \\Q" + placeholder.get() + "\\E, so that the text it stands for is matched as it is");
                } else {
                    fields.report("outputMatches", "outputMatches is not a valid regular expression: " + e.getDescription(), "escape special characters such as '(' or '['");
                }
            }
        });
        String node = fields.string("node").orElse("control-plane");
        Optional<NodeRequirement> requires = fields.has("requires") ? requirement(fields) : Optional.empty();
        return command.isEmpty() ? Optional.empty() : pattern.map(p -> new CheckSpec.NodeCommand(info, node, command, p, requires));
    }

    /**
     * The {@code ${namespace}} or {@code ${nodes}} placeholder at the place where a pattern stops compiling: the runner fills
     * it in before compiling, but it is compiled here as written, where '$' and '{' are syntax unless quoted with \Q...\E.
     */
    private static Optional<String> placeholderAt(String pattern, int index) {
        var placeholders = PLACEHOLDER.matcher(pattern);
        while (placeholders.find()) {
            if (placeholders.start() <= index && index <= placeholders.end()) {
                return Optional.of(placeholders.group());
            }
        }
        return Optional.empty();
    }

    /** {@code requires: {command: [...], reason: ...}}: what the machine must have for the check to run at all. */
    private Optional<NodeRequirement> requirement(YamlMapping fields) {
        Optional<YamlMapping> requires = fields.mapping("requires");
        if (requires.isEmpty()) {
            fields.report("requires", "requires must be a mapping with command and reason",
                    "write 'requires: {command: [sh, -c, \"test -e /proc/net/ip_vs\"], reason: the kernel has no IPVS}'");
            return Optional.empty();
        }
        requires.get().rejectUnknownKeys(List.of("command", "reason"));
        List<String> command = requires.get().strings("command");
        if (command.isEmpty()) {
            requires.get().report("command", "requires has no command", "add 'command: [sh, -c, \"test -e /proc/net/ip_vs\"]': it exits 0 when the machine has what the check needs");
        }
        Optional<String> reason = requires.get().requiredString("reason", "the kernel has no IPVS (CONFIG_IP_VS)");
        return command.isEmpty() ? Optional.empty() : reason.map(r -> new NodeRequirement(command, r));
    }

    private Optional<Integer> requiredInt(YamlMapping fields, String key, int min, int max) {
        if (!fields.has(key)) {
            fields.report(key, "the check has no '" + key + "'", "add '" + key + ": " + min + "'");
            return Optional.empty();
        }
        return fields.integer(key, min, max);
    }

    static String slug(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "check" : slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }
}
