package dev.kubelessons.markdown;

import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The info string of a fence, {@code yaml check}: a language, then optionally the block's role. */
record FenceInfo(String language, BlockRole role) {

    static FenceInfo parse(String info, SourcePosition position, List<Problem> problems) {
        String[] words = info == null || info.isBlank() ? new String[0] : info.trim().split("\\s+");
        if (words.length == 0) {
            return new FenceInfo("", BlockRole.EXAMPLE);
        }
        String first = words[0].toLowerCase(Locale.ROOT);
        // A lone role word (```hint) is allowed for prose-like blocks.
        if (words.length == 1) {
            return BlockRole.byWord(first).map(r -> new FenceInfo(r == BlockRole.HINT ? "markdown" : "", r))
                    .orElse(new FenceInfo(first, BlockRole.EXAMPLE));
        }
        String second = words[1].toLowerCase(Locale.ROOT);
        BlockRole role = BlockRole.byWord(second).orElse(null);
        if (role == null) {
            List<String> known = Arrays.stream(BlockRole.values()).map(BlockRole::word).filter(w -> !w.isEmpty()).toList();
            problems.add(new Problem(position, "unknown block role '" + words[1] + "' in fence '```" + info.trim() + "'" + NearestWord.suggestion(known, second),
                    "the word after the language must be one of: " + BlockRole.knownWords() + "; or leave it out for a plain example"));
            return new FenceInfo(first, BlockRole.EXAMPLE);
        }
        if (words.length > 2) {
            problems.add(new Problem(position, "unexpected words after the role in fence '```" + info.trim() + "'",
                    "write only the language and the role, e.g. '```yaml check'"));
        }
        return new FenceInfo(first, role);
    }
}
