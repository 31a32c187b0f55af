package dev.kubelessons.instructor;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;

/**
 * An admission policy is enforced a moment after it is created (the API server compiles it and syncs its binding; seconds on
 * a loaded machine), so an attendee who starts at once could slip past the pod guard. This waits until it takes effect: a
 * server-side dry run (which changes nothing) of a Service with externalIPs, as the attendee's ServiceAccount by impersonation,
 * until the pod guard refuses it. externalIPs because only the guard refuses them: Pod Security would refuse a host pod by itself.
 */
final class GuardReadiness {

    private static final Duration POLL = Duration.ofMillis(250);

    /** How the wait ended. */
    enum Outcome { IN_EFFECT, TIMED_OUT, CANNOT_TELL }

    private GuardReadiness() {
    }

    /** @param namespace one of the attendee's lesson namespaces, where their Role may create Services */
    static Outcome await(KubernetesClient admin, String attendee, String namespace, Duration timeout) {
        String home = WorkshopNames.home(attendee);
        var config = new ConfigBuilder(admin.getConfiguration())
                .withImpersonateUsername("system:serviceaccount:" + home + ":" + WorkshopNames.SERVICE_ACCOUNT)
                .withImpersonateGroups("system:serviceaccounts", "system:serviceaccounts:" + home, "system:authenticated").build();
        Service probe = new ServiceBuilder().withNewMetadata().withName("kubelessons-guard-probe").endMetadata()
                .withNewSpec().withExternalIPs("192.0.2.1").addNewPort().withPort(80).endPort().endSpec().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KubernetesClient asAttendee = new KubernetesClientBuilder().withConfig(config).build()) {
            while (true) {
                try {
                    asAttendee.services().inNamespace(namespace).resource(probe).dryRun().create();
                } catch (KubernetesClientException refused) {
                    String message = String.valueOf(refused.getMessage());
                    if (message.contains(PodGuard.NAME) || message.contains(PodGuard.Rule.EXTERNAL_IPS.key)) {
                        return Outcome.IN_EFFECT;
                    }
                    // Refused for another reason (the instructor may not impersonate, RBAC): the guard cannot be told apart.
                    return Outcome.CANNOT_TELL;
                }
                if (System.nanoTime() > deadline) {
                    return Outcome.TIMED_OUT;
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Outcome.TIMED_OUT;
                }
            }
        }
    }
}
