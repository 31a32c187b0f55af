package dev.kubelessons.lesson;

import java.nio.file.Path;

/**
 * The command the learner typed to start the engine, for every message that tells them what to run next: the clone's
 * wrapper says so in $KUBELESSONS_LAUNCHER ("./jbang"), an installed jbang sets nothing ("jbang"). A learner with only
 * the wrapper who is told to type 'jbang lesson ...' gets "command not found".
 */
public final class Launcher {

    static final String ENV = "KUBELESSONS_LAUNCHER";
    private static final String LAUNCHER = System.getenv(ENV);
    private static final String COMMAND = of(LAUNCHER);

    private Launcher() {
    }

    /** "./jbang lesson" or "jbang lesson": prefix of every command a message suggests. */
    public static String command() {
        return COMMAND;
    }

    /** The command for {@code args}, e.g. {@code command("cluster up")} is "./jbang lesson cluster up". */
    public static String command(String args) {
        return COMMAND + " " + args;
    }

    /**
     * The command for {@code args} as typed in another folder, for a message that says to cd first: "./jbang" names
     * no file there, so a wrapper named by a relative path is made absolute (and quoted, if that path needs it).
     */
    public static String commandInAnyFolder(String args) {
        return inAnyFolder(LAUNCHER, Path.of("").toAbsolutePath()) + " " + args;
    }

    static String of(String launcher) {
        return (usable(launcher) ? launcher : "jbang") + " lesson";
    }

    static String inAnyFolder(String launcher, Path workingDir) {
        if (!usable(launcher) || !launcher.contains("/") || launcher.startsWith("/") || launcher.startsWith("~")) {
            return of(launcher);
        }
        return ShellWord.of(workingDir.resolve(launcher).normalize().toString()) + " lesson";
    }

    // Only a plain path is taken: the value ends up in messages, never in a shell, but it must read as a command.
    private static boolean usable(String launcher) {
        return launcher != null && !launcher.isBlank() && launcher.matches("[A-Za-z0-9_./~-]+");
    }
}
