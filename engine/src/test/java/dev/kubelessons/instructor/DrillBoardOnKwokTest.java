package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.KwokCluster;
import dev.kubelessons.lesson.Fault;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.Kubectl;
import dev.kubelessons.runner.ManifestApplier;
import dev.kubelessons.runner.SolutionRunner;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16 item 1, the board's part, on a real API server: two attendees provisioned with the drill 12-checkout-drill; from the
 * board the instructor injects a fault that runs on kwok into one attendee's drill (the other stays healthy), the cell shows
 * the incident and, once the attendee restores service, the time to restore; then, in headless Chromium, a fault into everyone's
 * at once, which the board asks to confirm with the number of attendees it breaks before it breaks anyone. A fault that
 * only a data plane shows is refused on kwok, naming why.
 */
@KwokCluster
class DrillBoardOnKwokTest {

    private static final String DRILL = "12-checkout-drill";
    private static final String CLUSTER_DRILL = "15-cluster-drill";

    @Test
    void theInstructorBreaksOneDrillOrAllAndTheBoardTimesTheRestore(KubernetesClient admin, ClusterAccess access, @TempDir Path tmp) throws Exception {
        Lesson drill = WorkshopFixture.lesson(DRILL);
        List<String> names = WorkshopFixture.names("dia", "dib");
        String a = names.get(0);
        String b = names.get(1);
        WorkshopFixture.provision(admin, access, names, List.of(drill), tmp);
        ChromeDriver driver = null;
        try (BoardFixture board = new BoardFixture(admin, access, List.of(drill), List.of())) {
            Board state = board.service.board();
            // The healthy shop first: every check that can run on kwok passes in both namespaces.
            waitFor(() -> names.stream().allMatch(n -> state.hasAttendee(n) && "done".equals(cell(state, n).state())), "both drills healthy");
            String page = board.get("/", board.tokens.instructor()).body();
            assertTrue(page.contains("<option value=\"selector-typo\"") && page.contains(">Break all</button>"), "the drill's column offers its faults");

            HttpResponse<String> dataPlane = inject(board, "inject", a, "target-port-name");
            assertEquals(409, dataPlane.statusCode(), dataPlane.body());
            assertTrue(dataPlane.body().contains("data plane"), dataPlane.body());
            assertEquals(400, inject(board, "inject", a, "no-such-fault").statusCode());
            assertEquals(400, board.post("/api/action", board.tokens.instructor(),
                    "{\"action\":\"inject\",\"lesson\":\"nope\",\"attendee\":\"" + a + "\",\"fault\":\"selector-typo\"}").statusCode());
            assertEquals(401, board.post("/api/action", null,
                    "{\"action\":\"inject-all\",\"lesson\":\"" + DRILL + "\",\"fault\":\"selector-typo\"}").statusCode());

            // One attendee's drill: the same break the runner performs; the other attendee's shop is untouched.
            HttpResponse<String> one = inject(board, "inject", a, "selector-typo");
            assertEquals(202, one.statusCode(), one.body());
            waitFor(() -> incident(state, a) != null && incident(state, a).caught() && "down".equals(cell(state, a).label()), "the incident caught");
            assertEquals("chekout", admin.services().inNamespace(WorkshopNames.lesson(a, DRILL)).withName("checkout").get().getSpec().getSelector().get("app"));
            assertNull(incident(state, b));
            assertEquals("done", cell(state, b).state());

            // The attendee restores service (the fault's reference fix, applied in their namespace): the board times it.
            Fault typo = drill.faults().stream().filter(f -> f.name().equals("selector-typo")).findFirst().orElseThrow();
            new SolutionRunner(new ManifestApplier(admin), () -> Kubectl.locate(access)).perform(typo.restores(), WorkshopNames.lesson(a, DRILL), DRILL);
            waitFor(() -> incident(state, a).restoredAt() > 0, "restored");
            CellView restored = cell(state, a);
            assertTrue(restored.label().matches("up \\d+:\\d\\d"), restored.label());
            assertTrue(restored.incident().restoredAt() >= restored.incident().injectedAt());

            // Everyone's at once, but only once confirmed with the count the board asked about: an unconfirmed or
            // miscounted request breaks nobody.
            HttpResponse<String> ask = inject(board, "inject-all", null, "scaled-to-zero");
            assertEquals(409, ask.statusCode(), ask.body());
            assertTrue(ask.body().contains("\"confirm\":2") && ask.body().contains("all 2 attendees"), ask.body());
            HttpResponse<String> miscounted = board.post("/api/action", board.tokens.instructor(), "{\"action\":\"inject-all\",\"lesson\":\""
                    + DRILL + "\",\"fault\":\"scaled-to-zero\",\"confirm\":1}");
            assertEquals(409, miscounted.statusCode(), miscounted.body());
            assertTrue(miscounted.body().contains("the page counted 1"), miscounted.body());
            for (String name : names) {
                assertTrue(admin.apps().deployments().inNamespace(WorkshopNames.lesson(name, DRILL)).withName("checkout").get().getSpec().getReplicas() > 0,
                        "nothing broken before the confirmation");
            }
            // In the browser: the first press of Break all asks (and breaks nobody), the second confirms.
            driver = dev.kubelessons.HeadlessChromium.start(tmp, 1400, 900);
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(board.service.url());
            driver.findElement(By.id("token")).sendKeys(board.tokens.instructor());
            driver.findElement(By.cssSelector(".board-login button[type=submit]")).click();
            wait.until(d -> d.findElements(By.id("board")).size() == 1);
            new Select(driver.findElement(By.id("fault-" + DRILL))).selectByValue("scaled-to-zero");
            By breakAll = By.cssSelector("th.lesson-col[data-lesson='" + DRILL + "'] button.inject-all");
            driver.findElement(breakAll).click();
            wait.until(d -> d.findElement(breakAll).getText().equals("Confirm: break 2"));
            String question = driver.findElement(By.id("board-message")).getText();
            assertTrue(question.contains("Break the " + DRILL + " of all 2 attendees on the cluster?"), question);
            for (String name : names) {
                assertTrue(admin.apps().deployments().inNamespace(WorkshopNames.lesson(name, DRILL)).withName("checkout").get().getSpec().getReplicas() > 0,
                        "the question alone breaks nobody");
            }
            driver.findElement(breakAll).click();
            wait.until(d -> d.findElement(breakAll).getText().equals("Break all"));
            // "down" too, not only caught: the watch may catch the break before the board's kubectl returns, and until it
            // does the cell is busy ("injecting") and its label says "busy" (BoardActions.injectNow).
            waitFor(() -> names.stream().allMatch(n -> incident(state, n) != null && "scaled-to-zero".equals(incident(state, n).fault())
                    && incident(state, n).caught() && "down".equals(cell(state, n).label())),
                    () -> "both drills down; cells now: " + names.stream().map(n -> cell(state, n).toString()).toList());
            for (String name : names) {
                assertEquals(0, admin.apps().deployments().inNamespace(WorkshopNames.lesson(name, DRILL)).withName("checkout").get().getSpec().getReplicas());
                assertEquals("down", cell(state, name).label());
            }
        } finally {
            if (driver != null) {
                driver.quit();
            }
            new Teardown(admin).remove(names, false);
        }
    }

