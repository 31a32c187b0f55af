package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.cli.Main;
import dev.kubelessons.failure.UserInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code instructor serve --tls-cert --tls-key}: the board over HTTPS with a self-signed certificate made here by keytool, its
 * session cookie Secure; plain http on a non-loopback address warns; bad TLS files are exit 2 naming the file. No cluster needed.
 */
class BoardTlsTest {

    @TempDir
    static Path dir;
    static Path cert;
    static Path key;
    static X509Certificate certificate;

    /** A running {@code instructor serve} on a thread of its own, stopped by interrupting it (as Ctrl-C would close it). */
    private static final class Serving implements AutoCloseable {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final Thread thread;
        volatile int code = -1;

        Serving(String... args) {
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            thread = new Thread(() -> code = cli.execute(args), "test-instructor-serve");
            thread.start();
        }

        String await(Pattern line) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                Matcher matcher = line.matcher(out.toString());
                if (matcher.find()) {
                    return matcher.group(1);
                }
                assertTrue(thread.isAlive(), "serve ended: " + out + err);
                assertTrue(System.nanoTime() < deadline, "no " + line + " within 60 s: " + out + err);
                Thread.sleep(50);
            }
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(30_000);
            assertFalse(thread.isAlive(), "serve did not stop");
            assertEquals(0, code, err.toString());
        }
    }

    @BeforeAll
    static void selfSignedCertificate() throws Exception {
        Path store = dir.resolve("board.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "board", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=kubelessons board", "-validity", "2",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), output);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        certificate = (X509Certificate) keys.getCertificate("board");
        cert = pem(dir.resolve("board-cert.pem"), "CERTIFICATE", certificate.getEncoded());
        key = pem(dir.resolve("board-key.pem"), "PRIVATE KEY", keys.getKey("board", "changeit".toCharArray()).getEncoded());
    }

    @Test
    void theBoardServesHttpsAndItsCookieIsSecure() throws Exception {
        try (Serving serve = new Serving("instructor", "serve", "--no-cluster", "--port", "0", "--lesson-ids", "02-deployments",
                "--names", "ana", "--tls-cert", cert.toString(), "--tls-key", key.toString())) {
            URI url = URI.create(serve.await(Pattern.compile("board: (\\S+)")));
            String token = serve.await(Pattern.compile("instructor token: (\\S+)"));
            assertEquals("https", url.getScheme(), url.toString());
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(certificate)).followRedirects(HttpClient.Redirect.NEVER).build();

            assertEquals("/login", https.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString())
                    .headers().firstValue("Location").orElse(""));
            HttpResponse<String> login = https.send(HttpRequest.newBuilder(url.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(303, login.statusCode(), login.body());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("; Secure"), cookie);
            assertTrue(cookie.contains("; HttpOnly"), cookie);
            assertTrue(cookie.contains("; SameSite=Strict"), cookie);
            HttpResponse<String> state = https.send(HttpRequest.newBuilder(url.resolve("/api/state"))
                    .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, state.statusCode());
            assertTrue(state.body().contains("\"ana\""), state.body());
            assertFalse(serve.err.toString().contains("warning"), "TLS on loopback: nothing to warn about: " + serve.err);
        }
    }

    @Test
    void plainHttpWarnsOnlyWhenAttendeesCanReachIt() throws Exception {
        try (Serving open = new Serving("instructor", "serve", "--no-cluster", "--port", "0", "--bind", "0.0.0.0", "--lesson-ids", "02-deployments")) {
            URI url = URI.create(open.await(Pattern.compile("board: (\\S+)")));
            String token = open.await(Pattern.compile("instructor token: (\\S+)"));
            assertEquals("http", url.getScheme());
            String warning = open.err.toString().strip();
            assertTrue(warning.startsWith("warning: plain http on 0.0.0.0: the instructor token and the board's cookie travel in clear text"), warning);
            assertEquals(1, warning.lines().count(), "one line: " + warning);
            assertFalse(warning.contains(token), "never the token itself");
            HttpResponse<Void> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(), HttpResponse.BodyHandlers.discarding());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertFalse(cookie.contains("Secure"), "a Secure cookie over http would never come back: " + cookie);
        }
        try (Serving local = new Serving("instructor", "serve", "--no-cluster", "--port", "0", "--lesson-ids", "02-deployments")) {
            local.await(Pattern.compile("(instructor token:)"));
            assertEquals("", local.err.toString(), "loopback only: no warning");
        }
    }

    @Test
    void badTlsFilesAreExitTwoNamingTheFile() throws Exception {
        Path missing = dir.resolve("no-such-cert.pem");
        assertBad("no-such-cert.pem", "--tls-cert", missing.toString(), "--tls-key", key.toString());
        assertBad("no-such-key.pem", "--tls-cert", cert.toString(), "--tls-key", dir.resolve("no-such-key.pem").toString());
        assertBad("board-cert.pem holds no -----BEGIN PRIVATE KEY", "--tls-cert", cert.toString(), "--tls-key", cert.toString());
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
        assertBad("garbage.pem is not PEM", "--tls-cert", garbage.toString(), "--tls-key", key.toString());
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Path other = pem(dir.resolve("other-key.pem"), "PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
        assertBad("the key in " + other + " does not belong to the certificate in " + cert, "--tls-cert", cert.toString(), "--tls-key", other.toString());
        assertBad("--tls-cert and --tls-key go together", "--tls-cert", cert.toString());
    }

    @Test
    void anRsaKeyInThePkcs1FormatIsReadToo() throws Exception {
        byte[] pkcs8 = Base64.getMimeDecoder().decode(Files.readString(key).replaceAll("-----[A-Z ]+-----", "").strip());
        // A 2048-bit RSA PrivateKeyInfo: 4 bytes SEQUENCE, 3 version, 15 algorithm, 4 OCTET STRING header, then PKCS#1.
        assertEquals(0x04, pkcs8[22], "layout of the JDK's PKCS#8 encoding");
        Path pkcs1 = pem(dir.resolve("board-key-rsa.pem"), "RSA PRIVATE KEY", Arrays.copyOfRange(pkcs8, 26, pkcs8.length));
        assertNotNull(BoardTls.load(cert, pkcs1));
        Path encrypted = Files.writeString(dir.resolve("encrypted.pem"), "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        UserInputException e = assertThrows(UserInputException.class, () -> BoardTls.load(cert, encrypted));
        assertTrue(e.getMessage().contains(encrypted + " is encrypted"), e.getMessage());
    }

    private static void assertBad(String expected, String... tlsArgs) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] args = new String[5 + tlsArgs.length];
        System.arraycopy(new String[] {"instructor", "serve", "--no-cluster", "--port", "0"}, 0, args, 0, 5);
        System.arraycopy(tlsArgs, 0, args, 5, tlsArgs.length);
        int code = cli.execute(args);
        assertEquals(2, code, out + "\n" + err);
        assertTrue(err.toString().contains(expected), err.toString());
        assertTrue(err.toString().contains("next:"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
        assertFalse(out.toString().contains("board:"), "nothing served");
    }

    private static Path pem(Path file, String label, byte[] der) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n");
    }

    private static SSLContext trusting(X509Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("board", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
