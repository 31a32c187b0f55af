package dev.kubelessons.lesson;

import java.util.List;

/**
 * What a node check needs of the machine under the cluster: {@code command}, run on the check's node, exits 0
 * when the machine has it; otherwise the check is SKIPPED with {@code reason} (e.g. "the kernel has no IPVS").
 */
public record NodeRequirement(List<String> command, String reason) {

    public NodeRequirement {
        command = List.copyOf(command);
    }
}
