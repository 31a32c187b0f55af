package dev.kubelessons.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Picocli's command tree for one command line. Picocli models a command by reflection over
 * every option of its class (and the classes those options name); doing that for all seven
 * subcommands and their own subcommands was most of what {@code lesson --help} and
 * {@code lesson list} spent after the JVM started. So only the subcommands the arguments
 * name get a full model; every other one is a stub with its name and description, which is
 * all the root's usage shows of it.
 */
final class CommandTree {

    /** The root's subcommands, in the order its usage lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ListCommand.class, ResetCommand.class, VerifyCommand.class,
            LintCommand.class, SiteCommand.class, ClusterCommand.class, InstructorCommand.class, NewCommand.class);

    private CommandTree() {
    }

    /** Every subcommand modelled in full (tests, documentation). */
    static CommandLine full() {
        return build(name -> true);
    }

    /**
     * A full model for each subcommand whose name is one of the arguments, a stub for the rest. A
     * word that is really an option's value (say {@code --lessons list}) only costs a model built
     * for nothing; picocli still parses the arguments against the same options.
     */
    static CommandLine forArguments(String... args) {
        Set<String> words = Arrays.stream(args).collect(Collectors.toSet());
        return build(words::contains);
    }

    private static CommandLine build(Predicate<String> modelled) {
        CommandLine root = new CommandLine(new LessonCommand());
        for (Class<?> type : SUBCOMMANDS) {
            Command command = type.getAnnotation(Command.class);
            root.addSubcommand(command.name(), modelled.test(command.name()) ? type : stub(command));
        }
        return root;
    }

    private static CommandSpec stub(Command command) {
        CommandSpec spec = CommandSpec.create().name(command.name()).mixinStandardHelpOptions(command.mixinStandardHelpOptions());
        spec.usageMessage().description(command.description());
        return spec;
    }
}
