package dev.kubelessons.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compiling a lesson's expressions ahead never fails the command: each one's problem is reported by its evaluation, as before. */
class CelExpressionsTest {

    @Test
    void compiledAheadExpressionsEvaluateAndBrokenOnesAreReportedWhenEvaluated() {
        CelExpressions cel = new CelExpressions();
        cel.compileAhead(List.of("object.spec.replicas == 2", "object.spec.(", "1 + 1"));

        assertTrue(cel.test("object.spec.replicas == 2", Map.of("spec", Map.of("replicas", 2))));
        assertFalse(cel.test("object.spec.replicas == 2", Map.of("spec", Map.of("replicas", 3))));
        IllegalArgumentException syntax = assertThrows(IllegalArgumentException.class, () -> cel.test("object.spec.(", Map.of()));
        assertTrue(syntax.getMessage().contains("Syntax error") || syntax.getMessage().contains("ERROR"), syntax.getMessage());
        IllegalArgumentException notBoolean = assertThrows(IllegalArgumentException.class, () -> cel.test("1 + 1", Map.of()));
        assertTrue(notBoolean.getMessage().contains("not true or false"), notBoolean.getMessage());
    }

    @Test
    void aSyntaxErrorNamesTheModuloOperatorAsWritten() {
        CelExpressions cel = new CelExpressions();
        // cel-java doubles the '%' of its syntax errors ('%%' among the expected tokens): they read as the operator is written.
        String message = cel.compileErrors("object.spec.replicas == 2 ? true").get(0).message();
        assertTrue(message.contains("'/', '%'}"), message);
        assertFalse(message.contains("%%"), message);
        IllegalArgumentException evaluated = assertThrows(IllegalArgumentException.class, () -> cel.test("object.spec.replicas == 2 ? true", Map.of()));
        assertFalse(evaluated.getMessage().contains("%%"), evaluated.getMessage());
        assertTrue(evaluated.getMessage().contains("'%'"), evaluated.getMessage());
    }
}
