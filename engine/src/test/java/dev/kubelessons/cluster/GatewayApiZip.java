package dev.kubelessons.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import com.sun.net.httpserver.HttpServer;

/**
 * The real sigs.k8s.io/gateway-api v1.4.0 module zip for tests (upstream content, so fetched, never committed): from Go's
 * module cache when a Go build put it there, else from the Go module proxy once, kept under target/.
 */
final class GatewayApiZip {

    /** sha256 of the zip proxy.golang.org serves, so the tests provably run on the real file. */
    static final String SHA256 = "209e17fd8aa93b9444cf358240060e7435668ed7ca80793be160c59a74c4d5bc";

    private GatewayApiZip() {
    }

    static Path real() throws IOException, InterruptedException {
        return real(GatewayApiCrds.VERSION);
    }

    /** The module zip of another release, e.g. a newer one a learner installed before 'cluster up'. */
    static synchronized Path real(String version) throws IOException, InterruptedException {
        String name = GatewayApiCrds.MODULE + "/@v/" + version + ".zip";
        String modcache = System.getenv("GOMODCACHE");
        Path goCache = (modcache == null || modcache.isBlank() ? Path.of(System.getProperty("user.home"), "go", "pkg", "mod") : Path.of(modcache))
                .resolve("cache/download").resolve(name);
        if (Files.isRegularFile(goCache)) {
            return goCache;
        }
        Path kept = Path.of("target", "test-downloads", "gateway-api-" + version + ".zip").toAbsolutePath();
        if (!Files.isRegularFile(kept)) {
            Files.createDirectories(kept.getParent());
            URI uri = GoModuleProxy.fromEnvironment().zipUri(GatewayApiCrds.MODULE, version);
            Path partial = kept.resolveSibling(kept.getFileName() + ".part");
            HttpResponse<Path> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                    .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + ": HTTP " + response.statusCode());
            }
            Files.move(partial, kept, StandardCopyOption.REPLACE_EXISTING);
        }
        return kept;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of {@code zip} with one byte of one file changed: same names, same sizes, another checksum. */
    static Path tampered(Path zip, Path into) throws IOException {
        Path copy = into.resolve("tampered.zip");
        boolean changed = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip)); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (!changed && entry.getName().endsWith("_httproutes.yaml") && entry.getName().contains("/config/crd/standard/")) {
                    content[content.length - 2] ^= 1;
                    changed = true;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        if (!changed) {
            throw new IllegalStateException("no standard httproutes CRD in " + zip);
        }
        return copy;
    }

    /** A Go module proxy on localhost serving one zip at the module's path, counting the requests it gets. */
    record LocalProxy(HttpServer server, AtomicInteger requests) implements AutoCloseable {

        static LocalProxy serving(Path zip) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AtomicInteger requests = new AtomicInteger();
            String path = "/" + GatewayApiCrds.MODULE + "/@v/" + GatewayApiCrds.VERSION + ".zip";
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                boolean found = exchange.getRequestURI().getPath().equals(path);
                exchange.sendResponseHeaders(found ? 200 : 404, found ? Files.size(zip) : -1);
                if (found) {
                    try (InputStream in = Files.newInputStream(zip); OutputStream out = exchange.getResponseBody()) {
                        in.transferTo(out);
                    }
                }
                exchange.close();
            });
            server.start();
            return new LocalProxy(server, requests);
        }

        GoModuleProxy proxy() {
            return new GoModuleProxy(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), java.util.Optional.empty());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
