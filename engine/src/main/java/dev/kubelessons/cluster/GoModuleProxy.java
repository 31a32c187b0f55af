package dev.kubelessons.cluster;

import dev.kubelessons.failure.PrerequisiteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Downloads module zips from a Go module proxy, the one download site our machines and a learner's share, and accepts
 * a zip only when its Go checksum (go.sum's h1) is the pinned one: the same guarantee {@code go mod download} gives.
 */
final class GoModuleProxy {

    static final URI DEFAULT = URI.create("https://proxy.golang.org");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(3);

    private final URI base;
    private final HttpClient http;

    GoModuleProxy(URI base, Optional<InetSocketAddress> httpsProxy) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL); // NORMAL never follows https -> http
        httpsProxy.ifPresent(proxy -> builder.proxy(ProxySelector.of(proxy)));
        this.http = builder.build();
    }

    /** The proxy $GOPROXY names first (as the go command would use it), through $HTTPS_PROXY when set, as go does. */
    static GoModuleProxy fromEnvironment() {
        URI base = choose(System.getenv("GOPROXY"));
        return new GoModuleProxy(base, "https".equals(base.getScheme()) ? httpsProxy() : Optional.empty());
    }

    URI base() {
        return base;
    }

    /**
     * The first http(s) entry of a GOPROXY value (a list split on ',' or '|'); "direct", "off" and file:// entries are
     * the go command's own business, so without an http(s) entry the public proxy is the one to ask.
     */
    static URI choose(String goproxy) {
        if (goproxy == null) {
            return DEFAULT;
        }
        return Arrays.stream(goproxy.split("[,|]")).map(String::strip)
                .filter(entry -> entry.startsWith("https://") || entry.startsWith("http://"))
                .findFirst().map(entry -> URI.create(entry.replaceAll("/+$", ""))).orElse(DEFAULT);
    }

    /** Where the proxy serves {@code module@version}'s zip (GOPROXY protocol: {@code <base>/<module>/@v/<version>.zip}). */
    URI zipUri(String module, String version) {
        return URI.create(base + "/" + escape(module) + "/@v/" + escape(version) + ".zip");
    }

    /**
     * Fetches {@code module@version} into {@code target} and checks it against {@code h1}; on any failure nothing is
     * left at {@code target}. Errors say what to do, as an unreachable proxy and a wrong file need different fixes.
     */
    void download(String module, String version, String h1, Path target) {
        URI uri = zipUri(module, version);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(uri).timeout(DOWNLOAD_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new PrerequisiteException("the Go module proxy " + base + " answered HTTP " + response.statusCode() + " for " + uri,
                        response.statusCode() == 404 || response.statusCode() == 410
                                ? "set GOPROXY to a proxy that serves " + module + "@" + version + " (or unset it for " + DEFAULT + "), then run 'cluster up' again"
                                : "try again in a moment; if it persists, set GOPROXY to another proxy (or unset it for " + DEFAULT + ")");
            }
            String actual = hashOf(partial);
            if (!actual.equals(h1)) {
                throw new PrerequisiteException(module + "@" + version + " from " + uri + " does not match its pinned Go checksum"
                        + " (expected " + h1 + ", got " + actual + "); the file was discarded",
                        "the proxy served a different file: do not use it. Point GOPROXY at a proxy you trust (unset it for "
                                + DEFAULT + "), then run 'cluster up' again");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PrerequisiteException("cannot download " + module + "@" + version + " from the Go module proxy " + base + ": " + describe(e),
                    "check the internet connection (behind a proxy, set HTTPS_PROXY=host:port; or set GOPROXY to a reachable Go module proxy), "
                            + "then run 'cluster up' again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrerequisiteException("interrupted while downloading " + uri, "run 'cluster up' again");
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + partial, e);
            }
        }
    }

    /** A body that is no zip at all (an HTML error page from a captive portal) is a wrong file too, not a network error. */
    private String hashOf(Path zip) {
        try {
            return ModuleHash.h1(zip);
        } catch (IOException e) {
            return "no valid zip (" + describe(e) + ")";
        }
    }

    /** The JDK's connection errors carry no message ("java.net.ConnectException"); the cause names the reason. */
    private String describe(IOException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof java.nio.channels.UnresolvedAddressException || root instanceof java.net.UnknownHostException) {
            return "unknown host " + base.getHost();
        }
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "the download did not finish within " + DOWNLOAD_TIMEOUT.toMinutes() + " min";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }

    /**
     * Go's case-encoding of module paths and versions on a proxy: each upper-case letter becomes '!' and its lower-case
     * form, so that case-insensitive file systems behind proxies cannot confuse two modules.
     */
    static String escape(String path) {
        StringBuilder escaped = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                escaped.append('!').append(Character.toLowerCase(c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** $HTTPS_PROXY (or $https_proxy) as host:port; the JDK's client ignores these variables, unlike go and curl. */
    private static Optional<InetSocketAddress> httpsProxy() {
        for (String name : new String[] {"HTTPS_PROXY", "https_proxy"}) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                URI uri = URI.create(value.contains("://") ? value.strip() : "http://" + value.strip());
                if (uri.getHost() != null) {
                    return Optional.of(InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 80));
                }
            }
        }
        return Optional.empty();
    }
}
