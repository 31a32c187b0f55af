package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.failure.PrerequisiteException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gateway API CRDs: Go's h1 checksum on the real module zip, and a download that refuses any other file. */
class GatewayApiCrdsTest {

    @Test
    void theRealZipHasThePinnedGoChecksum() throws Exception {
        Path zip = GatewayApiZip.real();
        assertEquals(GatewayApiZip.SHA256, GatewayApiZip.sha256(zip), "not the zip proxy.golang.org serves: " + zip);
        assertEquals(GatewayApiCrds.H1, ModuleHash.h1(zip));
    }

    @Test
    void oneChangedByteChangesTheChecksum(@TempDir Path dir) throws Exception {
        Path tampered = GatewayApiZip.tampered(GatewayApiZip.real(), dir);
        String h1 = ModuleHash.h1(tampered);
        assertTrue(h1.startsWith("h1:"), h1);
        assertNotEquals(GatewayApiCrds.H1, h1);
    }

    @Test
    void theStandardChannelIsExtractedOnceAndServedFromTheCacheAfterwards(@TempDir Path dir) throws Exception {
        try (GatewayApiZip.LocalProxy local = GatewayApiZip.LocalProxy.serving(GatewayApiZip.real())) {
            GatewayApiCrds crds = new GatewayApiCrds(dir.resolve("crds"), local.proxy(), GatewayApiCrds.H1);
            StringWriter log = new StringWriter();
            List<Path> files = crds.files(new PrintWriter(log, true));

            List<String> names = files.stream().map(f -> f.getFileName().toString()).toList();
            assertEquals(6, names.size(), names.toString());
            assertTrue(names.contains("gateway.networking.k8s.io_httproutes.yaml"), names.toString());
            assertTrue(names.contains("gateway.networking.k8s.io_gatewayclasses.yaml"), names.toString());
            assertTrue(Files.readString(files.get(0)).contains("gateway.networking.k8s.io/channel: standard"));
            assertTrue(log.toString().contains("checksum " + GatewayApiCrds.H1 + " verified; 6 files cached"), log.toString());
            assertEquals(1, local.requests().get());

            assertEquals(files, crds.files(new PrintWriter(new StringWriter())));
            assertEquals(1, local.requests().get(), "a cached folder is not fetched again");
            try (var left = Files.list(dir)) {
                assertEquals(List.of("crds"), left.map(p -> p.getFileName().toString()).toList(), "no work files left behind");
            }
        }
    }

    @Test
    void aZipThatDoesNotMatchThePinnedChecksumIsRefusedAndNothingIsCached(@TempDir Path dir) throws Exception {
        Path tampered = GatewayApiZip.tampered(GatewayApiZip.real(), dir);
        try (GatewayApiZip.LocalProxy local = GatewayApiZip.LocalProxy.serving(tampered)) {
            GatewayApiCrds crds = new GatewayApiCrds(dir.resolve("crds"), local.proxy(), GatewayApiCrds.H1);

            PrerequisiteException e = assertThrows(PrerequisiteException.class, () -> crds.files(new PrintWriter(new StringWriter())));

            assertEquals(ExitCodes.PREREQUISITE, e.exitCode());
            assertTrue(e.getMessage().startsWith("sigs.k8s.io/gateway-api@v1.4.0 from " + local.proxy().base()
                    + "/sigs.k8s.io/gateway-api/@v/v1.4.0.zip does not match its pinned Go checksum (expected " + GatewayApiCrds.H1
                    + ", got h1:"), e.getMessage());
            assertTrue(e.nextStep().contains("GOPROXY"), e.nextStep());
            assertFalse(Files.exists(dir.resolve("crds")), "nothing cached");
            try (var left = Files.list(dir)) {
                assertEquals(List.of("tampered.zip"), left.map(p -> p.getFileName().toString()).toList(), "no work files left behind");
            }
        }
    }

    @Test
    void anUnreachableProxyIsAPrerequisiteErrorThatSaysWhatToDo(@TempDir Path dir) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GoModuleProxy proxy = new GoModuleProxy(URI.create("http://127.0.0.1:" + closedPort), Optional.empty());
        GatewayApiCrds crds = new GatewayApiCrds(dir.resolve("crds"), proxy, GatewayApiCrds.H1);

        PrerequisiteException e = assertThrows(PrerequisiteException.class, () -> crds.files(new PrintWriter(new StringWriter())));

        assertEquals(ExitCodes.PREREQUISITE, e.exitCode());
        assertTrue(e.getMessage().startsWith("cannot download sigs.k8s.io/gateway-api@v1.4.0 from the Go module proxy http://127.0.0.1:"
                + closedPort + ": connection refused"), e.getMessage());
        assertTrue(e.nextStep().contains("internet connection") && e.nextStep().contains("GOPROXY"), e.nextStep());
        assertFalse(Files.exists(dir.resolve("crds")));
    }

    @Test
    void aProxyWithoutTheModuleSaysSo(@TempDir Path dir) throws Exception {
        try (GatewayApiZip.LocalProxy local = GatewayApiZip.LocalProxy.serving(GatewayApiZip.real())) {
            GoModuleProxy proxy = new GoModuleProxy(URI.create(local.proxy().base() + "/elsewhere"), Optional.empty());
            PrerequisiteException e = assertThrows(PrerequisiteException.class,
                    () -> new GatewayApiCrds(dir.resolve("crds"), proxy, GatewayApiCrds.H1).files(new PrintWriter(new StringWriter())));
            assertTrue(e.getMessage().contains("answered HTTP 404"), e.getMessage());
            assertTrue(e.nextStep().startsWith("set GOPROXY to a proxy that serves sigs.k8s.io/gateway-api@v1.4.0"), e.nextStep());
        }
    }

    @Test
    void goproxysFirstHttpEntryIsUsedElseTheGoProxy() {
        assertEquals(GoModuleProxy.DEFAULT, GoModuleProxy.choose(null));
        assertEquals(GoModuleProxy.DEFAULT, GoModuleProxy.choose("direct"));
        assertEquals(GoModuleProxy.DEFAULT, GoModuleProxy.choose("off"));
        assertEquals(URI.create("https://goproxy.example/mirror"), GoModuleProxy.choose("https://goproxy.example/mirror/,https://proxy.golang.org,direct"));
        assertEquals(URI.create("http://10.0.0.5:3000"), GoModuleProxy.choose("file:///srv/mods|http://10.0.0.5:3000"));
    }

    @Test
    void upperCaseInModulePathsIsEscapedAsGoDoes() {
        assertEquals("github.com/!burnt!sushi/toml", GoModuleProxy.escape("github.com/BurntSushi/toml"));
        URI uri = new GoModuleProxy(GoModuleProxy.DEFAULT, Optional.empty()).zipUri(GatewayApiCrds.MODULE, GatewayApiCrds.VERSION);
        assertEquals("https://proxy.golang.org/sigs.k8s.io/gateway-api/@v/v1.4.0.zip", uri.toString());
    }
}
