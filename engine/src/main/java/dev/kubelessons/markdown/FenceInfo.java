package dev.kubelessons.markdown;

import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.SourcePosition;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The info string of a fence, {@code yaml check}: a language, then optionally the block's role, and for a
 * shell {@code setup} or {@code solution} optionally {@code node=NAME}: a script run inside that kind node.
 */
record FenceInfo(String language, BlockRole role, Optional<String> node) {

    /** control-plane, worker, worker2 ...: the suffix kind gives a node container after the cluster's name. */
    static final Pattern NODE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final List<String> SHELLS = List.of("sh", "bash", "shell");

    FenceInfo(String language, BlockRole role) {
        this(language, role, Optional.empty());
    }

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
        if (words.length == 2) {
            return new FenceInfo(first, role);
        }
        boolean nodeWord = words.length == 3 && words[2].startsWith("node=");
        if (!nodeWord) {
            problems.add(new Problem(position, "unexpected words after the role in fence '```" + info.trim() + "'",
                    "write only the language and the role, e.g. '```yaml check' (a node script: '```sh solution node=worker')"));
            return new FenceInfo(first, role);
        }
        String node = words[2].substring("node=".length());
        if ((role != BlockRole.SETUP && role != BlockRole.SOLUTION) || !SHELLS.contains(first)) {
            problems.add(new Problem(position, "node= is only for shell setup and solution blocks, not '```" + info.trim() + "'",
                    "write '```sh solution node=" + (node.isEmpty() ? "worker" : node) + "' or '```sh setup node=...' for a script run inside a kind node"));
            return new FenceInfo(first, role);
        }
        if (!NODE_NAME.matcher(node).matches()) {
            problems.add(new Problem(position, "node '" + node + "' in fence '```" + info.trim() + "' is not a node name",
                    "name the node as kind suffixes its container: control-plane, worker, worker2"));
            return new FenceInfo(first, role);
        }
        return new FenceInfo(first, role, Optional.of(node));
    }
}
