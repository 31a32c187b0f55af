package dev.kubelessons.markdown;

import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
        SourcePosition start = SourcePosition.of(file, 1, 1);
        if (tooLarge(bytes.length)) {
            problems.add(tooLarge(file, bytes.length));
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
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                problems.add(new Problem(start, "the file is not valid UTF-8 text", "save it as UTF-8 in your editor"));
                return Optional.empty();
            }
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return Optional.of(text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n'));
    }

    private static SourcePosition position(Path file, byte[] bytes, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return SourcePosition.of(file, line, column);
    }
}
