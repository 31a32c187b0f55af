package dev.kubelessons.instructor;

import dev.kubelessons.lesson.Lesson;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Provisions many attendees at once (in parallel: 200 attendees are thousands of API calls) and writes their kubeconfigs. */
public final class Provisioner {

    private final KubernetesClient admin;
    private final AttendeeKubeconfig kubeconfigs;
    private final int parallel;
    /** How long attendees' kubeconfigs may wait for the pod guard to take effect. */
    private static final Duration GUARD_TIMEOUT = Duration.ofSeconds(60);
    private volatile boolean guarded;
    private volatile boolean guardSeen;

    public Provisioner(KubernetesClient admin, AttendeeKubeconfig kubeconfigs, int parallel) {
        this.admin = admin;
        this.kubeconfigs = kubeconfigs;
        this.parallel = parallel;
    }

    /** Returns the kubeconfig files, in the order of {@code attendees}; the first failure is rethrown after the others finish. */
    public List<Path> provision(List<String> attendees, List<Lesson> lessons, Path out, Duration ttl, PrintWriter progress) {
        NetworkFence network = prepareCluster(lessons, progress);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, attendees.size())));
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<Future<Path>> futures = new ArrayList<>();
            for (String attendee : attendees) {
                futures.add(pool.submit(() -> {
                    prepareAttendee(attendee, lessons, network);
                    Path file = kubeconfigs.write(attendee, out, ttl);
                    synchronized (progress) {
                        progress.printf("provisioned %s (%d of %d, %.1f s so far): %s%n", attendee, done.incrementAndGet(), attendees.size(),
                                (System.nanoTime() - start) / 1e9, file);
                        progress.flush();
                    }
                    return file;
                }));
            }
            List<Path> files = collect(futures);
            awaitGuard(attendees.get(0), lessons, progress);
            return files;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One attendee who joined from the board ({@code serve --join}): the same namespaces and access as {@link #provision},
     * and the kubeconfig's text instead of a file. {@code network} comes from {@link #prepareCluster}, done once per board.
     */
    public String provisionOne(String attendee, List<Lesson> lessons, NetworkFence network, Duration ttl, PrintWriter progress) {
        prepareAttendee(attendee, lessons, network);
        awaitGuard(attendee, lessons, progress);
        return kubeconfigs.create(attendee, ttl);
    }

    /**
     * The attendees get their kubeconfigs only once the pod guard is in effect (seconds after its creation on a loaded API
     * server), so nobody who starts at once slips past it. Once in effect, this costs one dry-run request.
     */
    private void awaitGuard(String attendee, List<Lesson> lessons, PrintWriter progress) {
        if (!guarded || lessons.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        var outcome = GuardReadiness.await(admin, attendee, WorkshopNames.lesson(attendee, lessons.get(0).id()), GUARD_TIMEOUT);
        synchronized (progress) {
            switch (outcome) {
                case IN_EFFECT -> {
                    if (!guardSeen) {
                        progress.printf("admission guards: in effect (%.1f s after provisioning)%n", (System.nanoTime() - start) / 1e9);
                    }
                    guardSeen = true;
                }
                case TIMED_OUT -> progress.println("warning: the pod guard did not refuse a test request within " + GUARD_TIMEOUT.toSeconds()
                        + " s (a dry run as " + attendee + "); attendees who start at once may slip past it until the API server enforces it");
                case CANNOT_TELL -> progress.println("warning: could not confirm that the pod guard is in effect (a dry run as " + attendee
                        + " was refused for another reason; impersonation may not be allowed to you)");
            }
            progress.flush();
        }
    }

    /** What every attendee shares: the fence's kind, the admission guards; tells the instructor what they protect. */
    public NetworkFence prepareCluster(List<Lesson> lessons, PrintWriter progress) {
        NetworkFence network = NetworkFence.detect(admin);
        progress.println(network.describe());
        boolean fence = new FenceGuard(admin).ensure();
        guarded = new PodGuard(admin).ensure();
        if (!fence | !guarded) {
            progress.println("warning: this API server has no ValidatingAdmissionPolicy (Kubernetes 1.30+), so attendees, who may write"
                    + " NetworkPolicies and ServiceAccounts for the lessons, could also change or delete those of their fence, and only"
                    + " Pod Security admission keeps their pods off the nodes (no check of nodeName, externalIPs or token Secrets)");
        }
        progress.println(podSecuritySummary(lessons));
        WorkshopCaveats.of(lessons, network).forEach(caveat -> progress.println("warning: " + caveat));
        progress.flush();
        return network;
    }

    private void prepareAttendee(String attendee, List<Lesson> lessons, NetworkFence network) {
        AttendeeSpace space = new AttendeeSpace(admin, attendee, network);
        space.ensureHome();
        for (Lesson lesson : lessons) {
            space.ensureLesson(lesson);
        }
    }

    /** One line: restricted everywhere but in the lessons whose own pods need more, each with the first reason found. */
    static String podSecuritySummary(List<Lesson> lessons) {
        Map<String, PodSecurityLevel> needs = new java.util.LinkedHashMap<>();
        lessons.forEach(lesson -> needs.put(lesson.id(), PodSecurityLevel.of(lesson)));
        needs.values().removeIf(PodSecurityLevel.RESTRICTED::equals);
        if (needs.isEmpty()) {
            return "pod security: attendee namespaces enforce restricted";
        }
        var first = needs.entrySet().iterator().next();
        return "pod security: attendee namespaces enforce restricted; baseline for " + String.join(", ", needs.keySet())
                + ", whose own pods need more (" + first.getKey() + ": " + first.getValue().reason() + ")";
    }

    private static List<Path> collect(List<Future<Path>> futures) {
        List<Path> files = new ArrayList<>();
        RuntimeException first = null;
        for (Future<Path> future : futures) {
            try {
                files.add(future.get());
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while provisioning", e);
            }
        }
        if (first != null) {
            throw first;
        }
        return files;
    }
}
