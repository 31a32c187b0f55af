package dev.kubelessons.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * A stand-in for a Kubernetes API server, for the class-data training only ({@link CdsTraining}): HTTPS with a client
 * certificate, as kind and kwok serve, so that the archive holds the classes of a real {@code --check}'s path (the TLS
 * handshake, the HTTP client's exchange, discovery, the JSON readers of the kinds checks read). It answers discovery
 * for a few groups, a namespace, lists with one EndpointSlice, and any named object as a bare object of its kind;
 * anything else is a 404. Never used to test or check anything.
 */
final class CdsTrainingApi implements AutoCloseable {

    static final String NAMESPACE = "kl-training";
    private static final String PASSWORD = "training";
    private static final Pattern OBJECT = Pattern.compile("/apis?/(?:([^/]+)/)?(v1)/namespaces/" + NAMESPACE + "/([a-z]+)(?:/([^/]+))?");
    private static final Map<String, String> KINDS = Map.of("services", "Service", "endpoints", "Endpoints", "pods", "Pod",
            "configmaps", "ConfigMap", "deployments", "Deployment", "endpointslices", "EndpointSlice", "ingresses", "Ingress",
            "networkpolicies", "NetworkPolicy");

    private final HttpsServer server;
    private final Path kubeconfig;

    private CdsTrainingApi(HttpsServer server, Path kubeconfig) {
        this.server = server;
        this.kubeconfig = kubeconfig;
    }

    /** A kubeconfig whose context "training" reaches this server with a client certificate. */
    Path kubeconfig() {
        return kubeconfig;
    }

    /** Started, or empty when this JDK has no keytool to make the certificate with (the training then does without). */
    static Optional<CdsTrainingApi> start(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
        Path store = dir.resolve("training.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            return Optional.empty();
        }
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "training", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=kubelessons-training", "-validity", "2", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            return Optional.empty();
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        Certificate certificate = keys.getCertificate("training");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("training", certificate);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = tls.getDefaultSSLParameters();
                parameters.setNeedClientAuth(true); // the API servers of kind and kwok ask for the client's certificate
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/", CdsTrainingApi::answer);
        server.start();

        String ca = pem("CERTIFICATE", certificate.getEncoded());
        String key = pem("PRIVATE KEY", keys.getKey("training", PASSWORD.toCharArray()).getEncoded());
        Path kubeconfig = dir.resolve("kubeconfig.yaml");
        Files.writeString(kubeconfig, String.join("\n", "apiVersion: v1", "kind: Config", "current-context: training",
                "clusters: [{name: training, cluster: {server: 'https://127.0.0.1:" + server.getAddress().getPort()
                        + "', certificate-authority-data: " + base64(ca) + "}}]",
                "contexts: [{name: training, context: {cluster: training, user: training, namespace: " + NAMESPACE + "}}]",
                "users: [{name: training, user: {client-certificate-data: " + base64(ca) + ", client-key-data: " + base64(key) + "}}]", ""));
        return Optional.of(new CdsTrainingApi(server, kubeconfig));
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = switch (path) {
            case "/readyz" -> "ok";
            case "/api/v1" -> discovery("v1", "services", "endpoints", "pods", "configmaps", "namespaces");
            case "/apis/apps/v1" -> discovery("apps/v1", "deployments");
            case "/apis/discovery.k8s.io/v1" -> discovery("discovery.k8s.io/v1", "endpointslices");
            case "/apis/networking.k8s.io/v1" -> discovery("networking.k8s.io/v1", "ingresses", "networkpolicies");
            case "/api/v1/namespaces/" + NAMESPACE -> "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + NAMESPACE
                    + "\",\"labels\":{\"app.kubernetes.io/managed-by\":\"kubelessons\"},\"creationTimestamp\":\"2026-01-01T00:00:00Z\"},"
                    + "\"spec\":{\"finalizers\":[\"kubernetes\"]},\"status\":{\"phase\":\"Active\"}}";
            default -> object(path);
        };
        byte[] bytes = (body == null ? "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}" : body)
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", path.equals("/readyz") ? "text/plain" : "application/json");
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A named object as a bare object of its kind; a list of EndpointSlices with one ready slice; other lists empty. */
    private static String object(String path) {
        Matcher matcher = OBJECT.matcher(path);
        if (!matcher.matches() || !KINDS.containsKey(matcher.group(3))) {
            return null;
        }
        String apiVersion = matcher.group(1) == null ? "v1" : matcher.group(1) + "/v1";
        String kind = KINDS.get(matcher.group(3));
        if (matcher.group(4) != null) {
            return "{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"" + matcher.group(4)
                    + "\",\"namespace\":\"" + NAMESPACE + "\",\"labels\":{\"app\":\"training\"}},\"spec\":{\"replicas\":2,\"type\":\"ClusterIP\","
                    + "\"selector\":{\"app\":\"training\"},\"ports\":[{\"port\":80,\"protocol\":\"TCP\",\"targetPort\":80}]},"
                    + "\"status\":{\"replicas\":2,\"readyReplicas\":2}}";
        }
        String items = kind.equals("EndpointSlice") ? "{\"metadata\":{\"name\":\"training-x1\",\"namespace\":\"" + NAMESPACE
                + "\",\"labels\":{\"kubernetes.io/service-name\":\"training\"}},\"addressType\":\"IPv4\",\"ports\":[{\"port\":80,\"protocol\":\"TCP\"}],"
                + "\"endpoints\":[{\"addresses\":[\"10.244.1.2\"],\"conditions\":{\"ready\":true},\"nodeName\":\"node\","
                + "\"targetRef\":{\"kind\":\"Pod\",\"name\":\"training-1\",\"namespace\":\"" + NAMESPACE + "\"}}]}" : "";
        return "{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "List\",\"metadata\":{\"resourceVersion\":\"1\"},\"items\":[" + items + "]}";
    }

    private static String discovery(String groupVersion, String... plurals) {
        StringBuilder resources = new StringBuilder();
        for (String plural : plurals) {
            String kind = plural.equals("namespaces") ? "Namespace" : KINDS.get(plural);
            resources.append(resources.isEmpty() ? "" : ",").append("{\"name\":\"").append(plural).append("\",\"singularName\":\"\",\"namespaced\":")
                    .append(!plural.equals("namespaces")).append(",\"kind\":\"").append(kind)
                    .append("\",\"verbs\":[\"create\",\"delete\",\"get\",\"list\",\"patch\",\"update\",\"watch\"]}");
        }
        return "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"" + groupVersion + "\",\"resources\":[" + resources + "]}";
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
