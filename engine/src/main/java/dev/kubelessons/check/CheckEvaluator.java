package dev.kubelessons.check;

import dev.kubelessons.lesson.CheckSpec;
import java.util.function.Function;

/**
 * Evaluates any check against a cluster. Never throws: a learner's failure is FAIL, a check that cannot run
 * here is SKIPPED with the reason, and a tool failure (forbidden, missing CRD, API unreachable) is ERROR.
 * One instance may be shared between threads.
 */
public final class CheckEvaluator {

    private final ResourcePresenceEvaluator presence;
    private final CelEvaluator cel;
    private final RolloutEvaluator rollout = new RolloutEvaluator();
    private final EndpointsEvaluator endpoints = new EndpointsEvaluator();
    private final HttpProbeEvaluator http;
    private final DnsProbeEvaluator dns;
    private final TrafficProbeEvaluator traffic;
    private final NodeCommandEvaluator nodeCommand = new NodeCommandEvaluator();

    public CheckEvaluator() {
        this(ProbePod::new);
    }

    /** With another way to run probes; tests use it to evaluate data-plane checks without a cluster. */
    CheckEvaluator(Function<CheckContext, ProbeRunner> probes) {
        ResourceLookup lookup = new ResourceLookup();
        this.presence = new ResourcePresenceEvaluator(lookup);
        this.cel = new CelEvaluator(lookup, new CelExpressions());
        this.http = new HttpProbeEvaluator(probes);
        this.dns = new DnsProbeEvaluator(probes);
        this.traffic = new TrafficProbeEvaluator(probes);
    }

    public Verdict evaluate(CheckSpec check, CheckContext context) {
        if (check.needsDataPlane() && !context.hasDataPlane()) {
            return Verdict.skipped(check, context.noDataPlaneReason().orElseThrow());
        }
        try {
            return dispatch(check, context);
        } catch (ProbeRunner.ProbeException e) {
            return Verdict.error(check, e.getMessage());
        } catch (RuntimeException e) {
            return Verdict.error(check, ApiErrors.describe(e, context));
        }
    }

    private Verdict dispatch(CheckSpec check, CheckContext context) {
        // Java 17 has no pattern matching for switch; the sealed interface keeps this list complete.
        if (check instanceof CheckSpec.Exists c) {
            return presence.exists(c, context);
        } else if (check instanceof CheckSpec.Absent c) {
            return presence.absent(c, context);
        } else if (check instanceof CheckSpec.Cel c) {
            return cel.evaluate(c, context);
        } else if (check instanceof CheckSpec.Rollout c) {
            return rollout.evaluate(c, context);
        } else if (check instanceof CheckSpec.Endpoints c) {
            return endpoints.evaluate(c, context);
        } else if (check instanceof CheckSpec.Http c) {
            return http.evaluate(c, context);
        } else if (check instanceof CheckSpec.Dns c) {
            return dns.evaluate(c, context);
        } else if (check instanceof CheckSpec.Traffic c) {
            return traffic.evaluate(c, context);
        } else if (check instanceof CheckSpec.NodeCommand c) {
            return nodeCommand.evaluate(c, context);
        }
        return Verdict.error(check, "no evaluator for check kind " + check.kind().word());
    }
}
