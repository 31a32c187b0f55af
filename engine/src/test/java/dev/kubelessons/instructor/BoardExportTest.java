package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.lesson.Lesson;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The results of a workshop, downloaded from the board as CSV and as JUnit XML: the instructor's only, and what the board shows. */
class BoardExportTest {

    static final Lesson LESSON = WorkshopFixture.lesson("02-deployments");
    static final BoardTokens TOKENS = new BoardTokens(BoardTokens.newKey());
    static BoardService service;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        var settings = new BoardService.Settings(List.of(LESSON), List.of("rex", "sam"), Fixtures.repositoryRoot().resolve("templates"),
                new InetSocketAddress("127.0.0.1", 0), Duration.ofMinutes(10), TOKENS);
        service = new BoardService(settings, null, null, null, new PrintWriter(System.err, true)).start();
        String first = LESSON.checks().get(0).info().id();
        String second = LESSON.checks().get(1).info().id();
        service.board().record("rex", LESSON.id(), first, "PASS", "", "report", false);
        service.board().record("rex", LESSON.id(), second, "FAIL", "web has 1 ready replica, \"expected\" 2", "report", false);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url()).resolve(path)).timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void csvHasOneRowPerAttendeeAndLesson() throws Exception {
        HttpResponse<String> csv = get("export.csv", TOKENS.instructor());
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertEquals("attachment; filename=\"workshop-results.csv\"", csv.headers().firstValue("Content-Disposition").orElse(""));
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv.body())).getRecords();
        assertEquals(2, records.size(), csv.body());
        CSVRecord rex = records.stream().filter(r -> r.get("attendee").equals("rex")).findFirst().orElseThrow();
        assertEquals(LESSON.id(), rex.get("lesson"));
        assertEquals("1", rex.get("passed"));
        assertEquals(String.valueOf(LESSON.checks().size()), rex.get("total"));
        CSVRecord sam = records.stream().filter(r -> r.get("attendee").equals("sam")).findFirst().orElseThrow();
        assertEquals("0", sam.get("passed"));
    }

    @Test
    void junitXmlHasASuitePerAttendeeAndLessonAndACasePerCheck() throws Exception {
        HttpResponse<String> xml = get("export.xml", TOKENS.instructor());
        assertEquals(200, xml.statusCode(), xml.body());
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.body().getBytes(StandardCharsets.UTF_8)));
        var suites = document.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength(), xml.body());
        Element rex = null;
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            if (suite.getAttribute("name").equals("rex/" + LESSON.id())) {
                rex = suite;
            }
        }
        assertTrue(rex != null, xml.body());
        assertEquals(String.valueOf(LESSON.checks().size()), rex.getAttribute("tests"));
        assertEquals(String.valueOf(LESSON.checks().size() - 1), rex.getAttribute("failures"), "the FAIL and every check not reported yet");
        // A FAIL carries the lesson's own explanation, as the board shows it, not text an attendee reported.
        assertTrue(xml.body().contains("<failure message=\"" + LESSON.checks().get(1).info().explain()), xml.body());
        assertFalse(xml.body().contains("web has 1 ready replica"), xml.body());
        assertFalse(xml.body().contains(TOKENS.instructor()), "no token in the export");
    }

    @Test
    void onlyTheInstructorMayDownload() throws Exception {
        assertEquals(401, get("export.csv", null).statusCode());
        assertEquals(401, get("export.xml", TOKENS.attendee("rex")).statusCode());
    }
}
