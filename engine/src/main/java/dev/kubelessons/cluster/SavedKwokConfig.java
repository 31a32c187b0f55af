package dev.kubelessons.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The kwok.yaml kwokctl keeps in a cluster's folder: the resolved configuration it starts the components from.
 * We read only the component names, in kwokctl's start order, to know which processes a healthy cluster runs even
 * when a pid file is missing (kwokctl removes it on 'stop', and a crash may leave none).
 */
final class SavedKwokConfig {

    static final String FILE = "kwok.yaml";
    /** The component names read from {@link #FILE}, with its size and time: ours, beside kwokctl's files. */
    static final String MEMO = "kwok.yaml.kubelessons-components";

    private SavedKwokConfig() {
    }

    /** The names of the components in {@code clusterDir}/kwok.yaml; empty if the file is missing or unreadable. */
    static List<String> componentNames(Path clusterDir) {
        Path file = clusterDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        // Every command that uses the cluster asks this, and reading 25 KB of YAML is ~0.05-0.1 s on a cold JVM, on the
        // critical path of a --check: the names are kept beside the file, valid while its size and time are the same.
        Optional<String> stamp = stamp(file);
        Path memo = clusterDir.resolve(MEMO);
        Optional<List<String>> kept = stamp.flatMap(s -> readMemo(memo, s));
        if (kept.isPresent()) {
            return kept.get();
        }
        List<String> names = parse(file);
        if (stamp.isPresent() && stamp.equals(stamp(file))) {
            try {
                // Whole or not at all: another command may read it meanwhile.
                WholeFile.write(memo, (stamp.get() + "\n" + names.stream().map(n -> n + "\n").collect(Collectors.joining()))
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException | UncheckedIOException e) {
                // Not kept (a read-only folder): parsed again next time.
            }
        }
        return names;
    }

    private static Optional<String> stamp(Path file) {
        try {
            return Optional.of(Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<List<String>> readMemo(Path memo, String stamp) {
        try {
            List<String> lines = Files.isRegularFile(memo) ? Files.readAllLines(memo) : List.of();
            return !lines.isEmpty() && lines.get(0).equals(stamp) ? Optional.of(List.copyOf(lines.subList(1, lines.size()))) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static List<String> parse(Path file) {
        List<String> names = new ArrayList<>();
        // SnakeYAML's Composer, not 'new Yaml()': the Yaml facade probes for optional classes, which opened every jar
        // of the class path on each start (strace), and builds Java objects of all 25 KB where two fields are needed.
        try (Reader reader = Files.newBufferedReader(file)) {
            LoaderOptions options = new LoaderOptions();
            Composer composer = new Composer(new ParserImpl(new StreamReader(reader), options), new Resolver(), options);
            while (composer.checkNode()) {
                Node document = composer.getNode();
                if ("KwokctlConfiguration".equals(scalar(document, "kind")) && field(document, "components") instanceof SequenceNode components) {
                    for (Node component : components.getValue()) {
                        String name = scalar(component, "name");
                        if (name != null) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (IOException | YAMLException e) {
            // A damaged kwok.yaml: the pid files alone then say which components exist, and kwokctl reports the damage.
            return List.of();
        }
        return List.copyOf(names);
    }

    private static Node field(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }

    private static String scalar(Node node, String key) {
        return field(node, key) instanceof ScalarNode value ? value.getValue() : null;
    }
}
