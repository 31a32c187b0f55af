package dev.kubelessons.check;

import dev.kubelessons.lesson.CheckSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a lesson's resource checks up to date from watch events: one informer per kind the checks read
 * (plus Pods and EndpointSlices for rollout and endpoints), re-evaluating only the checks an event touches,
 * and telling the listener when a verdict's status or message changes. Data-plane checks run on demand
 * through {@link #evaluateAll()}.
 */
public final class CheckWatcher implements AutoCloseable {

    private static final long SYNC_TIMEOUT_SECONDS = 30;

    private final List<CheckSpec> checks;
    private final CheckContext context;
    private final VerdictListener listener;
    private final CheckEvaluator evaluator = new CheckEvaluator();
    private final Map<CheckSpec, List<WatchTrigger>> triggers = new LinkedHashMap<>();
    private final Map<WatchTrigger.Type, SharedIndexInformer<GenericKubernetesResource>> informers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Verdict> latest = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<CheckSpec> dirty = new LinkedHashSet<>();
    // One thread: verdicts of one check are computed and delivered in event order, never concurrently.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "kubelessons-check-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicLong deliveries = new java.util.concurrent.atomic.AtomicLong();

    /** A kind of object to watch besides those the checks read, by apiVersion and kind (e.g. for the namespace map). */
    public record Kind(String apiVersion, String kind) {
    }

    /** Starts the informers, waits (bounded) until they have listed the namespace, then evaluates every resource check once. */
    public CheckWatcher(List<CheckSpec> checks, CheckContext context, VerdictListener listener) {
        this(checks, context, listener, List.of());
    }

    /**
     * Also watches {@code alsoWatch}, whose objects {@link #objects} then serves from the same informers (one per kind
     * in all); a kind that cannot be watched here (its API is not installed) is left out, with no check failing for it.
     */
    public CheckWatcher(List<CheckSpec> checks, CheckContext context, VerdictListener listener, List<Kind> alsoWatch) {
        this.checks = List.copyOf(checks);
        this.context = context;
        this.listener = listener;
        for (CheckSpec check : this.checks) {
            List<WatchTrigger> of = WatchTrigger.of(check);
            if (!of.isEmpty()) {
                triggers.put(check, of);
            }
        }
        Set<WatchTrigger.Type> types = new LinkedHashSet<>();
        triggers.values().forEach(list -> list.forEach(t -> types.add(t.type())));
        Set<WatchTrigger.Type> extra = new LinkedHashSet<>();
        alsoWatch.forEach(k -> extra.add(new WatchTrigger.Type(k.apiVersion(), k.kind())));
        extra.removeAll(types);
        InformerStarter starter = new InformerStarter(context, listener, SYNC_TIMEOUT_SECONDS);
        for (WatchTrigger.Type type : types) {
            starter.start(type, handler(type)).ifPresent(i -> informers.put(type, i));
        }
        markDirty(triggers.keySet());
        // After the checks' first verdicts are on their way, so the map's kinds never delay them. Not a check's: a kind
        // this cluster does not serve (no Gateway API) is only missing from the map.
        InformerStarter quiet = new InformerStarter(context, new VerdictListener() {
            public void onVerdict(Verdict verdict) {
            }
        }, SYNC_TIMEOUT_SECONDS);
        for (WatchTrigger.Type type : extra) {
            if (closed) {
                break;
            }
            quiet.start(type, handler(type)).ifPresent(i -> informers.put(type, i));
        }
    }

    /** Every check of the lesson, evaluated now on the caller's thread, data-plane checks included; nothing is emitted. */
    public List<Verdict> evaluateAll() {
        return checks.stream().map(check -> evaluator.evaluate(check, context)).toList();
    }

    /**
     * How many verdicts the watch has delivered so far. A caller of {@link #evaluateAll()} compares it before and after:
     * when the watch delivered meanwhile, its {@link #latest()} may be newer than what evaluateAll computed.
     */
    public long deliveries() {
        return deliveries.get();
    }

    /** The last verdict emitted for each resource check, by check id. */
    public Map<String, Verdict> latest() {
        synchronized (latest) {
            return Map.copyOf(latest);
        }
    }

    /** The objects of {@code kind} as the watch last saw them (empty when that kind is not watched). */
    public List<GenericKubernetesResource> objects(Kind kind) {
        SharedIndexInformer<GenericKubernetesResource> informer = informers.get(new WatchTrigger.Type(kind.apiVersion(), kind.kind()));
        return informer == null ? List.of() : List.copyOf(informer.getStore().list());
    }

    @Override
    public void close() {
        closed = true;
        informers.values().forEach(SharedIndexInformer::close);
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A listener that throws must not stop the watcher: later verdicts still matter to the learner. */
    private void deliver(Verdict verdict) {
        deliveries.incrementAndGet();
        try {
            listener.onVerdict(verdict);
        } catch (RuntimeException e) {
            listener.onWatchProblem("the verdict listener failed on " + verdict.id() + ": " + e);
        }
    }

    private ResourceEventHandler<GenericKubernetesResource> handler(WatchTrigger.Type type) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource object) {
                changed(type, object);
            }

            @Override
            public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
                // Both: a relabelled EndpointSlice or pod stops mattering to one check and starts mattering to another.
                changed(type, before);
                changed(type, after);
            }

            @Override
            public void onDelete(GenericKubernetesResource object, boolean finalStateUnknown) {
                changed(type, object);
            }
        };
    }

    private void changed(WatchTrigger.Type type, HasMetadata object) {
        try {
            listener.onObjectsChanged();
        } catch (RuntimeException e) {
            listener.onWatchProblem("the listener failed on a change of " + type.kind() + ": " + e);
        }
        List<CheckSpec> affected = new ArrayList<>();
        triggers.forEach((check, list) -> {
            if (list.stream().anyMatch(t -> t.type().equals(type) && t.matches().test(object))) {
                affected.add(check);
            }
        });
        markDirty(affected);
    }

    private void markDirty(Iterable<CheckSpec> affected) {
        boolean any = false;
        synchronized (dirty) {
            for (CheckSpec check : affected) {
                any |= dirty.add(check);
            }
        }
        // A burst of events (a rollout touches pods, slices and the deployment) collapses into one evaluation per check.
        if (any && !closed) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        List<CheckSpec> batch;
        synchronized (dirty) {
            batch = new ArrayList<>(dirty);
            dirty.clear();
        }
        for (CheckSpec check : batch) {
            if (closed) {
                return;
            }
            Verdict verdict = evaluator.evaluate(check, context);
            Verdict previous = latest.put(check.info().id(), verdict);
            if (previous == null || previous.status() != verdict.status()
                    || !Objects.equals(previous.message(), verdict.message())) {
                deliver(verdict);
            }
        }
    }
}
