package dev.kubelessons.cluster;

import dev.kubelessons.failure.UserInputException;
import java.util.function.Consumer;

/** Maps a --cluster or --provider value (kind, kwok, context:NAME, or nothing) to its provider. */
public final class ClusterSelector {

    private final Consumer<String> note;

    /** {@code note} hears which provider was chosen when the user named none. */
    public ClusterSelector(Consumer<String> note) {
        this.note = note;
    }

    public ClusterProvider select(String value) {
        if (value == null || value.isBlank()) {
            return byDefault();
        }
        String v = value.strip();
        if (v.equals("kind")) {
            return new KindProvider();
        }
        if (v.equals("kwok")) {
            return new KwokProvider();
        }
        if (v.startsWith("context:")) {
            String context = v.substring("context:".length());
            if (context.isBlank()) {
                throw new UserInputException("--cluster context: needs a context name", "pass --cluster context:<name>; 'kubectl config get-contexts' lists them");
            }
            return new ContextProvider(context);
        }
        throw new UserInputException("unknown cluster '" + value + "'", "use kind, kwok or context:<name>");
    }

    /** kind when Docker and kind are both installed (the learner's setup), else kwok, which needs neither. */
    private ClusterProvider byDefault() {
        if (KindProvider.toolsPresent()) {
            note.accept("cluster: kind (docker and kind found; choose another with --cluster kwok|context:<name>)");
            return new KindProvider();
        }
        note.accept("cluster: kwok (docker and kind not both on PATH; choose another with --cluster kind|context:<name>)");
        return new KwokProvider();
    }
}
