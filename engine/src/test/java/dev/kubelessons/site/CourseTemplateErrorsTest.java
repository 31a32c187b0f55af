package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A course's own templates ({@code templates:} in course.yaml) that fail: the error names the author's file, not the
 * engine's copy of its templates, and the expression that failed, not only FreeMarker's first line.
 */
class CourseTemplateErrorsTest {

    @TempDir
    Path tmp;

    private Path lessons;
    private Path own;

    @BeforeEach
    void course() throws IOException {
        Path course = Files.createDirectories(tmp.resolve("course"));
        Files.writeString(course.resolve("course.yaml"), Files.readString(Fixtures.resources().resolve("fixtures/course.yaml")) + "templates: templates\n");
        lessons = course.resolve("lessons");
        SiteTestSupport.copyTree(SiteTestSupport.course(), lessons);
        own = Files.createDirectories(course.resolve("templates"));
    }

    private String buildError() {
        return assertThrows(SiteBuildException.class, () -> SiteTestSupport.build(lessons, tmp.resolve("site"))).getMessage();
    }

    @Test
    void aMissingValueNamesTheCoursesFileAndTheExpression() throws IOException {
        Files.writeString(own.resolve("lesson.ftlh"), "<#import \"layout.ftlh\" as layout>\n<p>${nosuchvar}</p>\n");
        String message = buildError();
        assertTrue(message.startsWith(own.resolve("lesson.ftlh") + ":2:6: template error: "), message);
        assertTrue(message.contains("The following has evaluated to null or missing: nosuchvar"), message);
        assertFalse(message.contains("[in template"), "the place is said once, at the start: " + message);
    }

    @Test
    void aWrongTypeNamesTheExpression() throws IOException {
        Files.writeString(own.resolve("lesson.ftlh"), "<p>${page.lesson.title?number}</p>\n");
        String message = buildError();
        assertTrue(message.startsWith(own.resolve("lesson.ftlh") + ":1:"), message);
        assertTrue(message.contains("Can't convert this string to number"), message);
        assertTrue(message.contains("page.lesson.title?number"), message);
    }

    @Test
    void aSyntaxErrorNamesTheCoursesFile() throws IOException {
        Files.writeString(own.resolve("lesson.ftlh"), "<p>\n<#if>\n");
        String message = buildError();
        assertTrue(message.startsWith(own.resolve("lesson.ftlh") + ":2:"), message);
        assertTrue(message.contains("template syntax error: #if is an existing directive, but the tag is malformed"), message);
    }

    @Test
    void aSyntaxErrorInAnIncludedTemplateNamesThatFile() throws IOException {
        Files.writeString(own.resolve("lesson.ftlh"), "<p>lesson</p>\n<#include \"part.ftlh\">\n");
        Files.writeString(own.resolve("part.ftlh"), "<p>part</p>\n\n<#if>\n");
        String message = buildError();
        assertTrue(message.startsWith(own.resolve("part.ftlh") + ":3:"), message);
        assertTrue(message.contains("template syntax error"), message);
    }

    @Test
    void anErrorInTheEnginesTemplateCalledFromTheCoursesNamesTheEngines() throws IOException {
        // The course's lesson page calls the engine's layout without the arguments it needs: the layout is the engine's file.
        Files.writeString(own.resolve("lesson.ftlh"), "<#import \"layout.ftlh\" as layout>\n<@layout.page>x</@layout.page>\n");
        String message = buildError();
        assertTrue(message.contains("template error: "), message);
        assertTrue(message.startsWith(own.resolve("lesson.ftlh") + ":") || message.startsWith(SiteTestSupport.templates().resolve("layout.ftlh") + ":"),
                "names a file that exists: " + message);
    }
}
