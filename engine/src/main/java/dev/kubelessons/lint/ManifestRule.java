package dev.kubelessons.lint;

import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.markdown.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Manifests the learner or the runner applies (apply, setup, solution) parse, match the
 * Kubernetes schema, and stay inside the lesson namespace (no namespace of their own).
 */
final class ManifestRule implements LessonRule {

    private static final Set<BlockRole> MANIFEST_ROLES = Set.of(BlockRole.APPLY, BlockRole.SETUP, BlockRole.SOLUTION);

    private final ManifestSchema schema = new ManifestSchema(new KubernetesKinds());

    @Override
    public List<Problem> check(Lesson lesson) {
        List<Problem> problems = new ArrayList<>();
        List<Block> blocks = new ArrayList<>(lesson.steps().stream().flatMap(s -> s.parts().stream())
                .filter(Block.class::isInstance).map(Block.class::cast).toList());
        blocks.addAll(lesson.faultActions());
        for (Block block : blocks) {
            if (block.role() == BlockRole.SETUP && !block.isYaml() && !block.isNodeScript()) {
                problems.add(new Problem(block.position(), "a setup block must be YAML manifests, or a shell script for a node",
                        "open it with '```yaml setup', or '```sh setup node=control-plane' for a script the runner runs in that kind node"));
                continue;
            }
            if (!MANIFEST_ROLES.contains(block.role()) || !block.isYaml()) {
                continue;
            }
            YamlDocument document = new YamlDocument(lesson.source(), block.contentLine());
            List<Node> manifests = document.parseAll(block.content(), problems);
            if (manifests.isEmpty() && problems.isEmpty()) {
                problems.add(new Problem(block.position(), "the " + block.role().word() + " block has no manifest", "add a Kubernetes manifest or remove the block"));
            }
            for (Node manifest : manifests) {
                schema.validate(document, manifest, problems);
                staysInNamespace(document, manifest, problems);
            }
        }
        return problems;
    }

    private static void staysInNamespace(YamlDocument document, Node manifest, List<Problem> problems) {
        if (!(manifest instanceof MappingNode mapping)) {
            return;
        }
        Map<String, Node> top = ManifestSchema.entries(mapping);
        if ("Namespace".equals(ManifestSchema.scalar(top.get("kind")))) {
            problems.add(new Problem(document.position(manifest), "lessons cannot create namespaces",
                    "the runner gives each lesson its own namespace; put the objects there"));
        }
        if (top.get("metadata") instanceof MappingNode metadata) {
            Node namespace = ManifestSchema.entries(metadata).get("namespace");
            if (namespace != null) {
                problems.add(new Problem(document.position(namespace), "a lesson manifest sets metadata.namespace",
                        "remove it: the runner applies every manifest into the lesson's own namespace"));
            }
        }
    }
}
