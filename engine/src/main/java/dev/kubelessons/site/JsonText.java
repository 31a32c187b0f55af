package dev.kubelessons.site;

/**
 * Writes JSON string literals that are also safe inside a script file served as HTML-adjacent
 * text: {@code <}, {@code >} and {@code &} are escaped so lesson text can never close a tag.
 */
final class JsonText {

    private JsonText() {
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('"');
        int n = text.length();
        int run = 0; // start of the characters not yet copied: copied in one go, not one by one
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c != '\u2028' && c != '\u2029') {
                continue;
            }
            out.append(text, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // The rest: control characters, the HTML-significant three, and U+2028/2029 (line terminators in older JavaScript engines).
                default -> out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
        }
        return out.append(text, run, n).append('"').toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