    /**
     * 15-cluster-drill's faults break kube-system and the nodes: on the shared workshop cluster they would take down every
     * attendee, so the board lists them disabled and its API refuses them, one attendee or all, named or at random.
     */
    @Test
    void theBoardRefusesToInjectAClusterLevelFault(KubernetesClient admin, ClusterAccess access, @TempDir Path tmp) throws Exception {
        Lesson drill = WorkshopFixture.lesson(DRILL);
        Lesson cluster = WorkshopFixture.lesson(CLUSTER_DRILL);
        List<String> names = WorkshopFixture.names("dic");
        String a = names.get(0);
        WorkshopFixture.provision(admin, access, names, List.of(drill), tmp);
        try (BoardFixture board = new BoardFixture(admin, access, List.of(drill, cluster), List.of())) {
            waitFor(() -> board.service.board().hasAttendee(a), "the attendee on the board");
            String page = board.get("/", board.tokens.instructor()).body();
            assertTrue(page.contains("<option value=\"coredns-scaled-to-zero\" disabled"), "a cluster-level fault is listed, disabled");
            assertTrue(page.contains("coredns-scaled-to-zero (cluster-level: not from the board)"), page);
            for (String[] request : new String[][] {{"inject", a, "coredns-scaled-to-zero"}, {"inject-all", null, "pod-cidr-route-deleted"},
                    {"inject", a, "random"}}) {
                HttpResponse<String> refused = inject(board, request[0], request[1], request[2], CLUSTER_DRILL);
                assertEquals(409, refused.statusCode(), refused.body());
                assertTrue(refused.body().contains("shared workshop cluster") && refused.body().contains("break every attendee"), refused.body());
            }
            assertNull(board.service.board().cell(a, CLUSTER_DRILL).map(CellView::incident).orElse(null), "no incident started");
        } finally {
            new Teardown(admin).remove(names, false);
        }
    }

    private static HttpResponse<String> inject(BoardFixture board, String action, String attendee, String fault) throws Exception {
        return inject(board, action, attendee, fault, DRILL);
    }

    private static HttpResponse<String> inject(BoardFixture board, String action, String attendee, String fault, String lesson) throws Exception {
        return board.post("/api/action", board.tokens.instructor(), "{\"action\":\"" + action + "\",\"lesson\":\"" + lesson + "\""
                + (attendee == null ? "" : ",\"attendee\":\"" + attendee + "\"") + ",\"fault\":\"" + fault + "\"}");
    }

    private static CellView cell(Board board, String attendee) {
        return board.cell(attendee, DRILL).orElseThrow();
    }

    private static CellView.Incident incident(Board board, String attendee) {
        return cell(board, attendee).incident();
    }

    /** The cluster and the board's watches take a moment; two minutes on a loaded machine. */
    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        waitFor(condition, () -> what);
    }

    /** As above, with {@code what} (the state that was not reached, as it stands) computed when the wait fails. */
    private static void waitFor(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within two minutes: " + what.get());
            }
            Thread.sleep(250);
        }
    }
}
