package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.lesson.Course;
import dev.kubelessons.lesson.Diagram;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.markdown.CourseLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diagrams on the built site: drawn in place as accessible SVG, a broken one stops the build at its line, and the course map is generated from the lessons. */
class DiagramSiteTest {

    @TempDir
    Path tmp;

    @Test
    void aLessonDiagramIsDrawnWhereItStandsAsAnImageWithItsWords() throws IOException {
        Path lessons = copyOfSiteCourse();
        append(lessons.resolve("03-clusterip.md"), "\n```plantuml diagram\n' title: my-nginx <behind> its Service\n"
                + "' description: The Service my-nginx sends to the pods labelled app=my-nginx.\n"
                + "rectangle \"Service my-nginx\" as s <<hot>>\nrectangle \"pods app=my-nginx\" as p\ns --> p\n```\n");
        Path out = tmp.resolve("site");
        SiteTestSupport.build(lessons, out);
        String page = SiteTestSupport.read(out.resolve("03-clusterip.html"));
        assertTrue(page.contains("<figure class=\"diagram\"><svg"), "drawn inline, not linked:\n" + page);
        assertTrue(page.contains("role=\"img\""), page);
        assertTrue(page.contains("<figcaption>my-nginx &lt;behind&gt; its Service</figcaption>"), "the title as caption, escaped");
        assertTrue(page.contains("<p>The Service my-nginx sends to the pods labelled app=my-nginx.</p>"), "the words under a fold");
        assertFalse(page.contains("rectangle \"Service my-nginx\""), "no PlantUML source on the page");
        assertFalse(page.contains("<script src=") && page.contains("mermaid"), "no diagram JavaScript");
    }

    @Test
    void aDiagramThatDoesNotParseStopsTheBuildAtItsLine() throws IOException {
        Path lessons = copyOfSiteCourse();
        Path lesson = lessons.resolve("03-clusterip.md");
        int fence = Files.readAllLines(lesson).size() + 2;
        append(lesson, "\n```plantuml diagram\n' title: Broken\n' description: An arrow to nowhere.\nrectangle a\na -->>\n```\n");
        Path out = tmp.resolve("site");
        SiteBuildException error = assertThrows(SiteBuildException.class, () -> SiteTestSupport.build(lessons, out));
        Problem problem = error.problems().stream().findFirst().orElseThrow(() -> new AssertionError(error.getMessage()));
        assertEquals("03-clusterip.md", problem.position().file().getFileName().toString());
        assertEquals(fence + 4, problem.position().line(), problem.format());
        assertTrue(problem.message().contains("does not parse"), problem.format());
        assertFalse(Files.exists(out.resolve("03-clusterip.html")), "nothing half-built");
    }

    @Test
    void theCourseMapIsMadeFromTheLessonsFrontMatter() {
        Course course = new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons")).course();
        Diagram map = CourseMap.of(course).orElseThrow();
        for (var lesson : course.lessons()) {
            assertTrue(map.source().contains("\"" + lesson.id() + "\\n"), "a box for " + lesson.id() + ":\n" + map.source());
        }
        assertTrue(map.source().contains("L02_deployments --> L03_clusterip"), "03 needs 02: a solid arrow\n" + map.source());
        assertFalse(map.source().contains("L01_kind_cluster --> L03_clusterip"), "implied by 02, left out\n" + map.source());
        for (var path : course.paths()) {
            assertTrue(map.source().contains(path.title()), "arrows name the path " + path.title());
            assertTrue(map.description().contains("The " + path.title() + " path: "), map.description());
        }
        String index = new IndexPageBuilder().build(course).courseMap();
        assertTrue(index.contains("<figure class=\"diagram\"><svg") && index.contains("Course map"), index);
    }

    @Test
    void aCourseTooLargeToReadAsOnePictureGetsNoMap() throws IOException {
        Course one = new CourseLoader().load(Fixtures.fixture("site-course")).course();
        java.util.List<dev.kubelessons.lesson.Lesson> many = new java.util.ArrayList<>();
        for (int i = 0; i <= CourseMap.MAX_LESSONS; i++) {
            var l = one.lessons().get(0);
            many.add(new dev.kubelessons.lesson.Lesson(String.format("%02d-copy", i), l.title(), l.paths(), l.durationMinutes(),
                    java.util.List.of(), l.objectives(), l.images(), l.summary(), l.introduction(), l.steps(), l.diagrams(), l.source(), l.cluster(), l.fingerprint()));
        }
        assertTrue(CourseMap.of(new Course(many)).isEmpty());
        assertTrue(CourseMap.of(new Course(many.subList(0, 3))).isPresent());
    }

    private Path copyOfSiteCourse() throws IOException {
        Path lessons = tmp.resolve("lessons");
        SiteTestSupport.copyTree(Fixtures.fixture("site-course"), lessons);
        return lessons;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text);
    }
}
