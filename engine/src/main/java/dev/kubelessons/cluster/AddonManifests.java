package dev.kubelessons.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the add-on manifests vendored in cluster/addons/, one add-on per file. The labels are the contract: every object
 * carries managed-by=kubelessons and the add-on's name, and a Deployment carries its version, so the files alone say
 * what to install, what to wait for and which images to preload.
 */
final class AddonManifests {

    static final String FOLDER = "cluster/addons";
    static final String ADDON_LABEL = "kubelessons.dev/addon";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String OWNER = "kubelessons";
    static final String VERSION_LABEL = "app.kubernetes.io/version";

    private AddonManifests() {
    }

    /**
     * The add-ons of {@code folder} in file-name order. A file that breaks the label contract is our own bug, not the
     * user's, so it fails as an internal error naming the file and the object.
     */
    static List<Addon> read(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Addon> addons = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                addons.add(addon(file, ServerSideApply.read(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return List.copyOf(addons);
    }

    private static Addon addon(Path file, List<HasMetadata> objects) {
        String name = null;
        for (HasMetadata object : objects) {
            Map<String, String> labels = object.getMetadata().getLabels() == null ? Map.of() : object.getMetadata().getLabels();
            String where = file + ": " + object.getKind() + " " + object.getMetadata().getName();
            if (!OWNER.equals(labels.get(MANAGED_BY)) || labels.get(ADDON_LABEL) == null) {
                throw new IllegalStateException(where + " lacks the labels " + MANAGED_BY + "=" + OWNER + " and " + ADDON_LABEL);
            }
            if (name != null && !name.equals(labels.get(ADDON_LABEL))) {
                throw new IllegalStateException(where + " belongs to add-on " + labels.get(ADDON_LABEL) + ", the file to " + name);
            }
            name = labels.get(ADDON_LABEL);
        }
        List<Deployment> deployments = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).toList();
        if (name == null || deployments.isEmpty()) {
            throw new IllegalStateException(file + " has no Deployment: an add-on needs one to be waited for and versioned");
        }
        String version = deployments.get(0).getMetadata().getLabels().get(VERSION_LABEL);
        if (version == null) {
            throw new IllegalStateException(file + ": Deployment " + deployments.get(0).getMetadata().getName() + " lacks the label " + VERSION_LABEL);
        }
        return new Addon(name, version, file, objects);
    }
}
