package dev.kubelessons.site;

import dev.kubelessons.check.DockerNodeShell;
import dev.kubelessons.check.NodeTable;
import dev.kubelessons.cluster.KindProvider;
import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.site.SiteViews.NodePlace;

/**
 * Where a lesson's node script runs, named as the runner enters it: the kind node's container of the lesson's own
 * cluster ({@code kubelessons-cni-worker}) or of the course's ({@code kubelessons-worker}). A page that shows such a
 * script without it invites a paste on the learner's own machine, where {@code rm -f /etc/cni/net.d/*} is real.
 */
final class NodeContainers {

    private NodeContainers() {
    }

    /** The place of {@code block}, or null when it is not a node script. */
    static NodePlace of(Lesson lesson, Block block) {
        if (!block.isNodeScript()) {
            return null;
        }
        String node = block.node().orElseThrow();
        // The same naming as the runner's node shell (NodeScripts runs the script through it), so the two cannot drift.
        String cluster = lesson.cluster().map(KindProvider::lessonClusterName).orElse(KindProvider.CLUSTER);
        return new NodePlace(node, new DockerNodeShell(cluster).container(node), block.content().contains(NodeTable.PLACEHOLDER));
    }
}
