package dev.kubelessons.instructor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The board's secrets: the instructor's token (random per serve, printed once) and one report token per attendee, derived
 * from a secret key with HMAC, so the board stores no token table and an attendee's token proves that attendee only.
 */
public final class BoardTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final String instructor;

    /** @param key the secret attendee tokens derive from; keep it to keep attendee tokens valid across restarts */
    public BoardTokens(byte[] key) {
        this.key = key.clone();
        this.instructor = random(32);
    }

    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    public String instructor() {
        return instructor;
    }

    public String attendee(String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            // The name travels in the token, so an attendee passes one value (--token) and the runner knows where to post.
            return "kla_" + name + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(("attendee:" + name).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The attendee a report token names (not yet verified), or null if it is not a report token. */
    public static String attendeeNamed(String token) {
        if (token == null || !token.startsWith("kla_") || token.lastIndexOf('.') < 5) {
            return null;
        }
        return token.substring(4, token.lastIndexOf('.'));
    }

    public boolean isInstructor(String token) {
        return same(instructor, token);
    }

    public boolean isAttendee(String name, String token) {
        return same(attendee(name), token);
    }

    /** Constant time, so response timing does not leak a token's prefix. */
    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return "kli_" + Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
