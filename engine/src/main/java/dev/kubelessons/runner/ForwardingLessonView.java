package dev.kubelessons.runner;

import dev.kubelessons.check.Verdict;
import dev.kubelessons.lesson.Step;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A view that passes every call on to another view: a decorator overrides only what it adds to. */
public abstract class ForwardingLessonView implements LessonView {

    protected final LessonView view;

    protected ForwardingLessonView(LessonView view) {
        this.view = view;
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
    }

    @Override
    public void outage(Optional<String> banner) {
        view.outage(banner);
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
