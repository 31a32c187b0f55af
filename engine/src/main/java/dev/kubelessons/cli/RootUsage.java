package dev.kubelessons.cli;

import dev.kubelessons.cluster.UserDirs;
import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.runner.AtomicFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * {@code lesson --help}: the root usage text, kept in the user's cache per engine build. picocli renders it from a
 * model it builds by reflection over the root command's options (annotation proxies, ~200 classes loaded from a
 * jar CDS on JDK 17 cannot archive): two thirds of the command's CPU after the JVM started (bench/RESULTS.md), to print
 * the same text each time. The key is the engine build, whether picocli would colour the text here, and the usage
 * width it would use; without an engine build identity, or when the cache cannot be read or written, picocli renders
 * it as before.
 */
final class RootUsage {

    private static final List<String> FLAGS = List.of("--help", "-h");

    private final Path folder;
    private final Optional<String> engineBuild;

    RootUsage(Path folder, Optional<String> engineBuild) {
        this.folder = folder;
        this.engineBuild = engineBuild;
    }

    /** In the user's cache folder ({@link UserDirs}), for the engine build that runs. */
    static RootUsage forUser() {
        return new RootUsage(UserDirs.fromEnvironment().cache().resolve("usage"), EngineBuild.identity());
    }

    /** Whether {@code args} ask for the root usage and nothing else. */
    static boolean asked(String... args) {
        return args.length == 1 && FLAGS.contains(args[0]);
    }

    /** Prints the root usage to {@code out}, as {@code lesson --help} does, and returns its exit code. */
    int print(PrintStream out) {
        CommandLine.Help.Ansi ansi = CommandLine.Help.Ansi.AUTO.enabled() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF;
        Optional<Path> file = engineBuild.map(build -> folder.resolve(Sha256.nameFor(build + "\u0000" + ansi + "\u0000"
                + System.getProperty("picocli.usage.width", "default")) + ".txt"));
        Optional<String> kept = file.flatMap(RootUsage::read);
        String text = kept.orElseGet(() -> render(ansi));
        out.print(text);
        out.flush();
        if (kept.isEmpty()) {
            file.ifPresent(f -> write(f, text));
        }
        return ExitCodes.OK;
    }

    /** The text picocli prints for {@code --help}. */
    static String render(CommandLine.Help.Ansi ansi) {
        return CommandTree.forArguments("--help").getUsageMessage(ansi);
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static void write(Path file, String text) {
        try {
            AtomicFile.write(file, text);
        } catch (UncheckedIOException e) {
            // A read-only cache folder: picocli renders the usage again next time, as without this cache.
        }
    }
}
