package dev.kubelessons.cli;

import dev.kubelessons.failure.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jbang lesson instructor ...}: run a workshop on a shared cluster (provision, serve the board, reset, rehearse, teardown). */
@Command(name = "instructor", mixinStandardHelpOptions = true,
        description = "Run a workshop: isolated attendees on a shared cluster, a live progress board, reset and reveal.",
        subcommands = {InstructorProvision.class, InstructorServe.class, InstructorRehearse.class,
                InstructorReset.class, InstructorReset.FastForward.class, InstructorTeardown.class})
public final class InstructorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.BAD_INPUT;
    }
}
