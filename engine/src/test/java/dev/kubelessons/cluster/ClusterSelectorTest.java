package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.failure.UserInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --cluster values map to providers; bad values are bad input (exit 2); the default says what it chose. */
class ClusterSelectorTest {

    private final List<String> notes = new ArrayList<>();
    private final ClusterSelector selector = new ClusterSelector(notes::add);

    @Test
    void namedProviders() {
        assertInstanceOf(KwokProvider.class, selector.select("kwok"));
        assertInstanceOf(KindProvider.class, selector.select("kind"));
        ClusterProvider context = selector.select("context:workshop");
        assertEquals("context:workshop", context.name());
        assertTrue(notes.isEmpty(), "no note when the user chose: " + notes);
    }

    @Test
    void kwokHasNoDataPlaneTheOthersDo() {
        assertEquals(false, selector.select("kwok").hasDataPlane());
        assertEquals(true, selector.select("kind").hasDataPlane());
        assertEquals(true, selector.select("context:x").hasDataPlane());
    }

    @Test
    void defaultIsAnnounced() {
        ClusterProvider chosen = selector.select(null);
        assertEquals(KindProvider.toolsPresent() ? "kind" : "kwok", chosen.name());
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).startsWith("cluster: " + chosen.name()), notes.get(0));
    }

    @Test
    void unknownValuesAreBadInput() {
        UserInputException unknown = assertThrows(UserInputException.class, () -> selector.select("minikube"));
        assertEquals(ExitCodes.BAD_INPUT, unknown.exitCode());
        assertThrows(UserInputException.class, () -> selector.select("context:"));
    }
}
