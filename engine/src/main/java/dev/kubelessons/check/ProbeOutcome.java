package dev.kubelessons.check;

import java.time.Instant;

/** What one data-plane probe met ({@link Reach}), curl's own words for it, and when it ran: the map's mark on the probed path. */
public record ProbeOutcome(Reach reach, String evidence, Instant at) {

    static ProbeOutcome of(CurlOutput out) {
        Reach reach = Reach.of(out);
        String evidence = reach == Reach.REACHED
                ? (out.httpStatus() > 0 ? "HTTP " + out.httpStatus() : "a connection was made")
                : out.error().isBlank() ? out.failure() : out.error();
        return new ProbeOutcome(reach, evidence, Instant.now());
    }
}
