package dev.kubelessons.lesson;

import java.util.Map;

/** A named object in the lesson namespace, e.g. {@code Service my-nginx}; apiVersion defaults from the kind. */
public record ResourceRef(String apiVersion, String kind, String name) {

    private static final Map<String, String> DEFAULT_API_VERSIONS = Map.ofEntries(
            Map.entry("Pod", "v1"), Map.entry("Service", "v1"), Map.entry("ConfigMap", "v1"),
            Map.entry("Secret", "v1"), Map.entry("ServiceAccount", "v1"), Map.entry("Endpoints", "v1"),
            Map.entry("Deployment", "apps/v1"), Map.entry("ReplicaSet", "apps/v1"),
            Map.entry("StatefulSet", "apps/v1"), Map.entry("DaemonSet", "apps/v1"),
            Map.entry("Ingress", "networking.k8s.io/v1"), Map.entry("IngressClass", "networking.k8s.io/v1"),
            Map.entry("NetworkPolicy", "networking.k8s.io/v1"),
            Map.entry("EndpointSlice", "discovery.k8s.io/v1"),
            Map.entry("Job", "batch/v1"), Map.entry("CronJob", "batch/v1"));

    public static ResourceRef of(String apiVersion, String kind, String name) {
        String version = apiVersion == null || apiVersion.isBlank() ? DEFAULT_API_VERSIONS.get(kind) : apiVersion;
        return new ResourceRef(version, kind, name);
    }

    public static boolean hasDefaultApiVersion(String kind) {
        return DEFAULT_API_VERSIONS.containsKey(kind);
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
