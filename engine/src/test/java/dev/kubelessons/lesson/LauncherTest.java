package dev.kubelessons.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
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

    @Test
    void afterACdARelativeWrapperIsNamedByItsAbsolutePath() {
        Path here = Path.of("/home/ana/kubelessons");
        assertEquals("/home/ana/kubelessons/jbang lesson", Launcher.inAnyFolder("./jbang", here), "'./jbang' names no file after a cd");
        assertEquals("/home/ana/tools/jbang lesson", Launcher.inAnyFolder("../tools/jbang", here));
        assertEquals("'/home/ana/my files/jbang' lesson", Launcher.inAnyFolder("./jbang", Path.of("/home/ana/my files")), "quoted for the shell");
        assertEquals("/opt/kl/jbang lesson", Launcher.inAnyFolder("/opt/kl/jbang", here));
        assertEquals("jbang lesson", Launcher.inAnyFolder(null, here), "jbang on the PATH is found from anywhere");
    }
}
