package dev.kubelessons.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts (DESIGN.md: --cluster, --lessons), plus --verbose and --no-color. */
public final class GlobalOptions {

    @Option(names = "--cluster", scope = ScopeType.INHERIT, paramLabel = "kind|kwok|context:<name>",
            description = "Cluster to use: kind, kwok, or context:<name> from your kubeconfig. Default: kind if Docker and kind exist, else kwok.")
    public String cluster;

    @Option(names = "--lessons", scope = ScopeType.INHERIT, paramLabel = "DIR", description = "Lessons folder (default: lessons/ of this repository).")
    public Path lessons;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces and debug output.")
    public boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Plain output without colours (also: NO_COLOR=1).")
    public boolean noColor;

    public ProjectLayout layout() {
        return ProjectLayout.discover(lessons);
    }

    public boolean color() {
        return !noColor && System.getenv("NO_COLOR") == null && System.console() != null;
    }
}
