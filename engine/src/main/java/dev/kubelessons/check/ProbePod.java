package dev.kubelessons.check;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** A probe run as a pod in the lesson namespace: created, watched until it ends, its log read, then deleted. */
final class ProbePod implements ProbeRunner {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String OURS = "kubelessons";
    /** The conventional unprivileged user (nobody), so the probe runs as non-root whatever the image's USER says. */
    private static final long NOBODY = 65534L;
    private static final Set<String> IMAGE_PROBLEMS =
            Set.of("ErrImagePull", "ImagePullBackOff", "ErrImageNeverPull", "InvalidImageName");

    private final CheckContext context;

    ProbePod(CheckContext context) {
        this.context = context;
    }

    /** The pod we create; package-visible so its shape is tested without a cluster. */
    static Pod manifest(String namespace, String image, Map<String, String> labels, List<String> command, long deadlineSeconds) {
        Map<String, String> allLabels = new LinkedHashMap<>(labels);
        allLabels.put(MANAGED_BY, OURS);
        allLabels.put("app.kubernetes.io/component", "probe");
        return new PodBuilder()
                .withNewMetadata().withGenerateName("kl-probe-").withNamespace(namespace).withLabels(allLabels).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withActiveDeadlineSeconds(deadlineSeconds)
                .withTerminationGracePeriodSeconds(0L)
                .withAutomountServiceAccountToken(false)
                // Pod Security "restricted", which workshop namespaces may enforce: curl and nslookup need no root and no capability.
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(NOBODY).withRunAsGroup(NOBODY)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
                .addNewContainer().withName("probe").withImage(image).withImagePullPolicy("IfNotPresent")
                .withCommand(command)
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                // Explicit and small, so the probe fits a workshop namespace's quota and LimitRange (max 1 CPU, 1 Gi per container).
                .withNewResources().withRequests(Map.of("cpu", new Quantity("10m"), "memory", new Quantity("16Mi")))
                .withLimits(Map.of("cpu", new Quantity("200m"), "memory", new Quantity("64Mi"))).endResources()
                .endContainer()
                .endSpec()
                .build();
    }

    @Override
    public Result run(Map<String, String> labels, List<String> command) {
        ProbeOptions options = context.probe();
        Pod pod = manifest(context.namespace(), options.image(), labels, command, options.podTimeout().toSeconds());
        Pod created = context.client().pods().inNamespace(context.namespace()).resource(pod).create();
        PodResource resource = context.client().pods().inNamespace(context.namespace()).withName(created.getMetadata().getName());
        try {
            Pod finished;
            try {
                // A watch, not a poll: the condition is re-tested on every pod event until the deadline.
                finished = resource.waitUntilCondition(p -> p == null || ended(p) || imageProblem(p) != null,
                        options.podTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (KubernetesClientTimeoutException e) {
                throw new ProbeException("the probe pod did not finish within " + options.podTimeout().toSeconds() + " s");
            }
            if (finished == null) {
                throw new ProbeException("the probe pod was deleted before it finished");
            }
            String image = imageProblem(finished);
            if (image != null) {
                throw new ProbeException("the probe image " + options.image() + " cannot be started (" + image + "): the nodes cannot pull it."
                        + " On kind with the internet: 'docker pull " + options.image() + "', then 'kind load docker-image "
                        + options.image() + " --name kubelessons' (or 'cluster up', which loads it). Offline: 'bash scripts/build-kind-node.sh'"
                        + " builds it, then 'cluster up'. On a cluster of your own, its nodes must reach Docker Hub");
            }
            return new Result(exitCode(finished), resource.getLog());
        } finally {
            resource.withGracePeriod(0).delete();
        }
    }

    private static boolean ended(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    private static String imageProblem(Pod pod) {
        for (ContainerStatus status : statuses(pod)) {
            if (status.getState() != null && status.getState().getWaiting() != null
                    && IMAGE_PROBLEMS.contains(status.getState().getWaiting().getReason())) {
                return status.getState().getWaiting().getReason();
            }
        }
        return null;
    }

    private static int exitCode(Pod pod) {
        for (ContainerStatus status : statuses(pod)) {
            ContainerStateTerminated terminated = status.getState() == null ? null : status.getState().getTerminated();
            if (terminated != null && terminated.getExitCode() != null) {
                return terminated.getExitCode();
            }
        }
        return -1;
    }

    private static List<ContainerStatus> statuses(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
    }
}
