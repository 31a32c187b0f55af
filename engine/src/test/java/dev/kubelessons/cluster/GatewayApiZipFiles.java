package dev.kubelessons.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The standard channel's YAML files of a gateway-api module zip, written to a folder, in name order: what upstream's standard-install holds. */
final class GatewayApiZipFiles {

    private GatewayApiZipFiles() {
    }

    static List<Path> extract(Path zip, String version, Path into) throws IOException {
        String prefix = GatewayApiCrds.MODULE + "@" + version + "/config/crd/standard/";
        List<Path> files = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().map(e -> (ZipEntry) e).toList()) {
                String rest = entry.getName().startsWith(prefix) ? entry.getName().substring(prefix.length()) : "";
                if (rest.endsWith(".yaml") && !rest.contains("/")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        Path target = into.resolve(rest);
                        Files.copy(in, target);
                        files.add(target);
                    }
                }
            }
        }
        files.sort(null);
        return files;
    }
}
