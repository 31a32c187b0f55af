package dev.kubelessons.check;

import java.time.Duration;

/** How data-plane checks run their probe pods and how often they try before they report FAIL. */
public record ProbeOptions(String image, Duration podTimeout, int attempts, Duration retryDelay) {

    /** Built locally and loaded into kind; has curl and nslookup. */
    public static final String DEFAULT_IMAGE = "kubelessons/probe:1";

    public ProbeOptions {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
    }

    /** Three tries two seconds apart: kube-proxy and CoreDNS take a moment to follow a change. */
    public static ProbeOptions defaults() {
        return new ProbeOptions(DEFAULT_IMAGE, Duration.ofSeconds(60), 3, Duration.ofSeconds(2));
    }

    public ProbeOptions withImage(String otherImage) {
        return new ProbeOptions(otherImage, podTimeout, attempts, retryDelay);
    }
}
