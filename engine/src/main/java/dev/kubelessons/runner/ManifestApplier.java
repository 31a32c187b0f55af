package dev.kubelessons.runner;

import dev.kubelessons.lesson.Launcher;
import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.lesson.Block;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Server-side applies a block's manifests into a lesson namespace, labelled as ours, under
 * strict field validation (so {@code target_port} is rejected here as on any real cluster).
 */
public final class ManifestApplier {

    static final String FIELD_MANAGER = "kubelessons";

    private final KubernetesClient client;

    public ManifestApplier(KubernetesClient client) {
        this.client = client;
    }

    public void apply(Block block, String namespace, String lessonId) {
        if (block.isNodeScript()) {
            return; // a script for a kind node (NodeScripts), never a manifest
        }
        List<HasMetadata> objects;
        try {
            objects = client.load(new ByteArrayInputStream(block.content().getBytes(StandardCharsets.UTF_8))).items();
        } catch (RuntimeException e) {
            throw new UserInputException("cannot read the manifest at " + block.position() + ": " + e.getMessage(),
                    "run '" + Launcher.command("lint") + "' to see what is wrong with it");
        }
        for (HasMetadata object : objects) {
            if (object == null) {
                continue;
            }
            object.getMetadata().setNamespace(namespace);
            Ownership.mark(object, lessonId);
            try {
                client.resource(object).inNamespace(namespace).fieldValidation(FieldValidateable.Validation.STRICT)
                        .fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
            } catch (KubernetesClientException e) {
                throw ClusterFailures.translate(e, "applying " + object.getKind() + " " + object.getMetadata().getName() + " from " + block.position());
            }
        }
    }
}
