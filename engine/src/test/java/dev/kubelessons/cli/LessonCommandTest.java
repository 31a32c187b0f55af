package dev.kubelessons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.CliProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lesson command's input errors that need no cluster: a flag that needs a lesson id says so, exit 2. */
class LessonCommandTest {

    @TempDir
    Path state;

    @Test
    void checkWithoutALessonIdSaysTheIdIsMissing() throws Exception {
        for (String flag : new String[] {"--check", "--solve"}) {
            CliProcess.Run run = new CliProcess(Map.of("KUBELESSONS_STATE", state.toString())).run(flag);
            assertEquals(2, run.exit(), run.both());
            assertTrue(run.err().contains("error: " + flag + " needs a lesson id"), run.both());
            assertTrue(run.err().contains("next: "), run.both());
            assertFalse(run.out().contains("Usage:"), "the whole usage instead of the one missing thing:\n" + run.both());
        }
    }
}
