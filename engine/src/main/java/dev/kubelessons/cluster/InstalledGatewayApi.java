package dev.kubelessons.cluster;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Gateway API a cluster already serves, read from the bundle-version and channel annotations upstream puts on its
 * CRDs. 'cluster up' never downgrades it: from v1.5.0 on, upstream ships a ValidatingAdmissionPolicy
 * (safe-upgrades.gateway.networking.k8s.io) that refuses older CRDs, and a learner's newer CRDs serve the course's
 * v1 resources anyway.
 */
record InstalledGatewayApi(String version, String channel) {

    static final String VERSION_ANNOTATION = "gateway.networking.k8s.io/bundle-version";
    static final String CHANNEL_ANNOTATION = "gateway.networking.k8s.io/channel";
    static final String GROUP = "gateway.networking.k8s.io";
    private static final Pattern SEMVER = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(-[0-9A-Za-z.-]+)?");

    /**
     * What the cluster has: the newest release among its gateway.networking.k8s.io CRDs (a half-finished upgrade leaves
     * several), or empty when it has none. A CRD without the annotations reads as "unknown", which counts as newest.
     */
    static Optional<InstalledGatewayApi> read(KubernetesClient client) {
        return client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
                .filter(crd -> crd.getSpec() != null && GROUP.equals(crd.getSpec().getGroup()))
                .map(InstalledGatewayApi::of)
                .max(InstalledGatewayApi::newer);
    }

    private static InstalledGatewayApi of(CustomResourceDefinition crd) {
        Map<String, String> annotations = crd.getMetadata().getAnnotations() == null ? Map.of() : crd.getMetadata().getAnnotations();
        return new InstalledGatewayApi(annotations.getOrDefault(VERSION_ANNOTATION, "unknown"), annotations.getOrDefault(CHANNEL_ANNOTATION, "unknown"));
    }

    /** Release order, with versions that do not read as one above every release. */
    private static int newer(InstalledGatewayApi a, InstalledGatewayApi b) {
        Matcher x = SEMVER.matcher(a.version);
        Matcher y = SEMVER.matcher(b.version);
        if (!x.matches() || !y.matches()) {
            return Boolean.compare(!x.matches(), !y.matches());
        }
        return compare(x, y);
    }

    /**
     * Whether applying {@code ours} would replace these CRDs with older ones. CRDs without a readable version were put
     * there by someone else (a Helm chart, a controller's installer) and count as newer: they are left alone.
     */
    boolean keepInsteadOf(String ours) {
        Matcher installed = SEMVER.matcher(version);
        Matcher pinned = SEMVER.matcher(ours);
        if (!pinned.matches()) {
            throw new IllegalArgumentException("not a version: " + ours);
        }
        return !installed.matches() || compare(installed, pinned) > 0;
    }

    /** Semantic-version order on major, minor, patch; a pre-release (v1.5.0-rc.1) comes before its release. */
    private static int compare(Matcher a, Matcher b) {
        for (int group = 1; group <= 3; group++) {
            int order = Long.compare(Long.parseLong(a.group(group)), Long.parseLong(b.group(group)));
            if (order != 0) {
                return order;
            }
        }
        return Boolean.compare(a.group(4) == null, b.group(4) == null);
    }

    /** "Gateway API v1.5.0 CRDs (standard channel)". */
    String title() {
        return "Gateway API " + ("unknown".equals(version) ? "(unknown version)" : version) + " CRDs (" + channel + " channel)";
    }
}
