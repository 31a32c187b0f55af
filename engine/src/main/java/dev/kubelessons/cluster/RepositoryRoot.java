package dev.kubelessons.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the kubelessons clone holding scripts/build-kwok.sh: $KUBELESSONS_ROOT, -Dkubelessons.root, then upwards from the working directory. */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    static Optional<Path> find() {
        for (String given : new String[] {System.getenv("KUBELESSONS_ROOT"), System.getProperty("kubelessons.root")}) {
            if (given != null && !given.isBlank()) {
                Path root = Path.of(given).toAbsolutePath().normalize();
                return Files.isRegularFile(root.resolve(KwokBinaries.SCRIPT)) ? Optional.of(root) : Optional.empty();
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(KwokBinaries.SCRIPT))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
