package dev.kubelessons.check;

import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.ResourceRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** Evaluates {@code exists} and {@code absent}: is the named object there? */
final class ResourcePresenceEvaluator {

    private final ResourceLookup lookup;

    ResourcePresenceEvaluator(ResourceLookup lookup) {
        this.lookup = lookup;
    }

    Verdict exists(CheckSpec.Exists check, CheckContext context) {
        ResourceRef ref = check.resource();
        GenericKubernetesResource object = lookup.get(context, ref.apiVersion(), ref.kind(), ref.name());
        String where = lookup.where(context, ref.apiVersion(), ref.kind());
        if (object == null) {
            return Verdict.fail(check, "missing", "exists", ref + " does not exist " + where);
        }
        String deleting = object.getMetadata().getDeletionTimestamp() != null ? " (being deleted)" : "";
        return Verdict.pass(check, "exists" + deleting, ref + " exists " + where + deleting);
    }

    Verdict absent(CheckSpec.Absent check, CheckContext context) {
        ResourceRef ref = check.resource();
        GenericKubernetesResource object = lookup.get(context, ref.apiVersion(), ref.kind(), ref.name());
        String where = lookup.where(context, ref.apiVersion(), ref.kind());
        if (object == null) {
            return Verdict.pass(check, "absent", ref + " does not exist " + where);
        }
        // An object with a deletionTimestamp still exists until its finalizers are done: say so, it explains a wait.
        if (object.getMetadata().getDeletionTimestamp() != null) {
            return Verdict.fail(check, "being deleted", "absent", ref + " is being deleted " + where
                    + " but still exists (finalizers: " + object.getMetadata().getFinalizers() + ")");
        }
        return Verdict.fail(check, "exists", "absent", ref + " still exists " + where);
    }
}
