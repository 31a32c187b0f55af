package dev.kubelessons.lesson;

import java.util.Arrays;
import java.util.Optional;

/** The two routes through the course: application developers start at the top, platform engineers at the bottom. */
public enum LearningPath {
    TOP_DOWN("top-down", "Top-down", "For application developers: deploy, expose, reach, then open the hood."),
    BOTTOM_UP("bottom-up", "Bottom-up", "For platform engineers and SREs: nodes, routes, CNI and kube-proxy first.");

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
