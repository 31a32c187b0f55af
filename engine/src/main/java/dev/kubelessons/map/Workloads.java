package dev.kubelessons.map;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/** Which workload a pod belongs to, for grouping: its app label, else its owner's name, else its own name. */
final class Workloads {

    private Workloads() {
    }

    static String of(ObjectMeta meta) {
        Map<String, String> labels = meta.getLabels();
        if (labels != null) {
            for (String key : new String[] {"app.kubernetes.io/name", "app"}) {
                if (labels.containsKey(key)) {
                    return key.equals("app") ? "app=" + labels.get(key) : key + "=" + labels.get(key);
                }
            }
        }
        if (meta.getOwnerReferences() != null && !meta.getOwnerReferences().isEmpty()) {
            return meta.getOwnerReferences().get(0).getKind() + " " + meta.getOwnerReferences().get(0).getName();
        }
        return "pod " + meta.getName();
    }
}
