package dev.kubelessons.cli;

import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.failure.KubelessonsException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code jbang lesson}: builds the command tree and maps every failure to a contract exit code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals(CdsTraining.FLAG)) {
            System.exit(CdsTraining.run());
        }
        if (args.length == 1 && args[0].equals(CdsTraining.SITE_FLAG)) {
            System.exit(CdsTraining.runSite());
        }
        if (RootUsage.asked(args)) {
            System.exit(RootUsage.forUser().print(System.out));
        }
        ProcessExit.exit(run(args));
    }

    public static int run(String... args) {
        return configure(CommandTree.forArguments(args)).execute(args);
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
            err.println("  next: see '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            return ExitCodes.BAD_INPUT;
        });
        return cli;
    }

    /** The one place where exceptions become messages and exit codes. */
    static int report(Exception exception, boolean verbose, PrintWriter err) {
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
