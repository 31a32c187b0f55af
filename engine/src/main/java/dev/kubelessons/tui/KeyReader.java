package dev.kubelessons.tui;

import java.io.IOException;
import java.util.Optional;
import org.jline.utils.NonBlockingReader;

/**
 * Single keys from a terminal in raw mode: letters as themselves, Enter as "", arrows and page keys as
 * "scroll:up" etc. (both the normal and the keypad-application escape sequences), Ctrl-C and Ctrl-D as the end.
 */
final class KeyReader {

    private static final int ESCAPE_WAIT_MS = 50;

    private final NonBlockingReader reader;
    private volatile boolean interrupted;

    KeyReader(NonBlockingReader reader) {
        this.reader = reader;
    }

    /** Ctrl-C arrived as a signal rather than a character. */
    void interrupt() {
        interrupted = true;
    }

    Optional<String> next() {
        try {
            while (true) {
                int c = reader.read(200);
                if (interrupted) {
                    return Optional.empty();
                }
                if (c == NonBlockingReader.READ_EXPIRED) {
                    continue;
                }
                if (c < 0 || c == 3 || c == 4) {
                    return Optional.empty();
                }
                if (c == '\r' || c == '\n') {
                    return Optional.of("");
                }
                if (c == 27) {
                    Optional<String> sequence = escape();
                    if (sequence.isPresent()) {
                        return sequence;
                    }
                    continue;
                }
                if (c == ' ') {
                    return Optional.of("scroll:pagedown");
                }
                if (c == 'j' || c == 'k') {
                    return Optional.of(c == 'j' ? "scroll:down" : "scroll:up");
                }
                return Optional.of(String.valueOf((char) Character.toLowerCase(c)));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<String> escape() throws IOException {
        int first = reader.read(ESCAPE_WAIT_MS);
        if (first != '[' && first != 'O') {
            return Optional.empty();
        }
        int code = reader.read(ESCAPE_WAIT_MS);
        String key = switch (code) {
            case 'A' -> "up";
            case 'B' -> "down";
            case 'H' -> "home";
            case 'F' -> "end";
            case '5' -> "pageup";
            case '6' -> "pagedown";
            case '1', '7' -> "home";
            case '4', '8' -> "end";
            default -> null;
        };
        if (code >= '0' && code <= '9') {
            reader.read(ESCAPE_WAIT_MS); // the closing '~'
        }
        return key == null ? Optional.empty() : Optional.of("scroll:" + key);
    }
}
