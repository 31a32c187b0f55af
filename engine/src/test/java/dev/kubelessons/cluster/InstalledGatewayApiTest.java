package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which installed Gateway API 'cluster up' keeps rather than replace with the course's pinned one. */
class InstalledGatewayApiTest {

    private static boolean kept(String installed) {
        return new InstalledGatewayApi(installed, "standard").keepInsteadOf("v1.4.0");
    }

    @Test
    void newerReleasesAreKept() {
        assertTrue(kept("v1.5.0"));
        assertTrue(kept("v1.4.1"));
        assertTrue(kept("v1.10.0"), "numeric, not text, order");
        assertTrue(kept("v2.0.0"));
        assertTrue(kept("v1.5.0-rc.1"), "a pre-release of a newer version is still newer");
    }

    @Test
    void theSameOrOlderReleasesAreReapplied() {
        assertFalse(kept("v1.4.0"), "the same version: re-applied, which is idempotent and puts hand edits back");
        assertFalse(kept("v1.3.0"));
        assertFalse(kept("v0.8.1"));
        assertFalse(kept("v1.4.0-rc.2"), "a pre-release comes before its release");
    }

    @Test
    void crdsOfUnknownOriginAreLeftAlone() {
        assertTrue(kept("unknown"));
        assertTrue(kept("main"));
    }

    @Test
    void titleNamesVersionAndChannel() {
        assertEquals("Gateway API v1.5.0 CRDs (experimental channel)", new InstalledGatewayApi("v1.5.0", "experimental").title());
        assertEquals("Gateway API (unknown version) CRDs (unknown channel)", new InstalledGatewayApi("unknown", "unknown").title());
    }
}
