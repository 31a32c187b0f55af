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
        private final boolean commandFailed;

        /** The node could not be entered in time (no Docker, no container, a timeout): the environment, not the command. */
        public NodeShellException(String message) {
            this(message, false);
        }

        public NodeShellException(String message, boolean commandFailed) {
            super(message);
            this.commandFailed = commandFailed;
        }

        /** Whether the command itself ran in the node and exited non-zero (as opposed to the node not being reachable). */
        public boolean commandFailed() {
            return commandFailed;
        }
    }
}
