package dev.kubelessons.instructor;

import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Lesson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Pod Security level an attendee namespace enforces: {@code restricted}, unless a lesson's own pods (its setup,
 * solution and apply manifests, or a {@code kubectl run} it tells the attendee to type) would not be admitted under it;
 * then {@code baseline}, the least level above. Host namespaces, hostPath and privileged stay refused at every level
 * by {@link PodGuard}, so baseline only lets lessons run the upstream images as root.
 */
record PodSecurityLevel(String level, String reason) {

    static final String LABEL = "pod-security.kubernetes.io/";
    static final PodSecurityLevel RESTRICTED = new PodSecurityLevel("restricted", "");

    private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
            "persistentVolumeClaim", "projected", "secret", "name");
    private static final Pattern KUBECTL_RUN = Pattern.compile("\\bkubectl\\s+(run|create\\s+deployment|create\\s+job)\\b");

    /** The namespace labels: enforce this level; warn and audit at restricted so attendees see what a stricter cluster would refuse. */
    Map<String, String> labels() {
        return Map.of(LABEL + "enforce", level, LABEL + "enforce-version", "latest",
                LABEL + "warn", "restricted", LABEL + "warn-version", "latest",
                LABEL + "audit", "restricted", LABEL + "audit-version", "latest");
    }

    static PodSecurityLevel of(Lesson lesson) {
        for (BlockRole role : List.of(BlockRole.SETUP, BlockRole.SOLUTION, BlockRole.APPLY, BlockRole.EXAMPLE)) {
            for (Block block : lesson.blocks(role)) {
                Optional<String> why = block.isYaml() && role != BlockRole.EXAMPLE ? manifestNeed(block.content())
                        : block.isShell() && KUBECTL_RUN.matcher(block.content()).find()
                        ? Optional.of("its commands create pods with kubectl, which sets no securityContext") : Optional.empty();
                if (why.isPresent()) {
                    return new PodSecurityLevel("baseline", why.get() + " (" + block.position().file().getFileName() + ":" + block.position().line() + ")");
                }
            }
        }
        return RESTRICTED;
    }

    /** Why a manifest's pods are not "restricted", if they are not. Unreadable YAML is lint's business, not ours. */
    static Optional<String> manifestNeed(String yaml) {
        try {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
                if (document instanceof Map<?, ?> object) {
                    Optional<String> why = podSpec(object).flatMap(PodSecurityLevel::restrictedProblem)
                            .map(problem -> object.get("kind") + " " + at(object, "metadata", "name") + ": " + problem);
                    if (why.isPresent()) {
                        return why;
                    }
                }
            }
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Map<?, ?>> podSpec(Map<?, ?> object) {
        Object kind = object.get("kind");
        Object spec = "Pod".equals(kind) ? at(object, "spec")
                : "CronJob".equals(kind) ? at(object, "spec", "jobTemplate", "spec", "template", "spec")
                : at(object, "spec", "template", "spec");
        return spec instanceof Map<?, ?> map ? Optional.of(map) : Optional.empty();
    }

    /** The rules of Pod Security "restricted" that lessons could break (the baseline ones are PodGuard's). */
    private static Optional<String> restrictedProblem(Map<?, ?> spec) {
        boolean podNonRoot = Boolean.TRUE.equals(at(spec, "securityContext", "runAsNonRoot"));
        boolean podSeccomp = seccompOk(at(spec, "securityContext", "seccompProfile", "type"));
        for (String list : List.of("initContainers", "containers")) {
            if (!(spec.get(list) instanceof List<?> containers)) {
                continue;
            }
            for (Object item : containers) {
                Map<?, ?> container = item instanceof Map<?, ?> m ? m : Map.of();
                String name = "container " + container.get("name");
                if (!podNonRoot && !Boolean.TRUE.equals(at(container, "securityContext", "runAsNonRoot"))) {
                    return Optional.of(name + " may run as root (no runAsNonRoot: true)");
                }
                if (!Boolean.FALSE.equals(at(container, "securityContext", "allowPrivilegeEscalation"))) {
                    return Optional.of(name + " does not set allowPrivilegeEscalation: false");
                }
                if (!(at(container, "securityContext", "capabilities", "drop") instanceof List<?> drop && drop.contains("ALL"))) {
                    return Optional.of(name + " does not drop ALL capabilities");
                }
                if (!podSeccomp && !seccompOk(at(container, "securityContext", "seccompProfile", "type"))) {
                    return Optional.of(name + " has no RuntimeDefault seccomp profile");
                }
            }
        }
        if (spec.get("volumes") instanceof List<?> volumes) {
            for (Object volume : volumes) {
                if (volume instanceof Map<?, ?> v && !RESTRICTED_VOLUMES.containsAll(v.keySet().stream().map(String::valueOf).toList())) {
                    return Optional.of("volume " + v.get("name") + " is of a type restricted does not allow");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean seccompOk(Object type) {
        return "RuntimeDefault".equals(type) || "Localhost".equals(type);
    }

    private static Object at(Map<?, ?> map, String... path) {
        Object here = map;
        for (String key : path) {
            if (!(here instanceof Map<?, ?> m)) {
                return null;
            }
            here = m.get(key);
        }
        return here;
    }
}
