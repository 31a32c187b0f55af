package dev.kubelessons.lesson;

/**
 * The command the learner typed to start the engine, for every message that tells them what to run next: the clone's
 * wrapper says so in $KUBELESSONS_LAUNCHER ("./jbang"), an installed jbang sets nothing ("jbang"). A learner with only
 * the wrapper who is told to type 'jbang lesson ...' gets "command not found".
 */
public final class Launcher {

    static final String ENV = "KUBELESSONS_LAUNCHER";
    private static final String COMMAND = of(System.getenv(ENV));

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

    static String of(String launcher) {
        // Only a plain path is taken: the value ends up in messages, never in a shell, but it must read as a command.
        boolean usable = launcher != null && !launcher.isBlank() && launcher.matches("[A-Za-z0-9_./~-]+");
        return (usable ? launcher : "jbang") + " lesson";
    }
}
