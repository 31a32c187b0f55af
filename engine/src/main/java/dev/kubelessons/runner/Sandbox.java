package dev.kubelessons.runner;

import dev.kubelessons.lesson.Lesson;

/** Where a lesson runs: one namespace per lesson, which the engine prepares, resets and cleans up. */
public interface Sandbox {

    String namespace(Lesson lesson);

    /** Makes sure the namespace is ready (with setup applied when it is new); true if it was created now. */
    boolean ensure(Lesson lesson);

    /** Back to the lesson's starting state: setup applied, nothing else. */
    void reset(Lesson lesson);

    /** Removes the lesson's namespace or its content. */
    void delete(Lesson lesson);

    /** Cleans up after a verification; a sandbox whose namespaces belong to someone else leaves them be. */
    default void discard(Lesson lesson) {
        delete(lesson);
    }
}
