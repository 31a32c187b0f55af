package dev.kubelessons.instructor;

import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the instructor must know before the day about running these lessons for a room on one shared cluster: the
 * things provisioning cannot fence, said once at provisioning (and so at the dress rehearsal) rather than discovered live.
 */
final class WorkshopCaveats {

    private WorkshopCaveats() {
    }

    static List<String> of(List<Lesson> lessons, NetworkFence network) {
        List<String> caveats = new ArrayList<>();
        List<String> policies = creating(lessons, "NetworkPolicy");
        if (network == NetworkFence.NAMESPACE_POLICY && !policies.isEmpty()) {
            // The per-namespace fence adds an allowance to every pod, so where NetworkPolicy is enforced a default-deny is defeated.
            caveats.add(String.join(", ", policies) + " create NetworkPolicies; where the cluster enforces them, the per-namespace fence"
                    + " also admits traffic those lessons deny. Use a cluster whose network plugin serves ClusterNetworkPolicy"
                    + " (kubelessons' kind nodes do), or run those lessons on attendees' own clusters.");
        }
        List<String> ingresses = creating(lessons, "Ingress");
        if (!ingresses.isEmpty()) {
            // Ingress rules are namespaced objects, but one controller serves them all: equal hosts and paths compete.
            caveats.add(String.join(", ", ingresses) + " create Ingresses with fixed host names and host-less rules, and one ingress"
                    + " controller serves every namespace: on a shared cluster the attendees' rules compete (the oldest wins) and"
                    + " one attendee's Ingress answers another's checks. Run those lessons on attendees' own clusters.");
        }
        return caveats;
    }

    private static List<String> creating(List<Lesson> lessons, String kind) {
        return lessons.stream().filter(lesson -> Arrays.stream(BlockRole.values()).flatMap(role -> lesson.blocks(role).stream())
                .anyMatch(block -> block.content().lines().anyMatch(line -> line.strip().equals("kind: " + kind))))
                .map(Lesson::id).toList();
    }
}
