package dev.kubelessons.cluster;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The kwok.yaml kwokctl keeps in a cluster's folder: the resolved configuration it starts the components from.
 * We read only the component names, in kwokctl's start order, to know which processes a healthy cluster runs even
 * when a pid file is missing (kwokctl removes it on 'stop', and a crash may leave none).
 */
final class SavedKwokConfig {

    static final String FILE = "kwok.yaml";

    private SavedKwokConfig() {
    }

    /** The names of the components in {@code clusterDir}/kwok.yaml; empty if the file is missing or unreadable. */
    static List<String> componentNames(Path clusterDir) {
        Path file = clusterDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml(new LoaderOptions()).loadAll(reader)) {
                if (document instanceof Map<?, ?> map && "KwokctlConfiguration".equals(map.get("kind"))
                        && map.get("components") instanceof List<?> components) {
                    for (Object component : components) {
                        if (component instanceof Map<?, ?> c && c.get("name") instanceof String name) {
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
}
