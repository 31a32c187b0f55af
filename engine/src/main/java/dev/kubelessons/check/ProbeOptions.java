package dev.kubelessons.check;

import java.time.Duration;

/** How data-plane checks run their probe pods and how often they try before they report FAIL. */
public record ProbeOptions(String image, Duration podTimeout, int attempts, Duration retryDelay) {

    /**
     * The public network-troubleshooting image (sh, curl, nslookup, getent): a learner's kind nodes pull it, and
     * scripts/build-kind-node.sh builds a stand-in under this name where no registry is reachable. The one copy of the
     * name: kind's image preloading reads it from here.
     */
    public static final String DEFAULT_IMAGE = "nicolaka/netshoot:v0.13";

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
