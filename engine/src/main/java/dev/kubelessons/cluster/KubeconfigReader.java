package dev.kubelessons.cluster;

import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedAuthInfoBuilder;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedClusterBuilder;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A kubeconfig file and context as fabric8's client {@link Config}. fabric8 reads the file with its Jackson YAML
 * mapper, whose first use registers every Kubernetes model class (~800 classes; the largest single cost of a warm
 * {@code --check} after the TLS handshake, bench/RESULTS.md). The kubeconfigs kind and kwok write, and most
 * others, use a handful of fields: those are read here with SnakeYAML (already loaded for the lessons) into the
 * same model, which fabric8's own {@code KubeConfigUtils.merge} then turns into the Config exactly as
 * {@link Config#fromKubeconfig(String, File)} would. A file with any other field (exec or auth-provider
 * credentials, proxies, extensions, ...) or one SnakeYAML cannot read goes to fabric8's reader unchanged.
 */
final class KubeconfigReader {

    private static final Set<String> TOP = Set.of("apiVersion", "kind", "clusters", "contexts", "users", "current-context", "preferences");
    private static final Set<String> CLUSTER = Set.of("server", "certificate-authority", "certificate-authority-data");
    private static final Set<String> CONTEXT = Set.of("cluster", "user", "namespace");
    private static final Set<String> USER = Set.of("client-certificate", "client-certificate-data", "client-key", "client-key-data", "token");
    private static final Set<String> NAMED = Set.of("name", "cluster", "context", "user");

    // Where KubeConfigUtils.parseConfig records the file each entry came from (relative paths resolve against it).
    private static final String CONTEXT_FILE_KEY = "KUBERNETES_CONFIG_CONTEXT_FILE_KEY";
    private static final String CLUSTER_FILE_KEY = "KUBERNETES_CONFIG_CLUSTER_FILE_KEY";
    private static final String AUTH_INFO_FILE_KEY = "KUBERNETES_CONFIG_AUTH_INFO_FILE_KEY";

    private KubeconfigReader() {
    }

    /** fabric8's Config for {@code context} in {@code kubeconfig}, ignoring $KUBECONFIG and the file's current-context. */
    static Config config(Path kubeconfig, String context) {
        Config config = fabric8Config(kubeconfig, context);
        ClusterCaTrust.apply(config, UserDirs.fromEnvironment().cache());
        return config;
    }

    /** The Config exactly as fabric8 would build it from the file. */
    static Config fabric8Config(Path kubeconfig, String context) {
        Optional<io.fabric8.kubernetes.api.model.Config> model = simpleModel(kubeconfig);
        if (model.isEmpty()) {
            return Config.fromKubeconfig(context, kubeconfig.toFile());
        }
        Config config = Config.empty();
        KubeConfigUtils.merge(config, context, model.get());
        return config;
    }

