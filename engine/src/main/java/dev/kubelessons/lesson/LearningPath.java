package dev.kubelessons.lesson;

import java.util.Arrays;
import java.util.Optional;

/** The routes through the course: application developers start at the top, platform engineers at the bottom, SREs in drills. */
public enum LearningPath {
    TOP_DOWN("top-down", "Top-down", "For application developers: deploy, expose, reach, then open the hood."),
    BOTTOM_UP("bottom-up", "Bottom-up", "For platform engineers: nodes, routes, CNI and kube-proxy first."),
    SRE("sre", "SRE drills", "For SRE teams: a working system breaks, and you restore it against the clock.");

    private final String id;
    private final String title;
    private final String summary;

    LearningPath(String id, String title, String summary) {
        this.id = id;
        this.title = title;
        this.summary = summary;
    }

    public String id() { return id; }
    public String title() { return title; }
    public String summary() { return summary; }

    public static Optional<LearningPath> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
