package dev.kubelessons.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options every command accepts (DESIGN.md: --cluster, --lessons), --course, plus --verbose and --no-color.
 * Each command mixes this in under the field name {@code global}; a value not given to a
 * subcommand is taken from its parents, so {@code lesson --cluster kwok list} and
 * {@code lesson list --cluster kwok} mean the same. Read values through the methods.
 */
public final class GlobalOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--cluster", paramLabel = "kind|kwok|context:<name>",
            description = "Cluster to use: kind, kwok, or context:<name> from your kubeconfig. Default: kind if Docker and kind exist, else kwok.")
    String cluster;

    @Option(names = "--lessons", paramLabel = "DIR", description = "Lessons folder (default: lessons/ of this repository).")
    Path lessons;

    @Option(names = "--course", paramLabel = "DIR", description = "Course folder, holding course.yaml and lessons/ (default: the nearest course.yaml above the working directory).")
    Path course;

    @Option(names = "--verbose", description = "Show stack traces and debug output.")
    boolean verbose;

    @Option(names = "--no-color", description = "Plain output without colours (also: NO_COLOR=1).")
    boolean noColor;

    public String cluster() {
        return cluster != null ? cluster : parent() == null ? null : parent().cluster();
    }

    public Path lessons() {
        return lessons != null ? lessons : parent() == null ? null : parent().lessons();
    }

    public Path course() {
        return course != null ? course : parent() == null ? null : parent().course();
    }

    public boolean verbose() {
        return verbose || (parent() != null && parent().verbose());
    }

    public boolean color() {
        boolean off = noColor || (parent() != null && !parent().color());
        return !off && System.getenv("NO_COLOR") == null && System.console() != null;
    }

    public ProjectLayout layout() {
        return ProjectLayout.discover(course(), lessons());
    }

    /** The options of the command that ran, found by its mixin name; empty options if it has none. */
    static GlobalOptions of(CommandSpec spec) {
        CommandSpec mixin = spec.mixins().get("global");
        return mixin != null && mixin.userObject() instanceof GlobalOptions options ? options : new GlobalOptions();
    }

    private GlobalOptions parent() {
        if (mixee == null) {
            return null;
        }
        for (CommandSpec spec = mixee.parent(); spec != null; spec = spec.parent()) {
            CommandSpec mixin = spec.mixins().get("global");
            if (mixin != null && mixin.userObject() instanceof GlobalOptions options) {
                return options;
            }
        }
        return null;
    }
}
