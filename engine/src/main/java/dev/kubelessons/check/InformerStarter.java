package dev.kubelessons.check;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts one informer for a watched kind in the lesson namespace and waits for its first list. A kind that
 * cannot be watched (forbidden, unknown) gives no informer: its checks are still evaluated once, and say why.
 */
final class InformerStarter {

    private final CheckContext context;
    private final VerdictListener listener;
    private final long syncTimeoutSeconds;
    private final ResourceLookup lookup = new ResourceLookup();

    InformerStarter(CheckContext context, VerdictListener listener, long syncTimeoutSeconds) {
        this.context = context;
        this.listener = listener;
        this.syncTimeoutSeconds = syncTimeoutSeconds;
    }

    Optional<SharedIndexInformer<GenericKubernetesResource>> start(WatchTrigger.Type type,
                                                                  ResourceEventHandler<GenericKubernetesResource> handler) {
        SharedIndexInformer<GenericKubernetesResource> informer;
        try {
            // Resync 0: no periodic replays; every callback is a real change.
            informer = lookup.objects(context, type.apiVersion(), type.kind()).runnableInformer(0);
        } catch (RuntimeException e) {
            listener.onWatchProblem("cannot watch " + type.kind() + ": " + ApiErrors.describe(e, context));
            return Optional.empty();
        }
        informer.addEventHandler(handler);
        informer.exceptionHandler(retryOnceStarted(type));
        try {
            informer.start().toCompletableFuture().get(syncTimeoutSeconds, TimeUnit.SECONDS);
            return Optional.of(informer);
        } catch (ExecutionException e) {
            listener.onWatchProblem("cannot watch " + type.kind() + " objects: " + ApiErrors.describe(e.getCause(), context));
        } catch (TimeoutException e) {
            listener.onWatchProblem("listing " + type.kind() + " objects took longer than " + syncTimeoutSeconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        informer.close();
        return Optional.empty();
    }

    /** After the first list, a broken watch is retried (fabric8 backs off); before it, failing fast gives a clear ERROR. */
    private ExceptionHandler retryOnceStarted(WatchTrigger.Type type) {
        return (isStarted, failure) -> {
            if (isStarted) {
                listener.onWatchProblem("the watch on " + type.kind() + " objects broke (" + ApiErrors.describe(failure, context)
                        + "); retrying");
            }
            return isStarted && !ExceptionHandler.isDeserializationException(failure);
        };
    }
}
