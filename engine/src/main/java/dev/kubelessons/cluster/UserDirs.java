package dev.kubelessons.cluster;

import java.nio.file.Path;
import java.util.Optional;

/** Where kubelessons keeps per-user data outside the repository: built binaries in the cache dir, running clusters in the state dir. */
public record UserDirs(Path cache, Path state) {

    /** $KUBELESSONS_CACHE or $XDG_CACHE_HOME/kubelessons; $KUBELESSONS_STATE or $XDG_STATE_HOME/kubelessons (XDG defaults otherwise). */
    public static UserDirs fromEnvironment() {
        Path home = Path.of(System.getProperty("user.home"));
        Path cache = env("KUBELESSONS_CACHE").orElseGet(
                () -> env("XDG_CACHE_HOME").orElse(home.resolve(".cache")).resolve("kubelessons"));
        Path state = env("KUBELESSONS_STATE").orElseGet(
                () -> env("XDG_STATE_HOME").orElse(home.resolve(".local/state")).resolve("kubelessons"));
        return new UserDirs(cache.toAbsolutePath(), state.toAbsolutePath());
    }

    private static Optional<Path> env(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }
}
