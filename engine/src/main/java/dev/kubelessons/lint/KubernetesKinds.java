package dev.kubelessons.lint;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.internal.KubernetesDeserializer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Kubernetes kinds the fabric8 model knows, by apiVersion and kind. Lookups go through
 * fabric8's own registry; the full table (for "did you mean") is built only when a lookup fails.
 */
final class KubernetesKinds {

    private final KubernetesDeserializer registry = new KubernetesDeserializer();
    private Map<String, TreeSet<String>> apiVersionsByKind;

    Optional<Class<?>> find(String apiVersion, String kind) {
        Class<?> type = registry.getRegisteredKind(apiVersion, kind);
        return type != null && HasMetadata.class.isAssignableFrom(type) ? Optional.<Class<?>>of(type) : Optional.empty();
    }

    /** apiVersions under which a kind exists, e.g. Deployment -> [apps/v1]. */
    List<String> apiVersionsOf(String kind) {
        List<String> all = List.copyOf(table().getOrDefault(kind, new TreeSet<>()));
        // Suggest what a current cluster serves: GA versions, not beta ones or the long-gone extensions group.
        List<String> current = all.stream().filter(v -> !v.matches(".*v[0-9]+(alpha|beta)[0-9]*") && !v.startsWith("extensions/")).toList();
        return current.isEmpty() ? all : current;
    }

    java.util.Set<String> kinds() {
        return table().keySet();
    }

    private synchronized Map<String, TreeSet<String>> table() {
        if (apiVersionsByKind == null) {
            apiVersionsByKind = new TreeMap<>();
            ClassLoader loader = KubernetesKinds.class.getClassLoader();
            try {
                Enumeration<URL> lists = loader.getResources("META-INF/services/" + KubernetesResource.class.getName());
                while (lists.hasMoreElements()) {
                    try (BufferedReader reader = new BufferedReader(new InputStreamReader(lists.nextElement().openStream(), StandardCharsets.UTF_8))) {
                        reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(name -> add(loader, name));
                    }
                }
            } catch (IOException e) {
                // Suggestions are a courtesy; without the table lint still reports the unknown kind.
            }
        }
        return apiVersionsByKind;
    }

    private void add(ClassLoader loader, String className) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            if (HasMetadata.class.isAssignableFrom(type)) {
                @SuppressWarnings("unchecked")
                Class<? extends HasMetadata> resource = (Class<? extends HasMetadata>) type;
                apiVersionsByKind.computeIfAbsent(HasMetadata.getKind(resource), k -> new TreeSet<>()).add(HasMetadata.getApiVersion(resource));
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // A model class that cannot load is simply not suggested.
        }
    }
}
