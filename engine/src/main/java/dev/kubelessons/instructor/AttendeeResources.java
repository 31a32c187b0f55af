package dev.kubelessons.instructor;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The objects that fence one attendee into their own namespaces: Role and RoleBinding, quota, limits and, as a fallback, an isolating NetworkPolicy. */
final class AttendeeResources {

    private static final List<String> WRITE = List.of("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection");
    private static final List<String> READ = List.of("get", "list", "watch");
    /** The ClusterRole shared by all attendees, and the prefix of each one's ClusterRoleBinding. */
    static final String NODE_READER = "kubelessons-attendee-nodes";

    private AttendeeResources() {
    }

    static HasMetadata serviceAccount(String attendee) {
        return new ServiceAccountBuilder().withNewMetadata().withName(WorkshopNames.SERVICE_ACCOUNT)
                .withNamespace(WorkshopNames.home(attendee)).withLabels(WorkshopNames.labels(attendee)).endMetadata().build();
    }

    /**
     * Read access to nodes, cluster-wide (a Role cannot grant it): lessons 01, 04 and 08 have attendees list nodes, and the
     * runner tells a kwok cluster (no data plane: probes SKIPPED) from a real one by its nodes. Without it an attendee's
     * runner assumed a data plane on kwok and waited for probe pods that never finish.
     */
    static List<HasMetadata> nodeReader(String attendee) {
        var role = new ClusterRoleBuilder().withNewMetadata().withName(NODE_READER).withLabels(FenceGuard.labels()).endMetadata()
                .withRules(rule("", READ, "nodes")).build();
        var binding = new ClusterRoleBindingBuilder().withNewMetadata().withName(NODE_READER + "-" + attendee)
                .withLabels(WorkshopNames.labels(attendee)).endMetadata()
                .addNewSubject().withKind("ServiceAccount").withName(WorkshopNames.SERVICE_ACCOUNT)
                .withNamespace(WorkshopNames.home(attendee)).endSubject()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName(NODE_READER).endRoleRef()
                .build();
        return List.of(role, binding);
    }

    /** Everything an attendee's namespace needs besides the namespace itself; the isolation policy only when the network fence is per namespace. */
    static List<HasMetadata> fence(String attendee, String namespace, NetworkFence network) {
        List<HasMetadata> fence = new ArrayList<>(List.of(role(attendee, namespace), binding(attendee, namespace), quota(attendee, namespace),
                limits(attendee, namespace)));
        if (network == NetworkFence.NAMESPACE_POLICY) {
            fence.add(isolation(attendee, namespace));
        }
        return fence;
    }

    /**
     * What the lessons need, named resource by resource: no wildcard, so the attendee cannot edit their own quota,
     * limits or RBAC (read only), and cannot reach cluster-scoped objects at all (a Role cannot grant them).
     */
    private static HasMetadata role(String attendee, String namespace) {
        List<PolicyRule> rules = List.of(
                rule("", WRITE, "pods", "pods/log", "pods/exec", "pods/portforward", "pods/attach", "services", "endpoints",
                        "configmaps", "secrets", "serviceaccounts", "persistentvolumeclaims"),
                rule("", READ, "events", "resourcequotas", "limitranges"),
                // Lesson 04 plays the cloud's load-balancer controller: it writes a LoadBalancer Service's status itself.
                rule("", List.of("get", "patch", "update"), "services/status"),
                rule("apps", WRITE, "deployments", "deployments/scale", "replicasets", "statefulsets", "daemonsets"),
                rule("discovery.k8s.io", WRITE, "endpointslices"),
                rule("networking.k8s.io", WRITE, "networkpolicies", "ingresses"),
                // Lesson 06 publishes the shop through the Gateway API too (found by the attendee rehearsal on kind).
                rule("gateway.networking.k8s.io", WRITE, "gateways", "httproutes"),
                rule("batch", WRITE, "jobs", "cronjobs"),
                rule("events.k8s.io", READ, "events"),
                rule("rbac.authorization.k8s.io", READ, "roles", "rolebindings"));
        return new RoleBuilder().withNewMetadata().withName(WorkshopNames.ROLE).withNamespace(namespace)
                .withLabels(WorkshopNames.labels(attendee)).endMetadata().withRules(rules).build();
    }

