package dev.kubelessons.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Words in suggested commands: plain ones bare, others quoted so that the shell gives back exactly the word. */
class ShellWordTest {

    @Test
    void plainWordsStayBare() {
        assertEquals("my-course", ShellWord.of("my-course"));
        assertEquals("/tmp/a_b/lessons", ShellWord.of("/tmp/a_b/lessons"));
    }

    @Test
    void aShellReadsTheQuotedWordBackAsItWas() throws Exception {
        for (String word : List.of("my course", "it's", "$HOME", "a;b", "~/x", "", "a\"b", "*")) {
            Process sh = new ProcessBuilder("sh", "-c", "printf '%s' " + ShellWord.of(word)).start();
            String read = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            sh.waitFor(10, TimeUnit.SECONDS);
            assertEquals(word, read, ShellWord.of(word));
        }
    }
}
