package dev.kubelessons.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Go's module checksum ("h1:", golang.org/x/mod/sumdb/dirhash Hash1) of a module zip, the value go.sum pins: so a zip
 * from any proxy is checked against the same hash the Go toolchain would check it against.
 */
final class ModuleHash {

    private ModuleHash() {
    }

    /**
     * For every file of the zip, sorted by name, the line {@code <sha256 hex>  <name>\n}; h1 is the base64 SHA-256 of
     * all lines. A name with a newline would make the lines ambiguous, so Go refuses it, and so do we.
     */
    static String h1(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = new ArrayList<>(file.stream().map(e -> (ZipEntry) e).toList());
            // Go sorts the names as byte strings; for UTF-8 names Java's String order agrees except with
            // characters beyond the Basic Multilingual Plane, so compare the UTF-8 bytes to be exact.
            entries.sort((a, b) -> compareUtf8(a.getName(), b.getName()));
            MessageDigest summary = sha256();
            for (ZipEntry entry : entries) {
                if (entry.getName().contains("\n")) {
                    throw new IOException("file name with a newline in " + zip + ": " + entry.getName().replace("\n", "\\n"));
                }
                MessageDigest content = sha256();
                try (InputStream in = file.getInputStream(entry)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        content.update(buffer, 0, n);
                    }
                }
                String line = HexFormat.of().formatHex(content.digest()) + "  " + entry.getName() + "\n";
                summary.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return "h1:" + Base64.getEncoder().encodeToString(summary.digest());
        }
    }

    private static int compareUtf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
