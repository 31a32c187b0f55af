package dev.kubelessons.check;

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
        String url = url(check, context);
        ProbeRunner probe = probes.apply(context);
        return Retry.untilPass(context.probe(), () -> judge(check, context.namespace(), CurlOutput.parse(
                probe.run(check.fromLabels(), CurlOutput.command(url, TIMEOUT_SECONDS)).log())));
    }

    static String url(CheckSpec.Traffic check, CheckContext context) {
        return "http://" + check.service() + "." + context.namespace() + ".svc.cluster.local:" + check.port() + "/";
    }

    static Verdict judge(CheckSpec.Traffic check, String namespace, CurlOutput out) {
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
