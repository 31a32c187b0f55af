package dev.kubelessons.site;

import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.lesson.Problem;
import java.util.List;

/** The site could not be built from the lessons or templates given (exit 2); the previous site is untouched. */
public final class SiteBuildException extends UserInputException {

    private final List<Problem> problems;

    public SiteBuildException(String message, String nextStep) {
        this(message, nextStep, List.of());
    }

    public SiteBuildException(String message, String nextStep, List<Problem> problems) {
        super(message, nextStep);
        this.problems = List.copyOf(problems);
    }

    /** Lesson problems that stopped the build, for the caller to print; empty for template or output errors. */
    public List<Problem> problems() {
        return problems;
    }
}
