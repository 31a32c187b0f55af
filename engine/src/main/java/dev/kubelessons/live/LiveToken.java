package dev.kubelessons.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret of one live run: written only into the lesson page this server serves, and required on every request that
 * changes the cluster, so another page open in the same browser (another origin) cannot press the buttons.
 */
final class LiveToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    LiveToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        this.value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String value() {
        return value;
    }

    /** Constant time, so the answer's timing does not leak a prefix. */
    boolean matches(String given) {
        return given != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "LiveToken[hidden]";
    }
}