    private static PolicyRule rule(String group, List<String> verbs, String... resources) {
        return new PolicyRuleBuilder().withApiGroups(group).withResources(resources).withVerbs(verbs).build();
    }

    private static HasMetadata binding(String attendee, String namespace) {
        return new RoleBindingBuilder().withNewMetadata().withName(WorkshopNames.ROLE).withNamespace(namespace)
                .withLabels(WorkshopNames.labels(attendee)).endMetadata()
                .addNewSubject().withKind("ServiceAccount").withName(WorkshopNames.SERVICE_ACCOUNT)
                .withNamespace(WorkshopNames.home(attendee)).endSubject()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(WorkshopNames.ROLE).endRoleRef()
                .build();
    }

    /** Enough for any lesson (a few replicas, a probe pod), too little for one attendee to starve the room. */
    private static HasMetadata quota(String attendee, String namespace) {
        return new ResourceQuotaBuilder().withNewMetadata().withName(WorkshopNames.ROLE).withNamespace(namespace)
                .withLabels(WorkshopNames.labels(attendee)).endMetadata()
                .withNewSpec().withHard(Map.of("pods", q("20"), "services", q("10"), "services.nodeports", q("3"),
                        "services.loadbalancers", q("2"), "persistentvolumeclaims", q("2"), "requests.cpu", q("2"),
                        "requests.memory", q("2Gi"), "limits.cpu", q("4"), "limits.memory", q("4Gi"))).endSpec().build();
    }

    /** Defaults, so that lesson pods without resources are admitted under the quota's cpu and memory limits. */
    private static HasMetadata limits(String attendee, String namespace) {
        return new LimitRangeBuilder().withNewMetadata().withName(WorkshopNames.ROLE).withNamespace(namespace)
                .withLabels(WorkshopNames.labels(attendee)).endMetadata()
                .withNewSpec().addNewLimit().withType("Container")
                .withDefault(Map.of("cpu", q("500m"), "memory", q("256Mi")))
                .withDefaultRequest(Map.of("cpu", q("50m"), "memory", q("64Mi")))
                .withMax(Map.of("cpu", q("1"), "memory", q("1Gi"))).endLimit().endSpec().build();
    }

    /**
     * The fallback network fence ({@link NetworkFence#NAMESPACE_POLICY}): pods talk only to pods of the same attendee, plus DNS.
     * Being an allowance, it also re-admits same-attendee traffic that a lesson's default-deny means to block.
     */
    private static HasMetadata isolation(String attendee, String namespace) {
        var ownNamespaces = new NetworkPolicyPeerBuilder().withNamespaceSelector(
                new LabelSelectorBuilder().withMatchLabels(Map.of(WorkshopNames.ATTENDEE, attendee)).build()).build();
        var dns = new NetworkPolicyPeerBuilder()
                .withNamespaceSelector(new LabelSelectorBuilder().withMatchLabels(Map.of("kubernetes.io/metadata.name", "kube-system")).build())
                .withPodSelector(new LabelSelectorBuilder().withMatchLabels(Map.of("k8s-app", "kube-dns")).build()).build();
        return new NetworkPolicyBuilder().withNewMetadata().withName(WorkshopNames.ISOLATION_POLICY).withNamespace(namespace)
                .withLabels(WorkshopNames.labels(attendee)).endMetadata()
                .withNewSpec().withPodSelector(new LabelSelectorBuilder().build()).withPolicyTypes("Ingress", "Egress")
                .addNewIngress().withFrom(ownNamespaces).endIngress()
                .addNewEgress().withTo(ownNamespaces).endEgress()
                .addNewEgress().withTo(dns).withPorts(
                        new NetworkPolicyPortBuilder().withProtocol("UDP").withPort(new IntOrString(53)).build(),
                        new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(53)).build()).endEgress()
                .endSpec().build();
    }

    private static Quantity q(String amount) {
        return new Quantity(amount);
    }
}
