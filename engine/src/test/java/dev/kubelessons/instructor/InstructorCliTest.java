package dev.kubelessons.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input to the instructor commands is exit 2 with a clear message and no stack trace, before any cluster is touched. */
class InstructorCliTest {

    @TempDir
    Path out;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void badAttendeeNamesAreExitTwo() {
        Run run = run("instructor", "provision", "--names", "ana,Bad_Name", "--out", out.toString(), "--cluster", "context:none-such");
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("attendee name 'Bad_Name' is not a DNS label"), run.err());
        assertTrue(run.err().contains("next:"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");

        assertEquals(2, run("instructor", "provision", "--names", "<script>", "--out", out.toString()).code());
        assertEquals(2, run("instructor", "teardown", "--names", "UPPER").code());
        assertEquals(2, run("instructor", "reset", "no_good", "02-deployments").code());
    }

    @Test
    void otherBadFlagsAreExitTwo() {
        Run ttl = run("instructor", "provision", "--attendees", "3", "--out", out.toString(), "--token-ttl", "5m");
        assertEquals(2, ttl.code(), ttl.err());
        assertTrue(ttl.err().contains("minimum of 10m"), ttl.err());
        assertEquals(2, run("instructor", "provision", "--attendees", "3", "--names", "a", "--out", out.toString()).code(), "one or the other");
        assertEquals(2, run("instructor", "provision", "--attendees", "0", "--out", out.toString()).code());
        Run join = run("instructor", "serve", "--join", "--no-cluster", "--port", "0");
        assertEquals(2, join.code(), join.err());
        assertTrue(join.err().contains("--join needs the workshop's cluster"), join.err());
        assertEquals(2, run("instructor", "provision", "--attendees", "2", "--out", out.toString(), "--lesson-ids", "99-nope").code());
        assertEquals(2, run("instructor", "serve", "--stuck-minutes", "0", "--no-cluster").code());
        Run report = run("02-deployments", "--check", "--report-to", "http://127.0.0.1:9/", "--token", "not-a-report-token");
        assertEquals(2, report.code(), report.err());
        assertTrue(report.err().contains("--token"), report.err());
    }

    @Test
    void tokensNameTheirAttendeeAndProveOnlyThatOne() {
        BoardTokens tokens = new BoardTokens(BoardTokens.newKey());
        String ana = tokens.attendee("ana");
        assertEquals("ana", BoardTokens.attendeeNamed(ana));
        assertTrue(tokens.isAttendee("ana", ana));
        assertFalse(tokens.isAttendee("bob", ana));
        assertFalse(tokens.isAttendee("bob", "kla_bob." + ana.substring(ana.indexOf('.') + 1)), "a forged name fails the MAC");
        assertFalse(tokens.isInstructor(ana));
        assertFalse(new BoardTokens(BoardTokens.newKey()).isAttendee("ana", ana), "another board's key");
    }
}
