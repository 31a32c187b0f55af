package dev.kubelessons.runner;

import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The loop's view, which also passes outages and notes on to the session's listeners, so both views hear the same words. */
final class ListenedView implements LessonView {

    private final LessonView view;
    private final List<SessionListener> listeners;

    ListenedView(LessonView view, List<SessionListener> listeners) {
        this.view = view;
        this.listeners = listeners;
    }

    @Override
    public void introduction(Header header, Map<String, String> missingPrerequisites) {
        view.introduction(header, missingPrerequisites);
    }

    @Override
    public void step(Header header, Step step, List<Verdict> verdicts) {
        view.step(header, step, verdicts);
    }

    @Override
    public void verdict(Verdict verdict) {
        view.verdict(verdict);
    }

    @Override
    public void reveal(String title, String markdown) {
        view.reveal(title, markdown);
    }

    @Override
    public void note(String text) {
        view.note(text);
        listeners.forEach(l -> l.note(text));
    }

    @Override
    public void outage(Optional<String> banner) {
        view.outage(banner);
        listeners.forEach(l -> l.outage(banner));
    }

    @Override
    public boolean introductionWaitsForKey() {
        return view.introductionWaitsForKey();
    }

    @Override
    public Optional<String> nextKey() {
        return view.nextKey();
    }

    @Override
    public void close() {
        view.close();
    }
}
