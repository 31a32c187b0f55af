package dev.kubelessons.cluster;

import dev.kubelessons.failure.PrerequisiteException;
import java.util.List;
import java.util.Locale;

/**
 * Turns a failed {@code kind create cluster} into an error that names the cause and the fix. The one cause worth
 * recognising: Docker cannot start privileged containers (kind's nodes are privileged) on a host whose capability
 * bounding set lacks a capability, because runc then asks for every capability and fails.
 */
final class KindCreateFailure {

    private KindCreateFailure() {
    }

    static PrerequisiteException of(String cluster, int exitCode, List<String> tail) {
        String output = String.join(System.lineSeparator() + "    ", tail);
        if (privilegedRefused(tail)) {
            return new PrerequisiteException("Docker cannot start privileged containers on this machine, and kind's nodes are"
                    + " privileged: runc refused (\"unable to apply caps: operation not permitted\"). This host's capability"
                    + " bounding set lacks a capability (often CAP_SYS_RESOURCE in a VM or sandbox), and dockerd runs"
                    + " without the runc wrapper that drops it." + System.lineSeparator() + "  last output:"
                    + System.lineSeparator() + "    " + output,
                    "stop dockerd (for example 'systemctl stop docker docker.socket' or 'pkill dockerd'), then run 'bash "
                            + KindProvider.NODE_SCRIPT + " --start-docker', which starts dockerd with that wrapper as its default"
                            + " runtime; then 'kind delete cluster --name " + cluster + "' and 'cluster up --provider kind' again");
        }
        return new PrerequisiteException("kind could not create cluster '" + cluster + "' (exit " + exitCode + ")"
                + System.lineSeparator() + "  last output:" + System.lineSeparator() + "    " + output,
                "fix the cause above, run 'kind delete cluster --name " + cluster + "', then 'cluster up --provider kind' again");
    }

    static boolean privilegedRefused(List<String> tail) {
        return tail.stream().map(line -> line.toLowerCase(Locale.ROOT))
                .anyMatch(line -> line.contains("unable to apply caps") || line.contains("apply caps: operation not permitted"));
    }
}
