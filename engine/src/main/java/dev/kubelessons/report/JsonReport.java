package dev.kubelessons.report;

import dev.kubelessons.check.Verdict;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Verdicts as JSON: {"lessons":[{"id", "passed", "checks":[{"id","kind","status",...}]}]}. */
public final class JsonReport {

    private final JsonMapper json = JsonMapper.builder().build();

    public String render(List<LessonResult> results) {
        ObjectNode root = json.createObjectNode();
        ArrayNode lessons = root.putArray("lessons");
        for (LessonResult result : results) {
            ObjectNode lesson = lessons.addObject();
            lesson.put("id", result.lessonId());
            lesson.put("title", result.title());
            lesson.put("passed", result.passed());
            lesson.put("elapsedMillis", result.elapsed().toMillis());
            ArrayNode checks = lesson.putArray("checks");
            for (Verdict verdict : result.verdicts()) {
                ObjectNode check = checks.addObject();
                check.put("id", verdict.id());
                check.put("title", verdict.title());
                check.put("kind", verdict.check().kind().word());
                check.put("status", verdict.status().name());
                check.put("message", verdict.message());
                check.put("actual", verdict.actual());
                check.put("expected", verdict.expected());
                check.put("hint", verdict.hint());
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
