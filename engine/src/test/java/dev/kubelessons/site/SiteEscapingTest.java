package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTML and script in lesson text, titles and blocks reach the page as visible text, never as markup. */
class SiteEscapingTest {

    @Test
    void scriptInLessonTextAndTitleIsEscaped(@TempDir Path tmp) {
        Path out = tmp.resolve("site");
        SiteTestSupport.build(Fixtures.fixture("site-escaping"), out);
        String lesson = SiteTestSupport.read(out.resolve("01-escaping.html"));
        String index = SiteTestSupport.read(out.resolve("index.html"));

        for (String page : List.of(lesson, index)) {
            assertFalse(page.contains("<script>alert"), "a lesson's <script> reached the page as markup:\n" + page);
            assertFalse(page.contains("<img src=x"), "a lesson's <img> reached the page as markup");
            assertFalse(page.contains("<b>tags"), "a lesson's <b> reached the page as markup");
        }
        assertTrue(lesson.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; Services</h1>"), "title escaped in the heading");
        assertTrue(lesson.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; Services · Fixture course</title>"), "title escaped in <title>");
        assertTrue(index.contains("&lt;script&gt;alert(1)&lt;/script&gt; Services"), "title escaped on the index");
        assertTrue(lesson.contains("<p>Intro text &lt;script&gt;alert(4)&lt;/script&gt; is escaped.</p>"), "inline HTML in prose escaped");
        assertTrue(lesson.contains("<p>&lt;script&gt;alert(5)&lt;/script&gt;</p>"), "an HTML block in prose escaped");
        assertTrue(lesson.contains("&lt;em&gt;inline html&lt;/em&gt;"), "inline tags in step prose escaped");
        assertTrue(lesson.contains("check &lt;script&gt;alert(8)&lt;/script&gt;"), "check title escaped");
        assertTrue(lesson.contains("Hint text &lt;script&gt;alert(10)&lt;/script&gt;"), "hint escaped");
        assertTrue(lesson.contains("&quot;&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(11)&lt;/script&gt;&quot;"), "code cannot close its <pre>");
        assertTrue(lesson.contains("&lt;img src=x onerror=alert(3)&gt;"), "objective escaped");
        assertFalse(lesson.contains("javascript:"), "javascript: links are neutralised");
    }

    @Test
    void searchIndexCannotCarryMarkup(@TempDir Path tmp) {
        Path out = tmp.resolve("site");
        SiteTestSupport.build(Fixtures.fixture("site-escaping"), out);
        String index = SiteTestSupport.read(out.resolve("search-index.js"));

        assertFalse(index.contains("<"), "search-index.js must encode '<'");
        assertTrue(index.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e Services"), "title kept as text, encoded");
    }
}
