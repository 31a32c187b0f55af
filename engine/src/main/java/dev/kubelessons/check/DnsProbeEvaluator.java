package dev.kubelessons.check;

import dev.kubelessons.lesson.CheckSpec;
import java.util.Map;
import java.util.function.Function;

/** Evaluates {@code dns}: nslookup from a probe pod in the lesson namespace, which uses the cluster's DNS. */
final class DnsProbeEvaluator {

    private final Function<CheckContext, ProbeRunner> probes;

    DnsProbeEvaluator(Function<CheckContext, ProbeRunner> probes) {
        this.probes = probes;
    }

    Verdict evaluate(CheckSpec.Dns check, CheckContext context) {
        String name = context.expand(check.name());
        ProbeRunner probe = probes.apply(context);
        return Retry.untilPass(context.probe(), () -> judge(check, name,
                NslookupOutput.parse(probe.run(Map.of(), NslookupOutput.command(name)).log())));
    }

    static Verdict judge(CheckSpec.Dns check, String name, NslookupOutput out) {
        String expected = check.resolves() ? "resolves" : "does not resolve";
        if (out.serverUnreachable()) {
            return Verdict.fail(check, "no DNS answer", expected,
                    "no DNS server answered the probe (" + out.problem() + "); is CoreDNS running in kube-system?");
        }
        if (out.resolves()) {
            String actual = "resolves to " + String.join(", ", out.addresses());
            return check.resolves()
                    ? Verdict.pass(check, actual, name + " " + actual)
                    : Verdict.fail(check, actual, expected, name + " " + actual + "; expected it not to resolve");
        }
        String why = out.problem().isEmpty() ? "nslookup exited with " + out.exit() : out.problem();
        return check.resolves()
                ? Verdict.fail(check, "does not resolve", expected, name + " does not resolve (" + why + ")")
                : Verdict.pass(check, "does not resolve", name + " does not resolve (" + why + ")");
    }
}
