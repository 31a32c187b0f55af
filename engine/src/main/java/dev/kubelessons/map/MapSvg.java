package dev.kubelessons.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The namespace map as an SVG picture: nodes with their pods on the left, Services in the middle with an edge to each
 * endpoint (solid when ready, dashed when not), routes on the right with edges to their Services; below, what the
 * policies allow and deny and the probed paths. Every text is XML-escaped; a title and a description name it all for
 * screen readers. Colours come from the page's theme variables, with fallbacks when the SVG is opened alone; its styles are scoped to
 * the map, so they never touch other pictures of the page.
 */
public final class MapSvg {

    private static final int WIDTH = 980;
    private static final int ROW = 20;
    private static final int POD_X = 20;
    private static final int POD_W = 430;
    private static final int SVC_X = 520;
    private static final int SVC_W = 230;
    private static final int ROUTE_X = 790;
    private static final int ROUTE_W = 170;
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
            </style>
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
        StringBuilder edges = new StringBuilder();
        for (NamespaceMap.Service service : map.services()) {
            int height = 28 + ROW * (1 + service.ports().size());
            body.append(group(service.name() + ": " + service.type() + " " + service.clusterIp() + ", " + service.endpoints().size() + " endpoints",
                    rect(SVC_X, y, SVC_W, height, "svc")
                    + text(SVC_X + 10, y + 18, fit(service.name(), 28), "h")
                    + text(SVC_X + 10, y + 18 + ROW, service.type() + " " + (service.clusterIp().isEmpty() ? "(no IP)" : service.clusterIp()), "")
                    + portLines(service, y + 18 + 2 * ROW)));
            serviceY.put(service.name(), y + 14);
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
        for (NamespaceMap.Route route : map.routes()) {
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
        if (!map.probes().isEmpty()) {
            body.append(text(POD_X, y + 14, "Paths probed by the checks", "h"));
            y += 24;
            for (NamespaceMap.Probe probe : map.probes()) {
                y += ROW;
                boolean reached = probe.outcome().equals("reached");
                String cls = reached ? "flow-ok" : probe.outcome().equals("not probed here") ? "m" : "flow-no";
                body.append("<text x=\"").append(POD_X).append("\" y=\"").append(y).append("\"><tspan class=\"").append(cls).append("\">")
                        .append(escape(probe.outcome())).append("</tspan> ").append(escape(fit(probe.from() + " \u2192 " + probe.to() + "  [" + probe.check() + "]", 110)))
                        .append("</text>\n");
            }
        }
        int height = y + 20;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kl-map\" viewBox=\"0 0 " + WIDTH + " " + height + "\" width=\"" + WIDTH + "\" height=\"" + height
                + "\" role=\"img\" aria-labelledby=\"kl-map-title kl-map-desc\">\n"
                + "<title id=\"kl-map-title\">" + escape("Live map of namespace " + map.namespace()) + "</title>\n"
                + "<desc id=\"kl-map-desc\">" + escape(description(map)) + "</desc>\n" + STYLE + edges + body + "</svg>\n";
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
