package dev.kubelessons.check;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;

/** Turns a failed API call into one sentence a learner can act on: forbidden, missing kind, unreachable. */
final class ApiErrors {

    private ApiErrors() {
    }

    static String describe(Throwable failure, CheckContext context) {
        // Informers and async lookups wrap the real failure (CompletionException, ExecutionException): say what it was.
        while ((failure instanceof java.util.concurrent.CompletionException || failure instanceof java.util.concurrent.ExecutionException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof ResourceLookup.UnknownKindException unknown) {
            return unknown.getMessage();
        }
        if (failure instanceof KubernetesClientException e) {
            String serverMessage = e.getStatus() != null && e.getStatus().getMessage() != null
                    ? e.getStatus().getMessage() : firstLine(e.getMessage());
            switch (e.getCode()) {
                case 401:
                    return "the API server rejected our credentials (401 Unauthorized): " + serverMessage
                            + "; check the kubeconfig context";
                case 403:
                    return "forbidden by RBAC: " + serverMessage
                            + "; the check needs read access to namespace " + context.namespace();
                case 404:
                    return "not found (404): " + serverMessage + "; is the resource's CRD installed?";
                default:
                    break;
            }
            if (unreachable(e)) {
                return "cannot reach the API server at " + context.client().getMasterUrl() + ": " + rootMessage(e)
                        + "; is the cluster running?";
            }
            return "the API call failed" + (e.getCode() > 0 ? " (" + e.getCode() + ")" : "") + ": " + serverMessage;
        }
        if (unreachable(failure)) {
            return "cannot reach the API server at " + context.client().getMasterUrl() + ": " + rootMessage(failure) + "; is the cluster running?";
        }
        return "internal error while evaluating the check: " + failure;
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
