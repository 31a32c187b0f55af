package dev.kubelessons.instructor;

import dev.kubelessons.runner.Ownership;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.NamedRuleWithOperationsBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBindingBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * Keeps attendees' hands off the instructor's fence: a ValidatingAdmissionPolicy refuses any attendee request that
 * changes or deletes an object labelled with an attendee (the isolation NetworkPolicy, the attendee's ServiceAccount),
 * or creates one with that label. RBAC alone cannot: lessons need write access to NetworkPolicies and ServiceAccounts.
 */
public final class FenceGuard {

    public static final String NAME = "kubelessons-attendee-fence";
    /** Marks the guard's two cluster-scoped objects; teardown removes them when no attendee is left. */
    static final String ROLE_LABEL = "kubelessons.dev/role";

    // CEL, evaluated by the API server. oldObject is null on CREATE, object is null on DELETE.
    private static final String FENCED = "has(%1$s.metadata.labels) && '" + WorkshopNames.ATTENDEE + "' in %1$s.metadata.labels";
    private static final String UNTOUCHED = "(oldObject == null || !(" + FENCED.formatted("oldObject") + "))"
            + " && (object == null || !(" + FENCED.formatted("object") + "))";
    /** Only the attendees' own ServiceAccounts are held back; the instructor (and everyone else) passes. */
    static final String ATTENDEE_REQUEST = "request.userInfo.username.startsWith('system:serviceaccount:" + WorkshopNames.PREFIX + "-')"
            + " && request.userInfo.username.endsWith(':" + WorkshopNames.SERVICE_ACCOUNT + "')";

    private final KubernetesClient admin;

    public FenceGuard(KubernetesClient admin) {
        this.admin = admin;
    }

    /** Creates or updates the policy and its binding (idempotent); false, doing nothing, where the API server has no such policies (before 1.30). */
    public boolean ensure() {
        return AdmissionPolicies.ensure(admin, NAME, objects());
    }

    /** Deletes the binding and the policy; returns whether they existed. */
    public boolean remove() {
        return AdmissionPolicies.remove(admin, NAME);
    }

    static Map<String, String> labels() {
        return Map.of(Ownership.MANAGED_BY, Ownership.OWNER, ROLE_LABEL, "workshop-fence");
    }

    List<HasMetadata> objects() {
        var policy = new ValidatingAdmissionPolicyBuilder().withNewMetadata().withName(NAME).withLabels(labels()).endMetadata()
                .withNewSpec().withFailurePolicy("Fail")
                .withNewMatchConstraints()
                .withResourceRules(
                        rule("networking.k8s.io", "networkpolicies"),
                        rule("", "serviceaccounts"))
                .endMatchConstraints()
                .addNewMatchCondition().withName("attendee-request").withExpression(ATTENDEE_REQUEST).endMatchCondition()
                .addNewValidation().withExpression(UNTOUCHED)
                .withMessage("this object is part of the workshop fence set up by your instructor; attendees cannot create, change or delete "
                        + "objects labelled " + WorkshopNames.ATTENDEE + ". Ask your instructor if you need it changed.")
                .withReason("Forbidden").endValidation()
                .endSpec().build();
        var binding = new ValidatingAdmissionPolicyBindingBuilder().withNewMetadata().withName(NAME).withLabels(labels()).endMetadata()
                .withNewSpec().withPolicyName(NAME).withValidationActions("Deny")
                .withNewMatchResources().withNamespaceSelector(attendeeNamespaces()).endMatchResources().endSpec().build();
        return List.of(policy, binding);
    }

    /** Every namespace a workshop provisioned, as a binding selects them. */
    static io.fabric8.kubernetes.api.model.LabelSelector attendeeNamespaces() {
        return new LabelSelectorBuilder().withMatchLabels(Map.of(Ownership.MANAGED_BY, Ownership.OWNER))
                .withMatchExpressions(new LabelSelectorRequirementBuilder().withKey(WorkshopNames.ATTENDEE).withOperator("Exists").build())
                .build();
    }

    private static io.fabric8.kubernetes.api.model.admissionregistration.v1.NamedRuleWithOperations rule(String group, String resource) {
        return new NamedRuleWithOperationsBuilder().withApiGroups(group).withApiVersions("*").withResources(resource)
                .withOperations("CREATE", "UPDATE", "DELETE").build();
    }
}
