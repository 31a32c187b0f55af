package dev.kubelessons.instructor;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.NamedRuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.NamedRuleWithOperationsBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBindingBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidationBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.VariableBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Keeps attendees off the nodes: a ValidatingAdmissionPolicy refuses attendees' pods (and the pod templates of their
 * workloads, which controllers turn into pods under another name) that use the node's network, PID or IPC namespace,
 * a hostPath volume, a privileged container, a node chosen by {@code nodeName} or a toleration of every taint; Services with {@code externalIPs}
 * (they capture traffic to any address, CVE-2020-8554); and Secrets that mint ServiceAccount tokens which never expire.
 * Pod Security admission alone cannot: lessons run upstream images as root, so their namespaces enforce baseline, and it
 * checks neither workload templates, nodeName, Services nor Secrets.
 */
public final class PodGuard {

    public static final String NAME = "kubelessons-attendee-pod-guard";

    /** Each rule, named in its message so that attendees (and the tests) see which one refused them. */
    enum Rule {
        HOST_NETWORK("hostNetwork", "!variables.podBearing || !has(variables.spec.hostNetwork) || !variables.spec.hostNetwork",
                "pods may not use the node's network namespace"),
        HOST_PID("hostPID", "!variables.podBearing || !has(variables.spec.hostPID) || !variables.spec.hostPID",
                "pods may not see the node's processes"),
        HOST_IPC("hostIPC", "!variables.podBearing || !has(variables.spec.hostIPC) || !variables.spec.hostIPC",
                "pods may not share the node's IPC namespace"),
        HOST_PATH("hostPath", "!variables.podBearing || !has(variables.spec.volumes) || variables.spec.volumes.all(v, !has(v.hostPath))",
                "pods may not mount a hostPath volume (the node's own files)"),
        PRIVILEGED("privileged", "!variables.podBearing || variables.containers.all(c, !has(c.securityContext)"
                + " || !has(c.securityContext.privileged) || !c.securityContext.privileged)",
                "containers may not be privileged"),
        // Pods get nodeName from the scheduler later on, so only a create may not set it; a workload template never may.
        NODE_NAME("nodeName", "!variables.podBearing || (object.kind == 'Pod' && request.operation != 'CREATE')"
                + " || !has(variables.spec.nodeName) || variables.spec.nodeName == ''",
                "pods may not choose their node with spec.nodeName (that bypasses the scheduler); use a nodeSelector"),
        // A toleration without a key (operator Exists) matches every taint, the control plane's and a dedicated node's too.
        TOLERATE_ALL("tolerations", "!variables.podBearing || !has(variables.spec.tolerations)"
                + " || variables.spec.tolerations.all(t, has(t.key) && t.key != '')",
                "pods may not tolerate every taint (a toleration without a key); name the taint, as lesson 01's DaemonSet does"),
        EXTERNAL_IPS("externalIPs", "object.kind != 'Service' || !has(object.spec.externalIPs) || size(object.spec.externalIPs) == 0",
                "Services may not claim externalIPs (they would capture that address's traffic for the whole cluster)"),
        TOKEN_SECRET("service-account-token", "object.kind != 'Secret' || !has(object.type) || object.type != 'kubernetes.io/service-account-token'",
                "Secrets of type kubernetes.io/service-account-token are not allowed (their token never expires); use 'kubectl create token'");

        final String key;
        final String expression;
        final String message;

        Rule(String key, String expression, String message) {
            this.key = key;
            this.expression = expression;
            this.message = message;
        }

        String fullMessage() {
            return key + ": in a workshop, " + message + ". Ask your instructor if a lesson needs it.";
        }
    }

    private static final List<String> POD_BEARING = List.of("Pod", "ReplicationController", "Deployment", "ReplicaSet", "StatefulSet",
            "DaemonSet", "Job", "CronJob");

    private final KubernetesClient admin;

    public PodGuard(KubernetesClient admin) {
        this.admin = admin;
    }

    /** Creates or updates the policy and its binding (idempotent); false, doing nothing, where the API server has no such policies. */
    public boolean ensure() {
        return AdmissionPolicies.ensure(admin, NAME, objects());
    }

    /** Deletes the binding and the policy; returns whether they existed. */
    public boolean remove() {
        return AdmissionPolicies.remove(admin, NAME);
    }

    List<HasMetadata> objects() {
        String kinds = String.join("', '", POD_BEARING);
        var policy = new ValidatingAdmissionPolicyBuilder().withNewMetadata().withName(NAME).withLabels(FenceGuard.labels()).endMetadata()
                .withNewSpec().withFailurePolicy("Fail")
                .withNewMatchConstraints().withResourceRules(
                        rule("", "pods", "replicationcontrollers", "services", "secrets"),
                        rule("apps", "deployments", "replicasets", "statefulsets", "daemonsets"),
                        rule("batch", "jobs", "cronjobs"))
                .endMatchConstraints()
                .addNewMatchCondition().withName("attendee-request").withExpression(FenceGuard.ATTENDEE_REQUEST).endMatchCondition()
                .withVariables(
                        new VariableBuilder().withName("podBearing").withExpression("object.kind in ['" + kinds + "']").build(),
                        new VariableBuilder().withName("spec").withExpression("object.kind == 'Pod' ? object.spec"
                                + " : object.kind == 'CronJob' ? object.spec.jobTemplate.spec.template.spec : object.spec.template.spec").build(),
                        new VariableBuilder().withName("containers").withExpression(
                                "(has(variables.spec.containers) ? variables.spec.containers : [])"
                                        + " + (has(variables.spec.initContainers) ? variables.spec.initContainers : [])"
                                        + " + (has(variables.spec.ephemeralContainers) ? variables.spec.ephemeralContainers : [])").build())
                .withValidations(java.util.Arrays.stream(Rule.values()).map(r -> new ValidationBuilder().withExpression(r.expression)
                        .withMessage(r.fullMessage()).withReason("Forbidden").build()).toList())
                .endSpec().build();
        var binding = new ValidatingAdmissionPolicyBindingBuilder().withNewMetadata().withName(NAME).withLabels(FenceGuard.labels()).endMetadata()
                .withNewSpec().withPolicyName(NAME).withValidationActions("Deny")
                .withNewMatchResources().withNamespaceSelector(FenceGuard.attendeeNamespaces()).endMatchResources().endSpec().build();
        return List.of(policy, binding);
    }

    private static NamedRuleWithOperations rule(String group, String... resources) {
        return new NamedRuleWithOperationsBuilder().withApiGroups(group).withApiVersions("*").withResources(resources)
                .withOperations("CREATE", "UPDATE").build();
    }
}
