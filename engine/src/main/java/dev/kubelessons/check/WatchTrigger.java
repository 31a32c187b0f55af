package dev.kubelessons.check;

import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.ResourceRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** One kind of object whose changes can change a resource check's verdict, and which of those objects matter. */
record WatchTrigger(WatchTrigger.Type type, Predicate<HasMetadata> matches) {

    /** A watched kind, by apiVersion and kind; one informer per type serves every check. */
    record Type(String apiVersion, String kind) {
        static final Type POD = new Type("v1", "Pod");
        static final Type SERVICE = new Type("v1", "Service");
        static final Type ENDPOINT_SLICE = new Type("discovery.k8s.io/v1", "EndpointSlice");
    }

    /** What a check depends on; empty for data-plane checks, which are evaluated on demand only. */
    static List<WatchTrigger> of(CheckSpec check) {
        if (check instanceof CheckSpec.Exists c) {
            return List.of(named(c.resource()));
        } else if (check instanceof CheckSpec.Absent c) {
            return List.of(named(c.resource()));
        } else if (check instanceof CheckSpec.Cel c) {
            return List.of(named(c.resource()));
        } else if (check instanceof CheckSpec.Rollout c) {
            // Pods too: the verdict names the pod that holds the rollout up, and its reason changes on pod events.
            return List.of(named(c.resource()), new WatchTrigger(Type.POD, any -> true));
        } else if (check instanceof CheckSpec.Endpoints c) {
            return List.of(
                    new WatchTrigger(Type.SERVICE, o -> c.service().equals(o.getMetadata().getName())),
                    new WatchTrigger(Type.ENDPOINT_SLICE, o -> c.service().equals(label(o, EndpointsEvaluator.SERVICE_NAME_LABEL))),
                    new WatchTrigger(Type.POD, any -> true));
        }
        return List.of();
    }

    private static WatchTrigger named(ResourceRef ref) {
        return new WatchTrigger(new Type(ref.apiVersion(), ref.kind()), o -> ref.name().equals(o.getMetadata().getName()));
    }

    private static String label(HasMetadata object, String key) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? null : labels.get(key);
    }
}
