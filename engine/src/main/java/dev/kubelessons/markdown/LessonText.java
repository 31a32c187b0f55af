package dev.kubelessons.markdown;

import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Decodes a lesson file's bytes, refusing what is too large or not UTF-8 text, before any parser sees it. */
final class LessonText {

    /** Far above any real lesson; keeps a runaway file from costing the whole site build. */
    static final int MAX_BYTES = 1024 * 1024;

    private LessonText() {
    }

    /** Whether a file of {@code size} bytes is refused unread: the loader asks before reading, so a huge file costs nothing. */
    static boolean tooLarge(long size) {
        return size > MAX_BYTES;
    }

    /** The problem of a file of {@code size} bytes that is {@link #tooLarge}, at its first line. */
    static Problem tooLarge(Path file, long size) {
        // Rounded up: a file one byte over the limit must not read "1024 KiB, over the limit of 1024 KiB".
        return new Problem(SourcePosition.of(file, 1, 1), "the lesson is " + ((size + 1023) / 1024) + " KiB, over the limit of " + (MAX_BYTES / 1024) + " KiB",
                "split it into several lessons, or move large files out of the Markdown");
    }

    static Optional<String> decode(Path file, byte[] bytes, List<Problem> problems) {
        if (tooLarge(bytes.length)) {
            problems.add(tooLarge(file, bytes.length));
            return Optional.empty();
        }
        // Before the NUL check: UTF-16 text (Windows editors save it as "Unicode") is full of 0 bytes, yet it is no binary file.
        Optional<String> utf16 = utf16(bytes);
        if (utf16.isPresent()) {
            problems.add(new Problem(SourcePosition.of(file, 1, 1), "the file is " + utf16.get() + " text, not UTF-8",
                    "save it as UTF-8 in your editor (Windows Notepad: Save As, Encoding: UTF-8)"));
            return Optional.empty();
        }
        // The JDK's own decoding (a fast path for ASCII, no char[] in between) replaces what is not UTF-8 with U+FFFD: only
        // a text holding U+FFFD, rare in a lesson, is decoded again strictly to tell a real U+FFFD from broken bytes.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\u0000') >= 0) { // a 0 byte is U+0000, never part of a longer sequence
            int at = 0;
            while (bytes[at] != 0) {
                at++;
            }
            problems.add(new Problem(position(file, bytes, at), "the file contains a NUL byte: it is binary, not a Markdown lesson",
                    "remove this file from the lessons folder, or save it as UTF-8 text"));
            return Optional.empty();
        }
        if (text.indexOf('\uFFFD') >= 0) {
            OptionalInt malformed = firstMalformed(bytes);
            if (malformed.isPresent()) {
                problems.add(new Problem(position(file, bytes, malformed.getAsInt()), "the file is not valid UTF-8 text",
                        "save it as UTF-8 in your editor"));
                return Optional.empty();
            }
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return Optional.of(text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n'));
    }

    /**
     * "UTF-16 (little-endian)" or "(big-endian)" for bytes that look like UTF-16: a byte order mark (FF FE, FE FF: never
     * UTF-8), or without one, mostly ASCII with a 0 byte in every other place (three pairs in four, of the first 512).
     */
    private static Optional<String> utf16(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return Optional.of("UTF-16 (little-endian)");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return Optional.of("UTF-16 (big-endian)");
        }
        int pairs = Math.min(bytes.length, 1024) / 2;
        int little = 0;
        int big = 0;
        for (int i = 0; i < pairs; i++) {
            byte even = bytes[2 * i];
            byte odd = bytes[2 * i + 1];
            little += even != 0 && odd == 0 ? 1 : 0;
            big += even == 0 && odd != 0 ? 1 : 0;
        }
        if (pairs >= 2 && little * 4 >= pairs * 3) {
            return Optional.of("UTF-16 (little-endian)");
        }
        return pairs >= 2 && big * 4 >= pairs * 3 ? Optional.of("UTF-16 (big-endian)") : Optional.empty();
    }

    /** The offset of the first byte that is not UTF-8 (an unfinished sequence at the end included), if any. */
    private static OptionalInt firstMalformed(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return OptionalInt.of(in.position()); // the decoder stops in front of the malformed bytes
            }
            if (result.isUnderflow()) {
                return OptionalInt.empty();
            }
            out.clear(); // the decoded text is not wanted here, only where it breaks
        }
    }

    /**
     * Line and column of the byte at {@code offset}, as an editor counts them: characters, not bytes (a UTF-8
     * continuation byte adds no column), and line breaks as the parser sees them (CR LF, LF, or a lone CR).
     */
    private static SourcePosition position(Path file, byte[] bytes, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                line++;
                column = 1;
            } else if (bytes[i] != '\r' && (bytes[i] & 0xc0) != 0x80) {
                column++;
            }
        }
        return SourcePosition.of(file, line, column);
    }
}
