package dev.kubelessons.cluster;

import dev.kubelessons.failure.PrerequisiteException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Applies cluster-wide objects the engine installs (CRDs, add-ons) by server-side apply as field manager kubelessons:
 * re-applying the same file changes nothing, and a field someone edited by hand is put back.
 */
final class ServerSideApply {

    static final String FIELD_MANAGER = "kubelessons";
    private static final long ESTABLISHED_SECONDS = 30;

    private ServerSideApply() {
    }

    /** The objects of a YAML file (one or several documents), parsed without a cluster. */
    static List<HasMetadata> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Object parsed = new KubernetesSerialization().unmarshal(in);
            List<?> items = parsed instanceof List<?> list ? list : List.of(parsed);
            return items.stream().filter(Objects::nonNull).map(item -> (HasMetadata) item).toList();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies in order under strict field validation (a misspelt field fails here, not silently later); then waits until
     * the API server serves every CRD among them, so that objects of those kinds are accepted next. All CRDs are applied
     * before the first wait, as the API server establishes them side by side.
     */
    static void apply(KubernetesClient client, List<HasMetadata> objects, String source) {
        for (HasMetadata object : objects) {
            try {
                client.resource(object).fieldValidation(FieldValidateable.Validation.STRICT)
                        .fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
            } catch (KubernetesClientException e) {
                throw refused(e, describe(object, source));
            }
        }
        for (HasMetadata object : objects) {
            if (object instanceof CustomResourceDefinition crd) {
                try {
                    client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                            .waitUntilCondition(ServerSideApply::established, ESTABLISHED_SECONDS, TimeUnit.SECONDS);
                } catch (KubernetesClientTimeoutException e) {
                    throw new PrerequisiteException("the API server did not serve " + describe(object, source) + " within " + ESTABLISHED_SECONDS + " s",
                            "look at the CRD's conditions (kubectl get crd " + crd.getMetadata().getName() + " -o yaml), then run 'cluster up' again");
                } catch (KubernetesClientException e) {
                    throw refused(e, describe(object, source));
                }
            }
        }
    }

    private static String describe(HasMetadata object, String source) {
        return object.getKind() + " " + object.getMetadata().getName() + " from " + source;
    }

    private static PrerequisiteException refused(KubernetesClientException e, String what) {
        String reason = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
        // An admission policy or webhook of the cluster's own said no: its message (above) names it and usually the way out.
        boolean admission = reason != null && (reason.contains("ValidatingAdmissionPolicy") || reason.contains("admission webhook"));
        return new PrerequisiteException("the cluster did not accept " + what + ": " + reason,
                e.getCode() == 0 ? "check that the cluster runs ('cluster status'), then run 'cluster up' again"
                        : admission ? "an admission policy installed on the cluster refused it, as its message above says; "
                        + "change or remove that policy if the course's objects may be installed, then run 'cluster up' again"
                        : "a cluster older than the course's (Kubernetes 1.35) may lack this API; 'cluster down' then 'cluster up' "
                        + "recreates it (losing the lessons' state). Otherwise report this with the message above", e);
    }

    static boolean established(CustomResourceDefinition crd) {
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream().anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
