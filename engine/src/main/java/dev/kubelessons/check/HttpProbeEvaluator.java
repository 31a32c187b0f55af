package dev.kubelessons.check;

import dev.kubelessons.lesson.CheckSpec;
import java.util.Map;
import java.util.function.Function;

/** Evaluates {@code http}: a GET from a probe pod in the lesson namespace, compared on status and body text. */
final class HttpProbeEvaluator {

    static final int TIMEOUT_SECONDS = 5;

    private final Function<CheckContext, ProbeRunner> probes;

    HttpProbeEvaluator(Function<CheckContext, ProbeRunner> probes) {
        this.probes = probes;
    }

    Verdict evaluate(CheckSpec.Http check, CheckContext context) {
        String url = context.expand(check.url());
        ProbeRunner probe = probes.apply(context);
        return Retry.untilPass(context.probe(), () -> judge(check, url,
                CurlOutput.parse(probe.run(Map.of(), CurlOutput.command(url, TIMEOUT_SECONDS)).log())));
    }

    static Verdict judge(CheckSpec.Http check, String url, CurlOutput out) {
        boolean wantsBody = check.bodyContains() != null && !check.bodyContains().isBlank();
        String expected = "HTTP " + check.status() + (wantsBody ? " with '" + check.bodyContains() + "'" : "");
        if (out.httpStatus() == 0) {
            return Verdict.fail(check, "no response", expected, "GET " + url + " failed: " + out.failure());
        }
        if (out.httpStatus() != check.status()) {
            return Verdict.fail(check, "HTTP " + out.httpStatus(), expected,
                    "GET " + url + " returned " + out.httpStatus() + "; expected " + check.status());
        }
        if (wantsBody && !out.body().contains(check.bodyContains())) {
            return Verdict.fail(check, "HTTP " + out.httpStatus() + " without the text", expected,
                    "GET " + url + " returned " + out.httpStatus() + " but the body does not contain '"
                            + check.bodyContains() + "' (it begins: " + excerpt(out.body()) + ")");
        }
        return Verdict.pass(check, expected, "GET " + url + " returned " + out.httpStatus()
                + (wantsBody ? " and the body contains '" + check.bodyContains() + "'" : ""));
    }

    private static String excerpt(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.isEmpty() ? "an empty body" : flat.length() > 80 ? flat.substring(0, 80) + "…" : flat;
    }
}
