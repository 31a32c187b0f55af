package dev.kubelessons.check;

import dev.kubelessons.lesson.CheckSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Evaluates {@code http}: a GET (with the check's headers) from a probe pod in the lesson namespace, compared on status and body text. */
final class HttpProbeEvaluator {

    static final int TIMEOUT_SECONDS = 5;

    private final Function<CheckContext, ProbeRunner> probes;

    HttpProbeEvaluator(Function<CheckContext, ProbeRunner> probes) {
        this.probes = probes;
    }

    Verdict evaluate(CheckSpec.Http check, CheckContext context) {
        String url = context.expand(check.url());
        Map<String, String> headers = new LinkedHashMap<>();
        check.headers().forEach((name, value) -> headers.put(name, context.expand(value)));
        String request = request(url, headers);
        List<String> command = CurlOutput.command(url, curlArguments(headers), TIMEOUT_SECONDS);
        ProbeRunner probe = probes.apply(context);
        return Retry.untilPass(context.probe(), () -> judge(check, request,
                CurlOutput.parse(probe.run(Map.of(), command).log())));
    }

    /** One {@code -H} and one "Name: value" argument per header; an empty value needs curl's "Name;" form to be sent at all. */
    static List<String> curlArguments(Map<String, String> headers) {
        List<String> arguments = new ArrayList<>();
        headers.forEach((name, value) -> {
            arguments.add("-H");
            arguments.add(value.isEmpty() ? name + ";" : name + ": " + value);
        });
        return arguments;
    }

    /** "GET http://x/ with Host: a.example", as the verdicts name the request. */
    static String request(String url, Map<String, String> headers) {
        return "GET " + url + (headers.isEmpty() ? "" : headers.entrySet().stream()
                .map(h -> h.getValue().isEmpty() ? h.getKey() + ":" : h.getKey() + ": " + h.getValue()).collect(Collectors.joining(", ", " with ", "")));
    }

    static Verdict judge(CheckSpec.Http check, String request, CurlOutput out) {
        return verdict(check, request, out).probed(ProbeOutcome.of(out));
    }

    private static Verdict verdict(CheckSpec.Http check, String request, CurlOutput out) {
        boolean wantsBody = check.bodyContains() != null && !check.bodyContains().isBlank();
        String expected = "HTTP " + check.status() + (wantsBody ? " with '" + check.bodyContains() + "'" : "");
        if (out.httpStatus() == 0) {
            return Verdict.fail(check, "no response", expected, request + " failed: " + out.failure());
        }
        if (out.httpStatus() != check.status()) {
            return Verdict.fail(check, "HTTP " + out.httpStatus(), expected,
                    request + " returned " + out.httpStatus() + "; expected " + check.status());
        }
        if (wantsBody && !out.body().contains(check.bodyContains())) {
            return Verdict.fail(check, "HTTP " + out.httpStatus() + " without the text", expected,
                    request + " returned " + out.httpStatus() + " but the body does not contain '"
                            + check.bodyContains() + "' (it begins: " + excerpt(out.body()) + ")");
        }
        return Verdict.pass(check, expected, request + " returned " + out.httpStatus()
                + (wantsBody ? " and the body contains '" + check.bodyContains() + "'" : ""));
    }

    private static String excerpt(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.isEmpty() ? "an empty body" : flat.length() > 80 ? flat.substring(0, 80) + "…" : flat;
    }
}
