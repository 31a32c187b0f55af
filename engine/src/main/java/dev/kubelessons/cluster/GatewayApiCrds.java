package dev.kubelessons.cluster;

import dev.kubelessons.failure.PrerequisiteException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Gateway API CRDs (standard channel) at the version the ingress controller pins, taken from the module's zip on
 * the Go module proxy (checksum-verified) and kept in the user's cache: fetched from upstream, so never committed.
 */
final class GatewayApiCrds {

    static final String MODULE = "sigs.k8s.io/gateway-api";
    /** The version traefik v3.6.12's go.mod requires, so the controller and the CRDs agree on every field. */
    static final String VERSION = "v1.4.0";
    /** go.sum's line for sigs.k8s.io/gateway-api v1.4.0 (the zip, not its go.mod). */
    static final String H1 = "h1:ZwlNM6zOHq0h3WUX2gfByPs2yAEsy/EenYJB78jpQfQ=";
    static final String CHANNEL = "standard";
    private static final String CHANNEL_DIR = "config/crd/" + CHANNEL + "/";

    private final Path cache;
    private final GoModuleProxy proxy;
    private final String h1;

    GatewayApiCrds(UserDirs dirs, GoModuleProxy proxy) {
        this(dirs.cache().resolve("gateway-api").resolve(VERSION + "-" + CHANNEL), proxy, H1);
    }

    /** With another pinned checksum: tests use it to see a mismatch refused. */
    GatewayApiCrds(Path cache, GoModuleProxy proxy, String h1) {
        this.cache = cache;
        this.proxy = proxy;
        this.h1 = h1;
    }

    /** Where the files come from, for error messages: the module, and the folder they are cached in. */
    String source() {
        return MODULE + "@" + VERSION + " (" + cache + ")";
    }

    /** The CRD files in name order, downloaded and extracted on first use; a complete folder is never fetched again. */
    List<Path> files(PrintWriter out) {
        if (!Files.isDirectory(cache)) {
            fetch(out);
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + cache, e);
        }
    }

    private void fetch(PrintWriter out) {
        out.println("  fetching the Gateway API " + VERSION + " CRDs (" + MODULE + "@" + VERSION + ") from " + proxy.base());
        out.flush();
        Path work = cache.resolveSibling(cache.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            FileTrees.deleteIfExists(work);
            Path zip = work.resolve("module.zip");
            proxy.download(MODULE, VERSION, h1, zip);
            Path crds = Files.createDirectories(work.resolve("crds"));
            int count = extract(zip, crds);
            if (count == 0) {
                throw new PrerequisiteException(MODULE + "@" + VERSION + " has no " + CHANNEL_DIR + "*.yaml",
                        "report this: the pinned version or the CRD folder in GatewayApiCrds is wrong");
            }
            // The folder appears whole or not at all, so an interrupted fetch is simply redone next time.
            try {
                Files.move(crds, cache, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Another 'cluster up' (or test run) finished the same fetch first: its verified files are the same.
                if (!Files.isDirectory(cache)) {
                    throw e;
                }
            }
            out.println("  checksum " + h1 + " verified; " + count + " files cached in " + cache);
        } catch (IOException e) {
            throw new PrerequisiteException("cannot unpack the Gateway API CRDs into " + cache + ": " + e.getMessage(),
                    "check that " + cache.getParent() + " is writable and has space, then run 'cluster up' again", e);
        } finally {
            FileTrees.deleteIfExists(work);
        }
    }

    /** Only {@code <module>@<version>/config/crd/standard/*.yaml}, under their own names: nothing else of the zip is written. */
    private static int extract(Path zip, Path into) throws IOException {
        String prefix = MODULE + "@" + VERSION + "/" + CHANNEL_DIR;
        int count = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().map(e -> (ZipEntry) e).toList()) {
                String name = entry.getName();
                String rest = name.startsWith(prefix) ? name.substring(prefix.length()) : "";
                if (rest.endsWith(".yaml") && rest.matches("[A-Za-z0-9._-]+")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, into.resolve(rest));
                    }
                    count++;
                }
            }
        }
        return count;
    }
}
