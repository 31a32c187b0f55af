package dev.kubelessons.lint;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The Kubernetes kinds the fabric8 model knows, by apiVersion and kind. A lookup loads only the
 * model classes named like the kind, found in the model's service lists by name; fabric8's own
 * registry (KubernetesDeserializer) loads every one of its ~700 model classes first, which was
 * a third of lint's start-up. The full table (for "did you mean") is built only when a lookup fails.
 */
final class KubernetesKinds {

    private Map<String, List<String>> classNamesByKind;
    private Map<String, TreeSet<String>> apiVersionsByKind;

    Optional<Class<?>> find(String apiVersion, String kind) {
        ClassLoader loader = KubernetesKinds.class.getClassLoader();
        for (String className : classNames().getOrDefault(kind, List.of())) {
            try {
                Class<?> type = Class.forName(className, false, loader);
                if (HasMetadata.class.isAssignableFrom(type) && kind.equals(HasMetadata.getKind(type.asSubclass(HasMetadata.class)))
                        && apiVersion.equals(HasMetadata.getApiVersion(type.asSubclass(HasMetadata.class)))) {
                    return Optional.of(type);
                }
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                // A model class that cannot load is not a kind lint can check against.
            }
        }
        return Optional.empty();
    }

    /** Model class names by their simple name (the kind, for every model class of a resource), read as text, none loaded. */
    private synchronized Map<String, List<String>> classNames() {
        if (classNamesByKind == null) {
            classNamesByKind = new HashMap<>();
            serviceEntries(name -> classNamesByKind.computeIfAbsent(name.substring(name.lastIndexOf('.') + 1), k -> new ArrayList<>()).add(name));
        }
        return classNamesByKind;
    }

    private static void serviceEntries(Consumer<String> sink) {
        ClassLoader loader = KubernetesKinds.class.getClassLoader();
        try {
            Enumeration<URL> lists = loader.getResources("META-INF/services/" + KubernetesResource.class.getName());
            while (lists.hasMoreElements()) {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(lists.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(sink);
                }
            }
        } catch (IOException e) {
            // Without the lists lint reports every kind as unknown, naming the kind; nothing to add here.
        }
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
            serviceEntries(name -> add(loader, name));
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
