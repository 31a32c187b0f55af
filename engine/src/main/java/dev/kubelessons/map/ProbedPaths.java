package dev.kubelessons.map;

import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.CheckSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The paths data-plane checks probed, from their latest verdicts: traffic checks (from pods with these labels to a
 * Service's port) and HTTP checks (from the probe pod to a URL). Only a cluster with a data plane (kind) probes; on kwok
 * these checks are skipped and the path is shown as not probed.
 */
final class ProbedPaths {

    private ProbedPaths() {
    }

    static List<NamespaceMap.Probe> of(List<Verdict> verdicts) {
        List<NamespaceMap.Probe> probes = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            if (verdict.check() instanceof CheckSpec.Traffic traffic) {
                String from = traffic.fromLabels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
                probes.add(new NamespaceMap.Probe(verdict.id(), from.isEmpty() ? "a probe pod" : from, traffic.service() + ":" + traffic.port(), outcome(verdict)));
            } else if (verdict.check() instanceof CheckSpec.Http http) {
                probes.add(new NamespaceMap.Probe(verdict.id(), "the probe pod", host(http.url()), outcome(verdict)));
            }
        }
        return probes;
    }

    /** reached, refused, timed out, denied, failed; or not probed (skipped), with the verdict's own words. */
    static String outcome(Verdict verdict) {
        if (verdict.status() == Status.SKIPPED) {
            return "not probed here";
        }
        String message = verdict.message().toLowerCase(Locale.ROOT);
        if (verdict.actual().equals("allowed") || verdict.actual().startsWith("HTTP") || verdict.status() == Status.PASS && !verdict.actual().equals("denied")) {
            return "reached";
        }
        if (message.contains("timed out")) {
            return "timed out";
        }
        if (message.contains("refused")) {
            return "refused";
        }
        return verdict.actual().equals("denied") ? "denied" : "failed";
    }

    private static String host(String url) {
        try {
            URI uri = URI.create(url.replace("${namespace}", "ns"));
            return uri.getHost() == null ? url : uri.getHost().split("\\.")[0] + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

}
