package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.kubelessons.HeadlessChromium;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.Lesson;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 13 item 5, attendee self-service ({@code serve --join}) on a real API server: the join page, a join that provisions the
 * name as {@code provision} does and hands back a kubeconfig that works (and only in the attendee's namespaces), one kubeconfig
 * per name, names validated, the Origin check, the rate limit per client, the code's expiry and renewal; no token in the log.
 * Then the same in Chromium: the form, the download link and the command.
 */
@KwokCluster
class JoinOnKwokTest {

    private static final Pattern DOWNLOAD = Pattern.compile("href=\"data:application/yaml;base64,([A-Za-z0-9+/=]+)\"");

    @Test
    void anAttendeeJoinsOnceWithTheCodeAndGetsAWorkingKubeconfig(KubernetesClient admin, ClusterAccess access, @TempDir Path tmp) throws Exception {
        Lesson lesson = WorkshopFixture.lesson("02-deployments");
        String name = WorkshopFixture.names("jo").get(0);
        BoardAtScaleBrowserTest.ManualClock clock = new BoardAtScaleBrowserTest.ManualClock();
        StringWriter log = new StringWriter();
        try (BoardFixture board = new BoardFixture(admin, access, List.of(lesson), List.of(), s -> s.withJoin().withClock(clock), new PrintWriter(log, true))) {
            JoinDesk desk = board.service.join();
            String code = desk.code().value();
            assertTrue(code.matches("[A-Z2-9]{4}-[A-Z2-9]{4}"), code);

            HttpResponse<String> form = board.get("/join", null);
            assertEquals(200, form.statusCode(), "the join page needs no token");
            assertTrue(form.body().contains("<form method=\"post\" action=\"join\">"), form.body());
            assertFalse(form.body().contains(code), "the join page never shows the code");
            assertTrue(board.get("/", board.tokens.instructor()).body().contains(code), "the board shows the code to the instructor");

            assertEquals(403, join(board, "ABCD-2345", name, null).statusCode(), "a wrong code");
            HttpResponse<String> bad = join(board, code, "Ana_B", null);
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("is not a DNS label"), bad.body());
            assertEquals(400, join(board, code, "admin", null).statusCode(), "reserved");
            assertEquals(400, join(board, code, "kube-x", null).statusCode(), "reserved prefix");
            assertEquals(403, join(board, code, name, "http://evil.example").statusCode(), "another site's form");
            assertFalse(board.service.board().hasAttendee(name));

            // The join: lower case and spaces around the code are forgiven.
            HttpResponse<String> joined = join(board, " " + code.toLowerCase() + " ", name, board.uri("/").toString().replaceAll("/$", ""));
            assertEquals(200, joined.statusCode(), joined.body());
            String page = joined.body();
            assertTrue(page.contains("export KUBECONFIG=&quot;$HOME/Downloads/" + name + ".kubeconfig&quot;"), page);
            assertTrue(page.contains("./jbang lesson 02-deployments --cluster context:kl-" + name), page);
            Matcher download = DOWNLOAD.matcher(page);
            assertTrue(download.find(), page);
            String kubeconfig = new String(Base64.getDecoder().decode(download.group(1)), StandardCharsets.UTF_8);
            String token = kubeconfig.lines().filter(l -> l.strip().startsWith("token: ")).findFirst().orElseThrow().strip().substring(7);
            assertFalse(log.toString().contains(token), "the token is never logged");
            assertTrue(log.toString().contains("join: " + name + " joined from 127.0.0.1"), log.toString());
            Path file = Files.writeString(tmp.resolve(name + ".kubeconfig"), kubeconfig);
            try (KubernetesClient attendee = WorkshopFixture.clientOf(file)) {
                // Provisioned as 'provision' does: its lesson namespace with the lesson's setup, reachable with this token only there.
                assertNotEquals(null, attendee.pods().inNamespace(WorkshopNames.lesson(name, lesson.id())).list());
                assertThrows(KubernetesClientException.class, () -> attendee.pods().inNamespace("kube-system").list());
            }
            new WebDriverWaitless().until(() -> board.service.board().hasAttendee(name));

            HttpResponse<String> again = join(board, code, name, null);
            assertEquals(409, again.statusCode(), "one kubeconfig per name");
            assertTrue(again.body().contains("is taken"), again.body());
            assertFalse(again.body().contains("data:application/yaml"), "no second kubeconfig");

            // Rate limit per client: ten attempts a minute; the next is refused with Retry-After.
            int status = 0;
            int tries = 0;
            while (status != 429 && tries < 12) {
                HttpResponse<String> attempt = join(board, "ABCD-2345", "x" + tries, null);
                status = attempt.statusCode();
                tries++;
                if (status == 429) {
                    assertTrue(Long.parseLong(attempt.headers().firstValue("Retry-After").orElseThrow()) > 0);
                }
            }
            assertEquals(429, status, "refused after " + tries + " attempts");
            assertTrue(tries <= JoinDesk.ATTEMPTS_PER_MINUTE, "the limit counts every attempt of the minute: " + tries);

            // The code expires (and the limit's minute is over too).
            clock.now = clock.now.plus(JoinDesk.CODE_LIFETIME).plusSeconds(1);
            HttpResponse<String> late = join(board, code, "late", null);
            assertEquals(403, late.statusCode());
            assertTrue(late.body().contains("expired"), late.body());
            // The instructor makes a new one from the board; the old one stays refused.
            assertEquals(200, board.post("/api/action", board.tokens.instructor(), "{\"action\":\"new-join-code\"}").statusCode());
            String renewed = desk.code().value();
            assertNotEquals(code, renewed);
            assertEquals(400, join(board, renewed, "Late!", null).statusCode(), "the new code is accepted (the name is not)");
            assertEquals(403, join(board, code, "late", null).statusCode());
        } finally {
            new Teardown(admin).remove(List.of(name), false);
        }
    }

    @Test
    void theJoinPageInChromiumGivesTheKubeconfigAndTheCommand(KubernetesClient admin, ClusterAccess access, @TempDir Path tmp) throws Exception {
        Lesson lesson = WorkshopFixture.lesson("02-deployments");
        String name = WorkshopFixture.names("jb").get(0);
        ChromeDriver driver = null;
        try (BoardFixture board = new BoardFixture(admin, access, List.of(lesson), List.of(), BoardService.Settings::withJoin,
                new PrintWriter(System.err, true))) {
            driver = HeadlessChromium.start(tmp, 1000, 800);
            driver.get(board.service.url() + "join");
            List<String> violations = new ArrayList<>();
            for (Rule rule : new AxeBuilder().analyze(driver).getViolations()) {
                violations.add("join form: " + rule.getId() + " " + rule.getNodes().get(0).getTarget());
            }
            driver.findElement(By.id("code")).sendKeys(board.service.join().code().value());
            driver.findElement(By.id("name")).sendKeys(name);
            driver.findElement(By.cssSelector(".board-join button[type=submit]")).click();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90));
            wait.until(d -> d.findElements(By.className("kubeconfig-download")).size() == 1);
            assertTrue(driver.getTitle().startsWith("Welcome, " + name), driver.getTitle());
            var link = driver.findElement(By.className("kubeconfig-download"));
            assertEquals(name + ".kubeconfig", link.getAttribute("download"));
            String yaml = new String(Base64.getDecoder().decode(link.getAttribute("href").substring("data:application/yaml;base64,".length())),
                    StandardCharsets.UTF_8);
            assertTrue(yaml.contains("current-context: kl-" + name), yaml);
            assertEquals("export KUBECONFIG=\"$HOME/Downloads/" + name + ".kubeconfig\"\n./jbang lesson 02-deployments --cluster context:kl-" + name,
                    driver.findElement(By.id("join-commands")).getText().strip());
            for (Rule rule : new AxeBuilder().analyze(driver).getViolations()) {
                violations.add("joined page: " + rule.getId() + " " + rule.getNodes().get(0).getTarget());
            }
            assertEquals(List.of(), violations);
        } finally {
            if (driver != null) {
                driver.quit();
            }
            new Teardown(admin).remove(List.of(name), false);
        }
    }

    private static HttpResponse<String> join(BoardFixture board, String code, String name, String origin) throws Exception {
        String form = "code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(board.uri("/join")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return board.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls a condition for up to a minute (the board notices a new attendee's namespaces through its watch). */
    private static final class WebDriverWaitless {
        void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("not within a minute");
                }
                Thread.sleep(200);
            }
        }
    }
}
