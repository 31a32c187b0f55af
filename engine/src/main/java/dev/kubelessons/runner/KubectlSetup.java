package dev.kubelessons.runner;

import dev.kubelessons.cluster.ClusterAccess;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a learner's shell needs before its kubectl reaches the lesson's cluster: nothing when the cluster is their
 * default (the current context of $KUBECONFIG, else ~/.kube/config); else the {@code export KUBECONFIG=...} (and
 * context) to type. A kwok cluster's kubeconfig lives in the engine's state folder, which kubectl does not know of.
 */
public final class KubectlSetup {

    private KubectlSetup() {
    }

    /** For this process's environment and home folder. */
    public static Optional<String> forShell(ClusterAccess access) {
        return of(access, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Optional<String> of(ClusterAccess access, Map<String, String> env, Path home) {
        String variable = env.get("KUBECONFIG");
        List<Path> defaults = variable == null || variable.isBlank() ? List.of(home.resolve(".kube").resolve("config"))
                : Arrays.stream(variable.split(File.pathSeparator)).filter(p -> !p.isBlank()).map(Path::of).toList();
        Path file = access.kubeconfig().toAbsolutePath().normalize();
        boolean listed = defaults.stream().anyMatch(p -> p.toAbsolutePath().normalize().equals(file));
        // kubectl takes the current context from the first file that sets one.
        Optional<String> current = defaults.stream().map(KubectlSetup::currentContext).flatMap(Optional::stream).findFirst();
        if (listed && current.equals(Optional.of(access.context()))) {
            return Optional.empty();
        }
        String export = "export KUBECONFIG=" + file;
        return Optional.of(Objects.equals(currentContext(file).orElse(null), access.context()) ? export
                : export + "; kubectl config use-context " + access.context());
    }

    private static Optional<String> currentContext(Path kubeconfig) {
        try {
            if (!Files.isRegularFile(kubeconfig)) {
                return Optional.empty();
            }
            String context = KubeConfigUtils.parseConfig(kubeconfig.toFile()).getCurrentContext();
            return context == null || context.isBlank() ? Optional.empty() : Optional.of(context);
        } catch (Exception e) {
            return Optional.empty(); // unreadable: then it does not point kubectl at our cluster either
        }
    }
}
