package dev.kubelessons.map;

import dev.kubelessons.check.Status;
import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.CheckSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The paths data-plane checks probed, from their latest verdicts: traffic checks (from pods with these labels to a
 * Service's port) and HTTP checks (from the probe pod to a URL, through a Service or an ingress route). Each is marked
 * with what the probe's connection met (reached, refused, timed out), never with the check's PASS or FAIL: a policy
 * check passes when nothing gets through. Only a cluster with a data plane (kind) probes; on kwok these checks are
 * skipped and the path says "not probed".
 */
final class ProbedPaths {

    private ProbedPaths() {
    }

    static List<NamespaceMap.Probe> of(String namespace, List<Verdict> verdicts, List<NamespaceMap.Service> services, List<NamespaceMap.Route> routes) {
        List<NamespaceMap.Probe> probes = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            if (verdict.check() instanceof CheckSpec.Traffic traffic) {
                String from = traffic.fromLabels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
                NamespaceMap.Target target = services.stream().anyMatch(s -> s.name().equals(traffic.service()))
                        ? NamespaceMap.Target.service(traffic.service()) : NamespaceMap.Target.NONE;
                probes.add(probe(verdict, from.isEmpty() ? "a probe pod" : from, traffic.service() + ":" + traffic.port(), target));
            } else if (verdict.check() instanceof CheckSpec.Http http) {
                String url = http.url().replace("${namespace}", namespace);
                String hostHeader = http.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Host"))
                        .map(Map.Entry::getValue).findFirst().orElse("").replace("${namespace}", namespace);
                probes.add(probe(verdict, "the probe pod", to(url, hostHeader), target(url, hostHeader, namespace, services, routes)));
            }
        }
        return probes;
    }

    private static NamespaceMap.Probe probe(Verdict verdict, String from, String to, NamespaceMap.Target target) {
        var outcome = verdict.probeOutcome();
        return new NamespaceMap.Probe(verdict.id(), from, to, target, outcome.map(o -> o.reach()),
                outcome.map(o -> o.evidence()).orElseGet(() -> notProbed(verdict)));
    }

    /** Why no probe ran: the skip's reason, or the verdict's words (no ready endpoint yet, the probe pod did not start). */
    private static String notProbed(Verdict verdict) {
        return verdict.status() == Status.SKIPPED ? "skipped here: " + verdict.message() : verdict.message();
    }

    /** "my-nginx:80 /", "traefik /api/ (Host api.shop.localtest.me)". */
    private static String to(String url, String hostHeader) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                return url;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getHost().split("\\.")[0] + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + " " + path
                    + (hostHeader.isEmpty() ? "" : " (Host " + hostHeader + ")");
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /**
     * The Service of this namespace the URL names (name.namespace.svc...), else the route an ingress controller would
     * match for this Host and path (the longest path wins), else none.
     */
    static NamespaceMap.Target target(String url, String hostHeader, String namespace, List<NamespaceMap.Service> services, List<NamespaceMap.Route> routes) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return NamespaceMap.Target.NONE;
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        String[] labels = host.split("\\.");
        if (labels.length >= 3 && labels[1].equals(namespace) && labels[2].equals("svc")
                && services.stream().anyMatch(s -> s.name().equals(labels[0]))) {
            return NamespaceMap.Target.service(labels[0]);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String wantedHost = hostHeader.isEmpty() ? host : hostHeader.split(":")[0];
        record Match(NamespaceMap.Route route, int length) {
        }
        Optional<Match> best = Optional.empty();
        for (NamespaceMap.Route route : routes) {
            int slash = route.match().indexOf('/');
            List<String> hosts = List.of((slash < 0 ? route.match() : route.match().substring(0, slash)).split(","));
            List<String> paths = slash < 0 ? List.of("/") : List.of(("/" + route.match().substring(slash + 1)).replace(",/", ",").split(","))
                    .stream().map(p -> p.startsWith("/") ? p : "/" + p).toList();
            if (!hosts.contains("*") && !hosts.contains(wantedHost)) {
                continue;
            }
            for (String prefix : paths) {
                if (path.startsWith(prefix) && (best.isEmpty() || prefix.length() > best.get().length())) {
                    best = Optional.of(new Match(route, prefix.length()));
                }
            }
        }
        return best.map(m -> new NamespaceMap.Target("Route", m.route().name(), m.route().match())).orElse(NamespaceMap.Target.NONE);
    }
}
