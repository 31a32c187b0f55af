package dev.kubelessons.markdown;

import dev.kubelessons.lesson.LearningPath;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The header of a lesson file, between the two {@code ---} lines, after validation. */
public record FrontMatter(
        String id,
        String title,
        String summary,
        Map<LearningPath, Integer> paths,
        int durationMinutes,
        List<String> prerequisites,
        List<String> objectives,
        List<String> images,
        Optional<String> cluster) {
}
