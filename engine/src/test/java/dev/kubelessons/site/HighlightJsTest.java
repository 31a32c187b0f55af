package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** highlight.js cut to what a page uses: the core of the pinned WebJar without its grammars, and grammars by alias. */
class HighlightJsTest {

    private final HighlightJs hljs = HighlightJs.get();

    @Test
    void theCoreIsTheBundleWithoutItsGrammars() throws Exception {
        String core = hljs.core();
        assertTrue(core.contains("registerLanguage"), "the core registers grammars");
        assertFalse(core.contains("grmr_bash") || core.contains("grmr_yaml"), "no grammar of the common bundle is left");
        assertTrue(core.length() < 50_000, "the core is about a third of the 127 KB bundle: " + core.length());
    }

    @Test
    void aBundleCutDifferentlyIsNotCut() {
        assertEquals(java.util.Optional.empty(), HighlightJs.cut("var hljs=function(){return {}}();"));
    }

    @Test
    void languagesResolveByNameOrAliasAndPlainTextNeedsNothing() {
        assertEquals(List.of("core.min.js", "bash.min.js", "yaml.min.js"), hljs.scripts(Set.of("sh", "yml")));
        assertEquals(List.of("core.min.js", "yaml.min.js"), hljs.scripts(Set.of("yaml")), "YAML's optional ERB (ruby) stays out");
        assertEquals(List.of("core.min.js", "bash.min.js", "shell.min.js"), hljs.scripts(Set.of("console")), "a shell session runs bash");
        assertEquals(List.of(), hljs.scripts(Set.of("plaintext", "no-such-language")));
    }

    @Test
    void anAliasTwoGrammarsListNamesTheFirstByFileName() {
        // Grammar files are read only until one lists the alias: the answer must be what reading them all gave.
        assertEquals(List.of("core.min.js", "arduino.min.js"), hljs.scripts(Set.of("c++")), "arduino before cpp");
        assertEquals(List.of("core.min.js", "javascript.min.js"), hljs.scripts(Set.of("js")), "javascript before typescript");
        assertEquals(List.of("core.min.js", "lasso.min.js"), hljs.scripts(Set.of("ls")));
        assertEquals(List.of("core.min.js", "ocaml.min.js"), hljs.scripts(Set.of("ml")));
        assertEquals(List.of("core.min.js", "bash.min.js"), hljs.scripts(Set.of("zsh")));
    }
}
