package dev.kubelessons.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The namespace map as an SVG picture: nodes with their pods on the left, Services in the middle with an edge to each
 * endpoint (solid when ready, dashed when not), routes on the right with edges to their Services, and under them the
 * paths data-plane checks probed, each an edge to its Service or route marked with what the probe met (reached: solid,
 * refused: dashed, timed out: dotted, and said in words; a path no probe ran on has no edge); below, what the policies
 * allow and deny. Every text is XML-escaped; a title and a description name it all for
 * screen readers. Colours come from the page's theme variables, with fallbacks when the SVG is opened alone; its styles are scoped to
 * the map, so they never touch other pictures of the page.
 */
public final class MapSvg {

    private static final int WIDTH = 1100;
    private static final int ROW = 20;
    private static final int POD_X = 20;
    private static final int POD_W = 430;
    private static final int SVC_X = 520;
    private static final int SVC_W = 230;
    private static final int ROUTE_X = 830;
    private static final int ROUTE_W = 230;
    private static final int PROBE_H = 64;
    private static final String STYLE = """
            <style>
            .kl-map text{font:13px ui-sans-serif,system-ui,sans-serif;fill:var(--fg,#1d2330)}
            .kl-map .h{font-weight:700}
            .kl-map .m{fill:var(--muted,#5b6577)}
            .kl-map .box{fill:var(--surface,#f5f7fa);stroke:var(--border,#b8c0cc)}
            .kl-map .svc{fill:var(--setup,#eef2fb);stroke:var(--accent,#2458c6)}
            .kl-map .route{fill:var(--hint,#fff8e1);stroke:var(--hint-border,#b08a1e)}
            .kl-map .ok{stroke:var(--map-ok,#116329);fill:none;stroke-width:1.6}
            .kl-map .no{stroke:var(--map-no,#a40e26);fill:none;stroke-width:1.6;stroke-dasharray:5 4}
            .kl-map .flow-ok{fill:var(--map-ok,#116329)}.kl-map .flow-no{fill:var(--map-no,#a40e26)}
            .kl-map .probe{fill:var(--bg,#fff);stroke:var(--border,#b8c0cc)}
            .kl-map .p-reached{stroke:var(--map-ok,#116329);fill:none;stroke-width:2.4}
            .kl-map .p-refused{stroke:var(--map-no,#a40e26);fill:none;stroke-width:2.4;stroke-dasharray:8 4}
            .kl-map .p-timed-out{stroke:var(--map-no,#a40e26);fill:none;stroke-width:2.4;stroke-dasharray:2 4}
            .kl-map .p-other{stroke:var(--muted,#5b6577);fill:none;stroke-width:2.4;stroke-dasharray:8 4}
            .kl-map .a-ok{fill:var(--map-ok,#116329)}.kl-map .a-no{fill:var(--map-no,#a40e26)}.kl-map .a-other{fill:var(--muted,#5b6577)}
            </style>
            <defs>
            <marker id="kl-map-arrow-ok" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="4.5" markerHeight="4.5" orient="auto"><polygon class="a-ok" points="0,0 8,4 0,8"/></marker>
            <marker id="kl-map-arrow-no" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="4.5" markerHeight="4.5" orient="auto"><polygon class="a-no" points="0,0 8,4 0,8"/></marker>
            <marker id="kl-map-arrow-other" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="4.5" markerHeight="4.5" orient="auto"><polygon class="a-other" points="0,0 8,4 0,8"/></marker>
            </defs>
            """;

    private MapSvg() {
    }

