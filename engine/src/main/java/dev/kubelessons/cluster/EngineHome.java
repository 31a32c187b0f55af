package dev.kubelessons.cluster;

import dev.kubelessons.failure.PrerequisiteException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The engine's own files (templates/, cluster/ with the add-ons and the kind config, the cluster build scripts), found
 * without a clone: $KUBELESSONS_ROOT (or -Dkubelessons.root), else the engine clone around the working directory (its
 * files as they are edited), else the copy the engine carries on its class path under {@value #BUNDLE} (jbang's
 * //FILES in engine/Lesson.java, Maven's resources), extracted once into the user's cache under a hash of its
 * contents, so two engine versions never share a folder.
 */
public final class EngineHome {

    /** The class path folder of the engine's files. */
    public static final String BUNDLE = "kubelessons-home";
    private static final String MARKER = KwokBinaries.SCRIPT;

    private EngineHome() {
    }

    /** The engine's home folder, or empty if there is none (a broken build: the bundle is always on the class path). */
    public static Optional<Path> find() {
        for (String given : new String[] {System.getenv("KUBELESSONS_ROOT"), System.getProperty("kubelessons.root")}) {
            if (given != null && !given.isBlank()) {
                Path root = Path.of(given).toAbsolutePath().normalize();
                if (Files.isRegularFile(root.resolve(MARKER))) {
                    return Optional.of(root);
                }
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MARKER)) && Files.isRegularFile(dir.resolve("engine/Lesson.java"))) {
                return Optional.of(dir);
            }
        }
        return bundled(UserDirs.fromEnvironment());
    }

    /** Like {@link #find}, for callers that cannot go on without it. */
    public static Path require() {
        return find().orElseThrow(() -> new PrerequisiteException("the engine's own files (" + BUNDLE + ") are not on its class path",
                "this is a broken engine build: rebuild it (jbang --fresh lesson ...), or set KUBELESSONS_ROOT to a kubelessons clone"));
    }

    /** The bundle: used in place when it is a folder (Maven's target/classes), else extracted from the engine's jar. */
    static Optional<Path> bundled(UserDirs dirs) {
        URL marker = EngineHome.class.getClassLoader().getResource(BUNDLE + "/" + MARKER);
        if (marker == null) {
            return Optional.empty();
        }
        try {
            if (marker.getProtocol().equals("file")) {
                Path home = Path.of(marker.toURI());
                for (String ignored : MARKER.split("/")) {
                    home = home.getParent();
                }
                return Optional.of(home);
            }
            if (marker.openConnection() instanceof JarURLConnection connection) {
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    return Optional.of(extract(jar, dirs.cache().resolve("engine")));
                }
            }
            return Optional.empty();
        } catch (IOException | URISyntaxException e) {
            throw new UncheckedIOException(new IOException("cannot unpack the engine's files from " + marker + ": " + e.getMessage(), e));
        }
    }

    /** Extracts the bundle into {@code cache}/<hash of its contents>, unless a previous run already did. */
    private static Path extract(JarFile jar, Path cache) throws IOException {
        List<JarEntry> entries = new ArrayList<>();
        MessageDigest digest = sha256();
        for (JarEntry entry : jar.stream().filter(e -> e.getName().startsWith(BUNDLE + "/") && !e.isDirectory())
                .sorted(java.util.Comparator.comparing(JarEntry::getName)).toList()) {
            entries.add(entry);
            digest.update(entry.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (InputStream in = jar.getInputStream(entry)) {
                digest.update(in.readAllBytes());
            }
        }
        Path target = cache.resolve(HexFormat.of().formatHex(digest.digest()).substring(0, 20));
        if (Files.isRegularFile(target.resolve(MARKER))) {
            return target;
        }
        Files.createDirectories(cache);
        Path temp = Files.createTempDirectory(cache, ".unpacking-");
        for (JarEntry entry : entries) {
            Path file = temp.resolve(entry.getName().substring(BUNDLE.length() + 1)).normalize();
            if (!file.startsWith(temp)) {
                continue; // a name with '..' cannot come from our build; never write outside the folder
            }
            Files.createDirectories(file.getParent());
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, file);
            }
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
            FileTrees.deleteIfExists(temp); // another engine process unpacked the same version first: same contents
        }
        return target;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
