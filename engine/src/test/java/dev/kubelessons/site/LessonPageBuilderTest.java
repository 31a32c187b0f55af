package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.lesson.Course;
import dev.kubelessons.markdown.CourseLoader;
import dev.kubelessons.site.SiteViews.CheckView;
import dev.kubelessons.site.SiteViews.IndexPage;
import dev.kubelessons.site.SiteViews.LessonPage;
import dev.kubelessons.site.SiteViews.PartView;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page models: reading order, checks in words, folded hints and grouped solutions, the index by path. */
class LessonPageBuilderTest {

    private Course course;
    private LessonPageBuilder pages;

    @BeforeEach
    void load() {
        CourseLoader.Loaded loaded = dev.kubelessons.Fixtures.loader().load(SiteTestSupport.course());
        assertEquals(List.of(), loaded.problems(), "the fixture course must be clean");
        course = loaded.course();
        pages = new LessonPageBuilder(course, new MarkdownHtml());
    }

    @Test
    void eachPathHasItsPagerWithPositionsAndTheTopDownPathComesFirst() {
        // top-down: 02-deployments (1), 03-clusterip (2), 01-kind-nodes (3); bottom-up: 01, 02, 03
        LessonPage first = pages.build(course.lesson("02-deployments").orElseThrow());
        LessonPage middle = pages.build(course.lesson("03-clusterip").orElseThrow());
        LessonPage last = pages.build(course.lesson("01-kind-nodes").orElseThrow());
        assertEquals(List.of("top-down", "bottom-up"), first.pagers().stream().map(SiteViews.PathPager::path).toList());
        assertEquals("1 of 3 on Top-down", first.pagers().get(0).label());
        assertNull(first.pagers().get(0).previous());
        assertEquals("03-clusterip.html", first.pagers().get(0).next().href());
        assertEquals("2 of 3 on Bottom-up", first.pagers().get(1).label());
        assertEquals("01-kind-nodes", first.pagers().get(1).previous().id());
        assertEquals("02-deployments", middle.pagers().get(0).previous().id());
        assertEquals("01-kind-nodes", middle.pagers().get(0).next().id());
        assertNull(middle.pagers().get(1).next());
        assertNull(last.pagers().get(0).next());
        assertEquals(List.of("3 of 3 on Top-down", "1 of 3 on Bottom-up"), last.lesson().paths());
    }

    @Test
    void checksAreDescribedInWordsAndGrouped() {
        LessonPage page = pages.build(course.lesson("03-clusterip").orElseThrow());
        List<PartView> step1 = page.steps().get(0).parts();
        List<PartView> checks = step1.stream().filter(p -> p.type().equals("checks")).toList();
        assertEquals(1, checks.size(), "two adjacent check blocks form one list");
        assertEquals(List.of("Service my-nginx exists", "Service my-nginx has 2 ready endpoints"),
                checks.get(0).checks().stream().map(CheckView::detail).toList());
        assertTrue(checks.get(0).checks().stream().noneMatch(CheckView::dataPlane));

        CheckView http = page.steps().get(1).parts().stream().filter(p -> p.type().equals("checks")).findFirst().orElseThrow().checks().get(0);
        assertEquals("http", http.kind());
        assertTrue(http.dataPlane(), "an HTTP probe needs a data plane");
    }

    @Test
    void solutionsAreGroupedAndHintsRenderedAsMarkdown() {
        List<PartView> parts = pages.build(course.lesson("03-clusterip").orElseThrow()).steps().get(0).parts();
        PartView solution = parts.stream().filter(p -> p.type().equals("solution")).findFirst().orElseThrow();
        assertEquals(List.of("yaml", "sh"), solution.code().stream().map(SiteViews.CodeView::language).toList());
        PartView hint = parts.stream().filter(p -> p.type().equals("hint")).findFirst().orElseThrow();
        assertTrue(hint.html().contains("<code>app: my-nginx</code>"), hint.html());
        assertEquals("setup", parts.stream().filter(p -> !p.type().equals("prose")).findFirst().orElseThrow().type());
    }

    @Test
    void prerequisitesLinkToTheirLessons() {
        LessonPage page = pages.build(course.lesson("03-clusterip").orElseThrow());
        assertEquals("02-deployments.html", page.prerequisites().get(0).href());
        assertEquals("Deployments and pods", page.prerequisites().get(0).title());
        assertEquals("jbang lesson 03-clusterip", page.lesson().runCommand());
    }

    @Test
    void theIndexListsThePathsInOrderAndTheCatalog() {
        IndexPage index = new IndexPageBuilder().build(course);
        assertEquals(List.of("top-down", "bottom-up", "sre"), index.paths().stream().map(SiteViews.PathSection::id).toList());
        assertEquals(List.of(), index.paths().get(2).lessons(), "the fixture course has no drill");
        assertEquals(List.of("02-deployments", "03-clusterip", "01-kind-nodes"),
                index.paths().get(0).lessons().stream().map(SiteViews.LessonCard::id).toList());
        assertEquals(List.of("01-kind-nodes", "02-deployments", "03-clusterip"),
                index.paths().get(1).lessons().stream().map(SiteViews.LessonCard::id).toList());
        assertEquals(60, index.totalMinutes());
        assertEquals(List.of("the Service my-nginx exists", "my-nginx has two endpoints", "my-nginx answers on port 80"),
                index.catalog().get(2).checks());
        assertEquals(List.of("2 of 3 on Top-down", "3 of 3 on Bottom-up"), index.catalog().get(2).paths());
    }
}
