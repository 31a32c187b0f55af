package dev.kubelessons.runner;

import dev.kubelessons.check.NodeShell;
import dev.kubelessons.check.NodeTable;
import dev.kubelessons.cluster.KindProvider;
import dev.kubelessons.failure.PrerequisiteException;
import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.Lesson;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/**
 * Runs a lesson's node scripts ({@code ```sh setup node=worker}, {@code ```sh solution node=...}) inside the kind
 * node's container, with {@code ${namespace}} and {@code ${nodes}} filled in. Where nodes cannot be entered (kwok, a context: cluster) there is
 * nothing to run them in: they are left out, as node checks are SKIPPED there.
 */
public final class NodeScripts {

    private final Optional<NodeShell> shell;
    private final String cluster;
    private final KubernetesClient client;

    /**
     * @param cluster the kind cluster whose nodes {@code shell} enters
     * @param client  reads the node table for {@code ${nodes}} (a kind worker cannot read other Nodes itself)
     */
    public NodeScripts(Optional<NodeShell> shell, String cluster, KubernetesClient client) {
        this.shell = shell;
        this.cluster = cluster;
        this.client = client;
    }

    /** Where nodes cannot be entered: node scripts are left out. */
    public static NodeScripts none() {
        return new NodeScripts(Optional.empty(), "", null);
    }

    /**
     * Whether {@code lesson}'s node scripts and node checks may run here: nodes can be entered, and a lesson with a
     * cluster of its own ({@code cluster: cni}) is on that cluster. Its scripts remove CNI configurations and switch
     * kube-proxy's mode: on the course's shared cluster they would break every other lesson.
     */
    public boolean runsHere(Lesson lesson) {
        return shell.isPresent() && lesson.cluster().map(own -> cluster.equals(KindProvider.lessonClusterName(own))).orElse(true);
    }

    /**
     * Runs {@code block} on its node with {@code sh -c}. A script that runs and fails is the lesson file's error (exit 2, with
     * its place); a node that cannot be entered in time is the cluster's (exit 3). Neither is the engine's bug.
     */
    public void run(Lesson lesson, Block block, String namespace) {
        if (!block.isNodeScript() || !runsHere(lesson)) {
            return;
        }
        String script = NodeTable.expand(block.content().replace("${namespace}", namespace), client);
        try {
            shell.get().run(block.node().orElseThrow(), List.of("sh", "-c", script));
        } catch (NodeShell.NodeShellException e) {
            String node = block.node().get();
            if (e.commandFailed()) {
                throw new UserInputException("the node script at " + block.position() + " failed on node " + node + ": " + e.getMessage(),
                        "fix the script at that line, or try it by hand in the node (docker exec -it " + cluster + "-" + node + " sh)");
            }
            throw new PrerequisiteException("could not run the node script at " + block.position() + " on node " + node + ": " + e.getMessage(),
                    "check the cluster with 'jbang lesson cluster status', then run the command again");
        }
    }
}
