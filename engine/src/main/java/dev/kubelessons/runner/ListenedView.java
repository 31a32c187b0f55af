package dev.kubelessons.runner;

import java.util.List;
import java.util.Optional;

/** The loop's view, which also passes outages and notes on to the session's listeners, so both views hear the same words. */
final class ListenedView extends ForwardingLessonView {

    private final List<SessionListener> listeners;

    ListenedView(LessonView view, List<SessionListener> listeners) {
        super(view);
        this.listeners = listeners;
    }

    @Override
    public void note(String text) {
        view.note(text);
        String onPage = Completions.forPage(text); // the terminal's keys, in words for a view without them
        listeners.forEach(l -> l.note(onPage));
    }

    @Override
    public void outage(Optional<String> banner) {
        view.outage(banner);
        listeners.forEach(l -> l.outage(banner));
    }
}
