package dev.kubelessons.lesson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A machine-checkable expectation written in a lesson's {@code check} block. Resource checks
 * read the API; data-plane checks need packets to flow (a probe pod, DNS, a node shell) and
 * are reported SKIPPED on a cluster without a data plane.
 */
public sealed interface CheckSpec {

    CheckInfo info();

    CheckKind kind();

    default boolean needsDataPlane() {
        return kind().needsDataPlane();
    }

    /** The object exists in the lesson namespace. */
    record Exists(CheckInfo info, ResourceRef resource) implements CheckSpec {
        public CheckKind kind() { return CheckKind.EXISTS; }
    }

    /** The object does not exist (deleted, or never created). */
    record Absent(CheckInfo info, ResourceRef resource) implements CheckSpec {
        public CheckKind kind() { return CheckKind.ABSENT; }
    }

    /** A CEL expression over the live object (bound as {@code object}) is true. */
    record Cel(CheckInfo info, ResourceRef resource, String expression, SourcePosition expressionPosition) implements CheckSpec {
        public CheckKind kind() { return CheckKind.CEL; }
    }

    /** A Deployment, StatefulSet or DaemonSet has rolled out: all replicas updated and ready. */
    record Rollout(CheckInfo info, ResourceRef resource) implements CheckSpec {
        public CheckKind kind() { return CheckKind.ROLLOUT; }
    }

    /** A Service has exactly {@code count} ready endpoints in its EndpointSlices. */
    record Endpoints(CheckInfo info, String service, int count) implements CheckSpec {
        public CheckKind kind() { return CheckKind.ENDPOINTS; }
    }

    /**
     * An HTTP GET from a short-lived probe pod in the lesson namespace, with the request headers in
     * file order (say {@code Host}, to reach one virtual host of an ingress controller), returns the
     * status (and body text).
     */
    record Http(CheckInfo info, String url, int status, String bodyContains, Map<String, String> headers) implements CheckSpec {
        public Http {
            headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        public Http(CheckInfo info, String url, int status, String bodyContains) {
            this(info, url, status, bodyContains, Map.of());
        }

        public CheckKind kind() { return CheckKind.HTTP; }
    }

    /** A DNS name resolves (or must not) from a probe pod. */
    record Dns(CheckInfo info, String name, boolean resolves) implements CheckSpec {
        public CheckKind kind() { return CheckKind.DNS; }
    }

    /** Traffic from pods with {@code fromLabels} to {@code service:port} is allowed or denied by NetworkPolicy. */
    record Traffic(CheckInfo info, Map<String, String> fromLabels, String service, int port, boolean allowed) implements CheckSpec {
        public CheckKind kind() { return CheckKind.TRAFFIC; }
    }

    /**
     * A command run in a kind node's container prints output matching a regular expression. When {@code requires}
     * is given and its command fails on that node, the machine lacks what the check needs (a kernel feature such
     * as IPVS): the check is SKIPPED with the requirement's reason and the command's own words, never failed.
     */
    record NodeCommand(CheckInfo info, String node, List<String> command, String outputMatches,
            java.util.Optional<NodeRequirement> requires) implements CheckSpec {
        public NodeCommand(CheckInfo info, String node, List<String> command, String outputMatches) {
            this(info, node, command, outputMatches, java.util.Optional.empty());
        }

        public CheckKind kind() { return CheckKind.NODE_COMMAND; }
    }
}