    public static String render(NamespaceMap map) {
        StringBuilder body = new StringBuilder();
        Map<String, Integer> podY = new HashMap<>();
        int y = 20;
        List<String> nodeNames = new ArrayList<>(map.nodes().stream().map(NamespaceMap.Node::name).toList());
        if (map.pods().stream().anyMatch(p -> p.node().isEmpty())) {
            nodeNames.add("");
        }
        body.append(text(POD_X, y, "Nodes and pods", "h"));
        y += 10;
        for (String node : nodeNames) {
            List<NamespaceMap.Pod> pods = map.pods().stream().filter(p -> p.node().equals(node)).toList();
            int height = 28 + ROW * Math.max(1, pods.size());
            body.append(rect(POD_X, y, POD_W, height, "box"));
            body.append(text(POD_X + 10, y + 18, node.isEmpty() ? "not scheduled" : "node " + node, "h"));
            int rowY = y + 18;
            for (NamespaceMap.Pod pod : pods) {
                rowY += ROW;
                podY.put(pod.name(), rowY - 4);
                body.append(text(POD_X + 20, rowY, fit(pod.name(), 34) + "  " + (pod.ip().isEmpty() ? "no IP yet" : pod.ip())
                        + (pod.ready() ? "  ready" : "  not ready"), pod.ready() ? "" : "m"));
            }
            if (pods.isEmpty()) {
                body.append(text(POD_X + 20, rowY + ROW, "no pods of this namespace", "m"));
            }
            y += height + 10;
        }
        int left = y;

        y = 20;
        body.append(text(SVC_X, y, "Services", "h"));
        y += 10;
        Map<String, Integer> serviceY = new HashMap<>();
        Map<String, int[]> serviceBox = new HashMap<>();
        StringBuilder edges = new StringBuilder();
        for (NamespaceMap.Service service : map.services()) {
            int height = 28 + ROW * (1 + service.ports().size());
            body.append(group(service.name() + ": " + service.type() + " " + service.clusterIp() + ", " + service.endpoints().size() + " endpoints",
                    rect(SVC_X, y, SVC_W, height, "svc")
                    + text(SVC_X + 10, y + 18, fit(service.name(), 28), "h")
                    + text(SVC_X + 10, y + 18 + ROW, service.type() + " " + (service.clusterIp().isEmpty() ? "(no IP)" : service.clusterIp()), "")
                    + portLines(service, y + 18 + 2 * ROW)));
            serviceY.put(service.name(), y + 14);
            serviceBox.put(service.name(), new int[] {y, height});
            for (NamespaceMap.Endpoint endpoint : service.endpoints()) {
                Integer target = podY.get(endpoint.pod());
                if (target != null) {
                    edges.append("<path class=\"").append(endpoint.ready() ? "ok" : "no").append("\" d=\"M").append(SVC_X).append(' ').append(y + 14)
                            .append(" C ").append(SVC_X - 40).append(' ').append(y + 14).append(", ").append(POD_X + POD_W + 40).append(' ').append(target)
                            .append(", ").append(POD_X + POD_W).append(' ').append(target).append("\"><title>")
                            .append(escape(service.name() + " -> " + endpoint.pod() + " " + endpoint.ip() + (endpoint.ready() ? " (ready)" : " (not ready)")))
                            .append("</title></path>\n");
                }
            }
            y += height + 10;
        }
        if (map.services().isEmpty()) {
            body.append(text(SVC_X, y + 14, "no Services yet", "m"));
            y += 24;
        }
        int middle = y;

        y = 20;
        if (!map.routes().isEmpty()) {
            body.append(text(ROUTE_X, y, "Routes in", "h"));
            y += 10;
        }
        Map<NamespaceMap.Target, Integer> routeY = new HashMap<>();
        for (NamespaceMap.Route route : map.routes()) {
            routeY.put(new NamespaceMap.Target("Route", route.name(), route.match()), y + 24);
            body.append(group(route.kind() + " " + route.name() + ": " + route.match() + " to " + String.join(", ", route.backends()),
                    rect(ROUTE_X, y, ROUTE_W, 48, "route") + text(ROUTE_X + 8, y + 18, fit(route.kind() + " " + route.name(), 22), "h")
                            + text(ROUTE_X + 8, y + 38, fit(route.match(), 24), "")));
            for (String backend : route.backends()) {
                Integer target = serviceY.get(backend.split(":")[0]);
                if (target != null) {
                    edges.append("<path class=\"ok\" d=\"M").append(ROUTE_X).append(' ').append(y + 24).append(" L ").append(SVC_X + SVC_W).append(' ')
                            .append(target).append("\"><title>").append(escape(route.name() + " -> " + backend)).append("</title></path>\n");
                }
            }
            y += 58;
        }
        y = probes(map, y, body, edges, serviceBox, routeY);
        y = Math.max(Math.max(left, middle), y) + 10;

        if (!map.policies().isEmpty()) {
            body.append(text(POD_X, y + 14, "NetworkPolicies: traffic between the workloads here", "h"));
            y += 24;
            for (NamespaceMap.Policy policy : map.policies()) {
                y += ROW;
                body.append(text(POD_X, y, fit(policy.name() + " selects " + policy.selects() + ": " + String.join("; ", policy.rules()), 140), "m"));
            }
            for (NamespaceMap.Flow flow : map.flows()) {
                y += ROW;
                body.append(group(flow.from() + " to " + flow.to() + ": " + (flow.allowed() ? "allowed" : "denied") + ", " + flow.why(),
                        "<text x=\"" + POD_X + "\" y=\"" + y + "\"><tspan class=\"" + (flow.allowed() ? "flow-ok" : "flow-no") + "\">"
                                + (flow.allowed() ? "\u2714 allowed" : "\u2718 denied") + "</tspan> " + escape(fit(flow.from() + " \u2192 " + flow.to() + "  (" + flow.why() + ")", 120))
                                + "</text>"));
            }
            y += 10;
        }
        int height = y + 20;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kl-map\" viewBox=\"0 0 " + WIDTH + " " + height + "\" width=\"" + WIDTH + "\" height=\"" + height
                + "\" role=\"img\" aria-labelledby=\"kl-map-title kl-map-desc\">\n"
                + "<title id=\"kl-map-title\">" + escape("Live map of namespace " + map.namespace()) + "</title>\n"
                + "<desc id=\"kl-map-desc\">" + escape(description(map)) + "</desc>\n" + STYLE + edges + body + "</svg>\n";
    }

