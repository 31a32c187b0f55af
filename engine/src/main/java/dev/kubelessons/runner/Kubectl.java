package dev.kubelessons.runner;

import dev.kubelessons.lesson.Launcher;
import dev.kubelessons.failure.PrerequisiteException;
import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.cluster.ExternalCommand;
import dev.kubelessons.cluster.KwokBinaries;
import dev.kubelessons.cluster.UserDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a lesson's kubectl commands against exactly the lesson's cluster, context and
 * namespace. Uses kubectl from PATH, or the one built with the kwok binaries.
 */
public final class Kubectl {

    private final Path binary;
    private final ClusterAccess access;

    public Kubectl(Path binary, ClusterAccess access) {
        this.binary = binary;
        this.access = access;
    }

    public static Kubectl locate(ClusterAccess access) {
        Optional<Path> found = ExternalCommand.onPath("kubectl")
                .or(() -> new KwokBinaries(UserDirs.fromEnvironment()).cached().map(bin -> bin.resolve("kubectl")).filter(Files::isExecutable));
        return new Kubectl(found.orElseThrow(() -> new PrerequisiteException("kubectl is not installed",
                "install kubectl (https://kubernetes.io/docs/tasks/tools/), or run '" + Launcher.command("cluster up --provider kwok") + "' which builds one")), access);
    }

    public Path binary() {
        return binary;
    }

    /** Runs {@code kubectl <args>} in the namespace; a non-zero exit is a failure of the lesson's solution. */
    public String run(List<String> args, String namespace, String where) {
        List<String> argv = new ArrayList<>(List.of(binary.toString(), "--kubeconfig", access.kubeconfig().toString(),
                "--context", access.context(), "--namespace", namespace));
        argv.addAll(args);
        ExternalCommand.Result result = new ExternalCommand(argv, Map.of()).run();
        if (!result.ok()) {
            throw new UserInputException("the solution command at " + where + " failed: kubectl " + String.join(" ", args)
                    + System.lineSeparator() + "    " + String.join(System.lineSeparator() + "    ", result.tail()),
                    "fix the solution block; run the command by hand with -n " + namespace + " to see why");
        }
        return String.join(System.lineSeparator(), result.stdout());
    }
}
