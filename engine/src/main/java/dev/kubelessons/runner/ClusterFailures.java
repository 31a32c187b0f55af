package dev.kubelessons.runner;

import dev.kubelessons.lesson.Launcher;
import dev.kubelessons.failure.KubelessonsException;
import dev.kubelessons.failure.PrerequisiteException;
import dev.kubelessons.failure.UserInputException;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Turns an API failure into the contract's error: forbidden or unreachable (exit 3), rejected input (exit 2). */
public final class ClusterFailures {

    private ClusterFailures() {
    }

    public static KubelessonsException translate(KubernetesClientException e, String doing) {
        int code = e.getCode();
        String reason = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
        if (code == 403) {
            return new PrerequisiteException(doing + " is forbidden: " + reason,
                    "your credentials lack the rights; ask the cluster's owner, or use your own cluster with --cluster kind|kwok");
        }
        if (code == 404 && reason != null && reason.contains("the server could not find the requested resource")) {
            return new PrerequisiteException(doing + " needs an API the cluster does not serve (a missing CRD?): " + reason,
                    "install what the lesson needs (see its introduction), or use the course's own cluster");
        }
        if (code == 400 || code == 422) {
            return new UserInputException(doing + " was rejected by the API server: " + reason,
                    "fix the manifest; '" + Launcher.command("lint") + "' shows schema mistakes with their line");
        }
        if (code == 0) {
            return new PrerequisiteException(doing + ": the cluster is unreachable (" + e.getMessage() + ")",
                    "start it with '" + Launcher.command("cluster up") + "', or check '" + Launcher.command("cluster status") + "'", e);
        }
        return new PrerequisiteException(doing + " failed: " + reason, "run again with --verbose for details", e);
    }
}