    /**
     * The probed paths, under the routes: a box per check (from where, to what, what its latest probe met, in words) and,
     * when a probe ran and its target is in the map, an edge to that Service or route, styled by the outcome. Returns
     * the column's new bottom.
     */
    private static int probes(NamespaceMap map, int y, StringBuilder body, StringBuilder edges, Map<String, int[]> serviceBox,
                              Map<NamespaceMap.Target, Integer> routeY) {
        if (map.probes().isEmpty()) {
            return y;
        }
        y += 10;
        body.append(text(ROUTE_X, y, "Paths the checks probed", "h"));
        y += 10;
        Map<String, Integer> landed = new HashMap<>();
        for (NamespaceMap.Probe probe : map.probes()) {
            String style = probe.reach().map(r -> switch (r) {
                case REACHED -> "reached";
                case REFUSED -> "refused";
                case TIMED_OUT -> "timed-out";
                default -> "other";
            }).orElse("");
            String mark = probe.reach().map(r -> r == dev.kubelessons.check.Reach.REACHED ? "\u2714 " : "\u2718 ").orElse("\u2013 ");
            String words = probe.from() + " \u2192 " + probe.to() + ": " + probe.outcome() + " (" + probe.detail() + "); check " + probe.check()
                    + probe.reach().map(r -> "").orElse("; no edge is drawn for a path no probe ran on");
            String cls = style.isEmpty() ? "m" : style.equals("reached") ? "flow-ok" : style.equals("other") ? "" : "flow-no";
            body.append(group(words, rect(ROUTE_X, y, ROUTE_W, PROBE_H - 8, "probe")
                    + text(ROUTE_X + 8, y + 17, fit(probe.from() + " \u2192 " + probe.to(), 29), "h")
                    + "<text x=\"" + (ROUTE_X + 8) + "\" y=\"" + (y + 34) + "\"" + (cls.isEmpty() ? "" : " class=\"" + cls + "\"") + ">"
                    + escape(mark + fit(probe.reach().isPresent() ? probe.outcome() : probe.outcome() + (probe.detail().startsWith("skipped") ? " here" : " yet"), 28)) + "</text>"
                    + text(ROUTE_X + 8, y + 50, fit("check " + probe.check(), 30), "m")));
            if (!style.isEmpty()) {
                String arrow = style.equals("reached") ? "ok" : style.equals("other") ? "other" : "no";
                int fromY = y + 28;
                String d = null;
                if (probe.target().kind().equals("Service") && serviceBox.containsKey(probe.target().name())) {
                    int[] box = serviceBox.get(probe.target().name());
                    // Several probes into one Service land apart, below the route edges' point, so each stays visible.
                    int n = landed.merge(probe.target().name(), 1, Integer::sum) - 1;
                    int toY = box[0] + 24 + (n * 11) % Math.max(11, box[1] - 28);
                    int toX = SVC_X + SVC_W;
                    d = "M" + ROUTE_X + " " + fromY + " C " + (ROUTE_X - 40) + " " + fromY + ", " + (toX + 40) + " " + toY + ", " + (toX + 2) + " " + toY;
                } else if (routeY.containsKey(probe.target())) {
                    int toY = routeY.get(probe.target());
                    int x = ROUTE_X + ROUTE_W;
                    d = "M" + x + " " + fromY + " C " + (x + 34) + " " + fromY + ", " + (x + 34) + " " + toY + ", " + (x + 2) + " " + toY;
                }
                if (d != null) {
                    edges.append("<path class=\"p-").append(style).append("\" marker-end=\"url(#kl-map-arrow-").append(arrow).append(")\" d=\"")
                            .append(d).append("\"><title>").append(escape(words)).append("</title></path>\n");
                }
            }
            y += PROBE_H;
        }
        return y;
    }

    /** The whole map in one paragraph: what a screen reader says instead of the picture. */
    static String description(NamespaceMap map) {
        return String.join(" ", MapText.lines(map).stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    private static String portLines(NamespaceMap.Service service, int y) {
        StringBuilder lines = new StringBuilder();
        for (String port : service.ports()) {
            lines.append(text(SVC_X + 10, y, fit("port " + port, 30), "m"));
            y += ROW;
        }
        return lines.toString();
    }

    private static String group(String title, String content) {
        return "<g><title>" + escape(title) + "</title>" + content + "</g>\n";
    }

    private static String rect(int x, int y, int w, int h, String cls) {
        return "<rect class=\"" + cls + "\" x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h + "\" rx=\"6\"/>";
    }

    private static String text(int x, int y, String text, String cls) {
        return "<text x=\"" + x + "\" y=\"" + y + "\"" + (cls.isEmpty() ? "" : " class=\"" + cls + "\"") + ">" + escape(text) + "</text>\n";
    }

    private static String fit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
