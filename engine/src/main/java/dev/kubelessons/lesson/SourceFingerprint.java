package dev.kubelessons.lesson;

import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The bytes a lesson was parsed from, by their length and two CRCs (CRC32C and CRC32: different polynomials, 64 bits
 * together): what a result cache keys a lesson on, so that it names the very bytes the result came from and not the
 * file as it is by the time the result is kept. Both CRCs are compiled to the CPU's own instructions, even by C1.
 */
public record SourceFingerprint(int length, long crc32c, long crc32) {

    public static SourceFingerprint of(byte[] bytes) {
        CRC32C crc32c = new CRC32C();
        crc32c.update(bytes);
        CRC32 crc32 = new CRC32();
        crc32.update(bytes);
        return new SourceFingerprint(bytes.length, crc32c.getValue(), crc32.getValue());
    }

    /** As a cache key's part: the three numbers, NUL-separated. */
    public String keyPart() {
        return length + "\u0000" + crc32c + "\u0000" + crc32;
    }
}
