package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** kwokctl's JSON log lines are shown to users as their message and error only. */
class KwokctlTest {

    @Test
    void messageAndErrorOfAJsonLogLine() {
        String line = "{\"time\":\"2026-11-26T09:22:50Z\",\"level\":\"ERROR\",\"msg\":\"Execute exit\","
                + "\"err\":\"stat /x/kwok.yaml: no such file\",\"cluster\":\"c\"}";
        assertEquals("Execute exit: stat /x/kwok.yaml: no such file", Kwokctl.readable(line));
        assertEquals("Cluster is \"ready\"", Kwokctl.readable("{\"msg\":\"Cluster is \\\"ready\\\"\"}"));
    }

    @Test
    void plainLinesPassThrough() {
        assertEquals("Cluster is starting", Kwokctl.readable("Cluster is starting"));
    }

    @Test
    void cidrMembership() {
        assertEquals(true, Cidr.contains("10.96.0.0/16", "10.96.244.36"));
        assertEquals(false, Cidr.contains("10.96.0.0/16", "10.244.0.1"));
        assertEquals(false, Cidr.contains("10.96.0.0/16", "fd00::1"));
    }
}
