package dev.kubelessons.cli;

import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.failure.KubelessonsException;
import dev.kubelessons.lesson.Launcher;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code jbang lesson}: builds the command tree and maps every failure to a contract exit code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exit;
        try {
            if (args.length == 1 && args[0].equals(CdsTraining.FLAG)) {
                System.exit(CdsTraining.run());
            }
            if (args.length == 1 && args[0].equals(CdsTraining.SITE_FLAG)) {
                System.exit(CdsTraining.runSite());
            }
            if (RootUsage.asked(args)) {
                System.exit(RootUsage.forUser().print(System.out));
            }
            exit = run(args);
        } catch (Throwable failure) {
            // The last resort: without it the JVM prints its own trace and exits 1, which the contract means "a check failed".
            exit = report(failure, verboseAsked(args), new PrintWriter(System.err, true));
        }
        ProcessExit.exit(exit);
    }

    public static int run(String... args) {
        return execute(configure(CommandTree.forArguments(args)), args);
    }

    /**
     * Runs {@code cli}. picocli hands only Exceptions to its handler: an Error (out of memory, a stack overflow) left
     * execute() as the JVM's trace and exit 1. It is ours to report, as an internal error.
     */
    static int execute(CommandLine cli, String... args) {
        try {
            return cli.execute(args);
        } catch (RuntimeException | Error failure) {
            return report(failure, verboseAsked(args), cli.getErr());
        }
    }

    /** Whether --verbose was given, read from the arguments: a failure outside picocli's handlers has no parsed options. */
    private static boolean verboseAsked(String[] args) {
        return java.util.Arrays.asList(args).contains("--verbose");
    }

    /** The whole command tree, every subcommand modelled (run() models only the ones its arguments name). */
    public static CommandLine commandLine() {
        return configure(CommandTree.full());
    }

    // Handlers reach only the subcommands already added, so the tree is complete before this runs.
    private static CommandLine configure(CommandLine cli) {
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> report(exception, GlobalOptions.of(commandLine.getCommandSpec()).verbose(), commandLine.getErr()));
        cli.setParameterExceptionHandler((exception, args) -> {
            PrintWriter err = exception.getCommandLine().getErr();
            err.println("error: " + exception.getMessage());
            // The command as the user typed it (./jbang lesson ...), not picocli's bare 'lesson', which is no command on their machine.
            String subcommand = exception.getCommandLine().getCommandSpec().qualifiedName(" ").replaceFirst("^\\S+ ?", "");
            err.println("  next: see '" + Launcher.command((subcommand + " --help").strip()) + "'");
            return ExitCodes.BAD_INPUT;
        });
        return cli;
    }

    /** The one place where exceptions become messages and exit codes. */
    static int report(Throwable exception, boolean verbose, PrintWriter err) {
        if (exception instanceof KubelessonsException known) {
            err.println("error: " + known.getMessage());
            if (known.nextStep() != null) {
                err.println("  next: " + known.nextStep());
            }
            if (verbose) {
                exception.printStackTrace(err);
            }
            err.flush();
            return known.exitCode();
        }
        err.println("internal error: " + exception);
        err.println("  next: run again with --verbose for the stack trace, and report it with the command you ran");
        if (verbose) {
            exception.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL;
    }
}
