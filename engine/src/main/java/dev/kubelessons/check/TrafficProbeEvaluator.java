package dev.kubelessons.check;

import java.util.OptionalInt;
import dev.kubelessons.lesson.CheckSpec;
import java.util.function.Function;

/**
 * Evaluates {@code traffic}: a probe pod carrying the {@code from} labels tries a TCP connection to the Service,
 * so NetworkPolicies that select those labels apply to it. The probe has no pod-template-hash label, so no
 * Deployment's ReplicaSet adopts it.
 */
final class TrafficProbeEvaluator {

    static final int TIMEOUT_SECONDS = 3;

    private final Function<CheckContext, ProbeRunner> probes;

    TrafficProbeEvaluator(Function<CheckContext, ProbeRunner> probes) {
        this.probes = probes;
    }

    Verdict evaluate(CheckSpec.Traffic check, CheckContext context) {
        // With no ready endpoint every connection fails, policy or not: that would pass a 'deny'
        // check on a fresh namespace whose pods are still starting. Judge only a Service that can answer.
        OptionalInt ready = readyEndpoints(check, context);
        if (ready.isPresent() && ready.getAsInt() == 0) {
            return Verdict.fail(check, "no ready endpoints", check.allowed() ? "allowed" : "denied",
                    "Service " + check.service() + " has no ready endpoints yet, so allowed and denied look the same; "
                            + "its pods must be ready before a policy can be judged");
        }
        String url = url(check, context);
        ProbeRunner probe = probes.apply(context);
        java.util.function.Supplier<Verdict> attempt = () -> judge(check, context.namespace(), CurlOutput.parse(
                probe.run(check.fromLabels(), CurlOutput.command(url, TIMEOUT_SECONDS)).log()));
        Verdict verdict = Retry.untilPass(context.probe(), attempt);
        // One connection that did not happen is weak evidence of a policy; a second look must agree.
        return !check.allowed() && verdict.status() == Status.PASS ? attempt.get() : verdict;
    }

    /**
     * Ready endpoints of the Service, waiting (on watch events, up to the probe's pod timeout) for
     * the first one when the Service exists but its pods are still starting; empty when they cannot
     * be read (the probe then decides alone).
     */
    private static OptionalInt readyEndpoints(CheckSpec.Traffic check, CheckContext context) {
        try {
            if (context.client().services().inNamespace(context.namespace()).withName(check.service()).get() == null) {
                return OptionalInt.of(0);
            }
            var slices = context.client().discovery().v1().endpointSlices().inNamespace(context.namespace())
                    .withLabel("kubernetes.io/service-name", check.service());
            var firstReady = slices.informOnCondition(list -> EndpointsEvaluator.readyEndpoints(list) > 0);
            try {
                var ready = firstReady.get(context.probe().podTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                return OptionalInt.of(EndpointsEvaluator.readyEndpoints(ready));
            } catch (java.util.concurrent.TimeoutException e) {
                return OptionalInt.of(EndpointsEvaluator.readyEndpoints(slices.list().getItems()));
            } finally {
                firstReady.cancel(true); // stops the informer behind it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        } catch (RuntimeException | java.util.concurrent.ExecutionException e) {
            return OptionalInt.empty();
        }
    }

    static String url(CheckSpec.Traffic check, CheckContext context) {
        return "http://" + check.service() + "." + context.namespace() + ".svc.cluster.local:" + check.port() + "/";
    }

    static Verdict judge(CheckSpec.Traffic check, String namespace, CurlOutput out) {
        return verdict(check, namespace, out).probed(ProbeOutcome.of(out));
    }

    private static Verdict verdict(CheckSpec.Traffic check, String namespace, CurlOutput out) {
        String flow = "from pods " + PodReadiness.selector(check.fromLabels()) + " to " + check.service() + ":" + check.port();
        String expected = check.allowed() ? "allowed" : "denied";
        if (out.curlExit() == 6) {
            // Not a policy decision: the name does not resolve, so the check cannot tell allow from deny.
            return Verdict.fail(check, "unresolvable", expected, "the probe cannot resolve Service " + check.service()
                    + "; does it exist in namespace " + namespace + "?");
        }
        String actual = out.connected() ? "allowed" : "denied";
        String detail = out.connected() ? "a connection was made" : "no connection: " + out.failure();
        if (actual.equals(expected)) {
            return Verdict.pass(check, actual, "traffic " + flow + " is " + actual + " (" + detail + ")");
        }
        return Verdict.fail(check, actual, expected, "traffic " + flow + " is " + actual + "; expected " + expected
                + " (" + detail + ")");
    }
}