    /** The file as fabric8's kubeconfig model, if it uses only the fields read here; else empty. */
    static Optional<io.fabric8.kubernetes.api.model.Config> simpleModel(Path kubeconfig) {
        Node root;
        try (Reader reader = Files.newBufferedReader(kubeconfig)) {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(0);
            Composer composer = new Composer(new ParserImpl(new StreamReader(reader), options), new Resolver(), options);
            root = composer.getSingleNode();
        } catch (IOException | YAMLException e) {
            return Optional.empty(); // fabric8's reader says what is wrong with it
        }
        Optional<Map<String, Node>> top = fields(root, TOP);
        if (top.isEmpty() || top.get().containsKey("preferences") && !isEmptyMapping(top.get().get("preferences"))) {
            return Optional.empty();
        }
        for (String key : List.of("clusters", "contexts", "users")) {
            Node value = top.get().get(key);
            if (value != null && !(value instanceof SequenceNode) && !isNull(value)) {
                return Optional.empty();
            }
        }
        File file = kubeconfig.toFile();
        List<NamedCluster> clusters = new ArrayList<>();
        List<NamedContext> contexts = new ArrayList<>();
        List<NamedAuthInfo> users = new ArrayList<>();
        for (Node entry : list(top.get().get("clusters"))) {
            Optional<Map<String, String>> cluster = named(entry, "cluster", CLUSTER);
            if (cluster.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> f = cluster.get();
            NamedCluster named = new NamedClusterBuilder().withName(f.get("name")).withNewCluster().withServer(f.get("server"))
                    .withCertificateAuthority(f.get("certificate-authority")).withCertificateAuthorityData(f.get("certificate-authority-data"))
                    .endCluster().build();
            named.getAdditionalProperties().put(CLUSTER_FILE_KEY, file);
            clusters.add(named);
        }
        for (Node entry : list(top.get().get("contexts"))) {
            Optional<Map<String, String>> context = named(entry, "context", CONTEXT);
            if (context.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> f = context.get();
            NamedContext named = new NamedContextBuilder().withName(f.get("name")).withNewContext().withCluster(f.get("cluster"))
                    .withUser(f.get("user")).withNamespace(f.get("namespace")).endContext().build();
            named.getAdditionalProperties().put(CONTEXT_FILE_KEY, file);
            contexts.add(named);
        }
        for (Node entry : list(top.get().get("users"))) {
            Optional<Map<String, String>> user = named(entry, "user", USER);
            if (user.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> f = user.get();
            NamedAuthInfo named = new NamedAuthInfoBuilder().withName(f.get("name")).withNewUser()
                    .withClientCertificate(f.get("client-certificate")).withClientCertificateData(f.get("client-certificate-data"))
                    .withClientKey(f.get("client-key")).withClientKeyData(f.get("client-key-data")).withToken(f.get("token"))
                    .endUser().build();
            named.getAdditionalProperties().put(AUTH_INFO_FILE_KEY, file);
            users.add(named);
        }
        return Optional.of(new io.fabric8.kubernetes.api.model.ConfigBuilder().withApiVersion(text(top.get().get("apiVersion")))
                .withKind(text(top.get().get("kind"))).withCurrentContext(text(top.get().get("current-context")))
                .withClusters(clusters).withContexts(contexts).withUsers(users).build());
    }

    /** {@code {name: N, <inner>: {fields...}}}: the name and the inner fields, if every one is known and a string. */
    private static Optional<Map<String, String>> named(Node entry, String inner, Set<String> known) {
        Optional<Map<String, Node>> outer = fields(entry, NAMED);
        if (outer.isEmpty() || outer.get().size() != 2 || !(outer.get().get("name") instanceof ScalarNode name)) {
            return Optional.empty();
        }
        Optional<Map<String, Node>> values = fields(outer.get().get(inner), known);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> strings = new LinkedHashMap<>();
        strings.put("name", name.getValue());
        for (Map.Entry<String, Node> value : values.get().entrySet()) {
            if (!(value.getValue() instanceof ScalarNode scalar)) {
                return Optional.empty();
            }
            strings.put(value.getKey(), isNull(scalar) ? null : scalar.getValue());
        }
        return Optional.of(strings);
    }

    /** A mapping's fields by key, if every key is one of {@code known}. */
    private static Optional<Map<String, Node>> fields(Node node, Set<String> known) {
        if (!(node instanceof MappingNode mapping)) {
            return Optional.empty();
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key) || !known.contains(key.getValue()) || fields.put(key.getValue(), tuple.getValueNode()) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(fields);
    }

    private static List<Node> list(Node node) {
        return node instanceof SequenceNode sequence ? sequence.getValue() : List.of();
    }

    /** {@code ~}, {@code null} or nothing: Jackson reads it as null, and so do we. */
    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static boolean isEmptyMapping(Node node) {
        return node instanceof MappingNode mapping && mapping.getValue().isEmpty();
    }

    private static String text(Node node) {
        return node instanceof ScalarNode scalar && !isNull(scalar) ? scalar.getValue() : null;
    }
}
