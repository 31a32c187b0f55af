package dev.kubelessons.runner;

import dev.kubelessons.cluster.ClusterProvider;
import dev.kubelessons.cluster.KindProvider;
import dev.kubelessons.lesson.Lesson;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sessions one command needs, opened on first use: the course's cluster, and on kind the own cluster of each
 * lesson that declares one ({@code cluster: cni} runs on {@code kubelessons-cni}, so that a lesson without a CNI
 * or with kube-proxy in another mode never spoils the cluster the other lessons share). A command about such
 * lessons alone never starts the course's cluster. Lesson clusters stay up until 'cluster down'.
 */
public final class ClusterSessions implements AutoCloseable {

    private static final String COURSE = "";

    private final ClusterProvider provider;
    private final PrintWriter notes;
    private final Map<String, ClusterSession> open = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Object> locks = new LinkedHashMap<>();

    public ClusterSessions(String clusterOption, PrintWriter notes) {
        this.provider = ClusterSession.select(clusterOption, notes);
        this.notes = notes;
    }

    /**
     * The session {@code lesson} runs in: its own kind cluster when it declares one and the provider is kind. Creating a
     * cluster takes minutes: only callers that need the same cluster wait for it, the others go on.
     */
    public ClusterSession forLesson(Lesson lesson) {
        String key = ownCluster(lesson) ? lesson.cluster().orElseThrow() : COURSE;
        Object lock;
        synchronized (locks) {
            lock = locks.computeIfAbsent(key, k -> new Object());
        }
        synchronized (lock) {
            ClusterSession session = open.get(key);
            if (session == null) {
                session = ClusterSession.open(key.equals(COURSE) ? provider : ClusterSession.providerFor(provider, lesson, notes), notes);
                open.put(key, session);
            }
            return session;
        }
    }

    private boolean ownCluster(Lesson lesson) {
        return lesson.cluster().isPresent() && provider instanceof KindProvider;
    }

    @Override
    public void close() {
        open.values().forEach(ClusterSession::close);
        open.clear();
    }
}
