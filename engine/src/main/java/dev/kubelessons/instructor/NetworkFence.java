package dev.kubelessons.instructor;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * How attendees are kept apart on the network. NetworkPolicies only ever add allowances, so a fence made of them (allow
 * "my own namespaces") would also allow what a lesson's default-deny is meant to block. Where the cluster serves
 * SIG Network's ClusterNetworkPolicy, the fence is one Admin-tier policy per attendee, evaluated before NetworkPolicies:
 * traffic between the attendee's own namespaces is passed on to the lesson's NetworkPolicies, traffic to or from
 * another attendee is denied. Elsewhere the fence falls back to a NetworkPolicy in each namespace.
 */
public enum NetworkFence {

    /** One ClusterNetworkPolicy per attendee (policy.networking.k8s.io/v1beta1, tier Admin). */
    CLUSTER_POLICY,
    /** One NetworkPolicy per attendee namespace; conflicts with lessons that teach NetworkPolicy. */
    NAMESPACE_POLICY;

    static final String GROUP_VERSION = "policy.networking.k8s.io/v1beta1";
    static final String KIND = "ClusterNetworkPolicy";
    /** Admin tier, 0 (first) to 1000: leaves room before and after for the cluster's own policies. */
    static final int PRIORITY = 100;

    /** Asks the API server's discovery whether it serves ClusterNetworkPolicy v1beta1. */
    public static NetworkFence detect(KubernetesClient client) {
        return ApiDiscovery.serves(client, GROUP_VERSION, KIND) ? CLUSTER_POLICY : NAMESPACE_POLICY;
    }

    /** What to tell the instructor when provisioning starts. */
    public String describe() {
        return this == CLUSTER_POLICY
                ? "network fence: one ClusterNetworkPolicy (tier Admin) per attendee; lessons' own NetworkPolicies work as taught"
                : "network fence: a NetworkPolicy in each attendee namespace (this cluster does not serve " + GROUP_VERSION + " " + KIND + ")";
    }

    static String policyName(String attendee) {
        return WorkshopNames.PREFIX + "-attendee-" + attendee;
    }

    /** The attendee's Admin-tier policy: pass own-namespace traffic on to NetworkPolicy, deny every other attendee. */
    static GenericKubernetesResource clusterPolicy(String attendee) {
        Map<String, Object> own = Map.of("namespaces", Map.of("matchLabels", Map.of(WorkshopNames.ATTENDEE, attendee)));
        Map<String, Object> attendees = Map.of("namespaces", Map.of("matchExpressions",
                List.of(Map.of("key", WorkshopNames.ATTENDEE, "operator", "Exists"))));
        return new GenericKubernetesResourceBuilder().withApiVersion(GROUP_VERSION).withKind(KIND)
                .withNewMetadata().withName(policyName(attendee)).withLabels(WorkshopNames.labels(attendee)).endMetadata()
                .addToAdditionalProperties("spec", Map.of(
                        "tier", "Admin",
                        "priority", PRIORITY,
                        "subject", own,
                        "ingress", List.of(
                                Map.of("name", "own-namespaces", "action", "Pass", "from", List.of(own)),
                                Map.of("name", "other-attendees", "action", "Deny", "from", List.of(attendees))),
                        "egress", List.of(
                                Map.of("name", "own-namespaces", "action", "Pass", "to", List.of(own)),
                                Map.of("name", "other-attendees", "action", "Deny", "to", List.of(attendees)))))
                .build();
    }
}
