package dev.kubelessons.live;

import dev.kubelessons.runner.ForwardingLessonView;
import dev.kubelessons.runner.LessonView;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The terminal tutor of a {@code --web} run: the same view, which also names the live page's address under the
 * introduction, and which keeps the session (and so the page) alive when the terminal's input ends (a runner started
 * without a terminal), until the process is stopped.
 */
public final class WebTutorView extends ForwardingLessonView {

    private final String url;
    private final boolean keepServing;
    private final CountDownLatch closed = new CountDownLatch(1);

    /** @param keepServing whether the end of input leaves the page served (true when stdin is not a terminal) */
    public WebTutorView(LessonView view, String url, boolean keepServing) {
        super(view);
        this.url = url;
        this.keepServing = keepServing;
    }

    @Override
    public void introduction(Header header, Map<String, String> missingPrerequisites) {
        view.introduction(header, missingPrerequisites);
        view.note("Live lesson page: " + url);
    }

    @Override
    public Optional<String> nextKey() {
        Optional<String> key = view.nextKey();
        if (key.isEmpty() && keepServing) {
            view.note("No more input from this terminal; the live page stays at " + url + " until you stop this process (Ctrl-C).");
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return key;
    }

    @Override
    public void close() {
        closed.countDown();
        view.close();
    }
}
