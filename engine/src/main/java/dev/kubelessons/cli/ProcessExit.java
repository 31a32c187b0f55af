package dev.kubelessons.cli;

/**
 * Ends the process without the JVM's wait on idle HTTP clients: JDK 17's exit waits up to 300 ms for every thread
 * that sits in native code, and the JDK HTTP client (fabric8's transport) keeps one selector thread per client in
 * epoll_wait until the client is garbage collected. That wait was a fifth of a warm {@code --check} (bench/RESULTS.md).
 */
final class ProcessExit {

    /** The JDK names each client's selector thread "HttpClient-N-SelectorManager" (jdk.internal.net.http.HttpClientImpl). */
    private static final String SELECTOR_SUFFIX = "-SelectorManager";

    private ProcessExit() {
    }

    /** Exits with {@code code} once the command's work is done: nothing may use an HTTP client after this. */
    static void exit(int code) {
        stopIdleHttpSelectors();
        System.exit(code);
    }

    /**
     * Interrupts the selector threads, which close their selector and end: an interrupt is how a selector thread
     * leaves its loop. Connections still open are dropped, as the exit would drop them a moment later.
     */
    static void stopIdleHttpSelectors() {
        Thread[] threads = new Thread[Thread.activeCount() + 16];
        int count = Thread.enumerate(threads);
        stopHttpSelectorsAmong(java.util.Arrays.asList(threads).subList(0, count));
    }

    /** Interrupts the JDK HTTP clients' selector threads among {@code threads}, and no other thread. */
    static void stopHttpSelectorsAmong(Iterable<Thread> threads) {
        for (Thread thread : threads) {
            if (thread.getName().startsWith("HttpClient-") && thread.getName().endsWith(SELECTOR_SUFFIX)) {
                thread.interrupt();
            }
        }
    }
}
