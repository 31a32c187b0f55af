package dev.kubelessons.cli;

import dev.kubelessons.cluster.ClusterProvider;
import dev.kubelessons.cluster.ClusterSelector;
import dev.kubelessons.cluster.ClusterStatus;
import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.failure.UserInputException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jbang lesson cluster up|down|status [--provider kind|kwok]}: starts, removes or describes the lessons' cluster. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Start, remove or describe the cluster lessons run on.",
        subcommands = {ClusterCommand.Up.class, ClusterCommand.Down.class, ClusterCommand.Status.class})
public final class ClusterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    /** The options each verb shares: which provider, and the global ones for --cluster and --verbose. */
    abstract static class Verb implements Callable<Integer> {
        @Mixin
        GlobalOptions global = new GlobalOptions();

        @Option(names = "--provider", paramLabel = "kind|kwok",
                description = "Which cluster: kind or kwok (overrides --cluster). Default: kind if Docker and kind exist, else kwok.")
        String provider;

        @Spec
        CommandSpec spec;

        ClusterProvider provider() {
            PrintWriter err = spec.commandLine().getErr();
            if (provider != null && !provider.equals("kind") && !provider.equals("kwok")) {
                throw new UserInputException("unknown provider '" + provider + "'", "use --provider kind or --provider kwok");
            }
            return new ClusterSelector(note -> {
                err.println(note);
                err.flush();
            }).select(provider != null ? provider : cluster());
        }

        /** --cluster from this command, or from the root when given before 'cluster' ({@code lesson --cluster kwok cluster up}). */
        private String cluster() {
            if (global.cluster != null) {
                return global.cluster;
            }
            Object root = spec.root().userObject();
            return root instanceof LessonCommand lesson ? lesson.global.cluster : null;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    /** {@code cluster up}. */
    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Start the cluster (builds the kwok binaries on first use) and install the course's add-ons (cluster/addons/, "
                    + "after the Gateway API CRDs); on a running kind or kwok cluster, re-apply them and wait until they are ready.")
    static final class Up extends Verb {
        @Override
        public Integer call() {
            provider().up(out());
            return ExitCodes.OK;
        }
    }

    /** {@code cluster down}. */
    @Command(name = "down", mixinStandardHelpOptions = true, description = "Remove the cluster and stop every process 'up' started.")
    static final class Down extends Verb {
        @Override
        public Integer call() {
            provider().down(out());
            return ExitCodes.OK;
        }
    }

    /** {@code cluster status}: exit 0 when the cluster answers with every component up, 3 when not (naming what is down). */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "What runs (on kind and kwok also each add-on's version and state), then 'kubeconfig: PATH' and "
                    + "'context: NAME' for kubectl. Exit 0 if the API answers and (on kwok) every control-plane component runs, "
                    + "else 3 with the component and the fix.")
    static final class Status extends Verb {
        @Override
        public Integer call() {
            ClusterStatus status = provider().status();
            PrintWriter out = out();
            out.println("provider: " + status.provider()
                    + (status.running() ? " (running)" : status.fault().isPresent() ? " (needs repair)" : " (not running)"));
            status.details().forEach(line -> out.println("  " + line));
            status.access().ifPresent(access -> out.println(access.describe()));
            out.flush();
            // Said as every error is (what, then the next step), on stderr, so scripts reading stdout are not confused.
            status.fault().ifPresent(fault -> {
                PrintWriter err = spec.commandLine().getErr();
                err.println("error: " + fault.what());
                err.println("  next: " + fault.next());
                err.flush();
            });
            return status.running() ? ExitCodes.OK : ExitCodes.PREREQUISITE;
        }
    }
}
