package dev.kubelessons.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The command messages suggest: the one the learner typed when the wrapper says so, else jbang's. */
class LauncherTest {

    @Test
    void theWrapperNamesItselfAndAnythingElseIsJbang() {
        assertEquals("./jbang lesson", Launcher.of("./jbang"));
        assertEquals("/home/ana/kubelessons/jbang lesson", Launcher.of("/home/ana/kubelessons/jbang"));
        assertEquals("jbang lesson", Launcher.of(null), "an installed jbang sets nothing");
        assertEquals("jbang lesson", Launcher.of(""));
        assertEquals("jbang lesson", Launcher.of("./jbang; rm -rf /"), "only a plain path is taken");
    }
}
