package dev.kubelessons.cluster;

import java.nio.file.Path;
import java.util.Optional;

/** The folder holding scripts/build-kwok.sh, cluster/ and templates/: the engine's home ({@link EngineHome}), clone or not. */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    static Optional<Path> find() {
        return EngineHome.find();
    }
}
