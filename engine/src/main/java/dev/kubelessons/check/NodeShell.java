package dev.kubelessons.check;

import java.util.List;

/** Runs a command inside a cluster node (on kind: the node's container) and returns what it printed. */
public interface NodeShell {

    /**
     * @param node the node as lessons name it: {@code control-plane}, {@code worker}, {@code worker2}
     * @return the command's standard output
     * @throws NodeShellException when the node cannot be entered or the command exits non-zero
     */
    String run(String node, List<String> command);

    /** The node could not be reached, or the command failed; the message says which and how. */
    final class NodeShellException extends RuntimeException {
        public NodeShellException(String message) {
            super(message);
        }
    }
}
