package dev.kubelessons.cli;

import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.instructor.AttendeeActions;
import dev.kubelessons.instructor.AttendeeName;
import dev.kubelessons.instructor.WorkshopNames;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.ClusterSession;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code instructor reset <attendee> <lesson>}: starts one attendee's lesson over; {@link FastForward} also solves it. */
@Command(name = "reset", mixinStandardHelpOptions = true, description = "Start an attendee's lesson over.")
class InstructorReset extends InstructorBase {

    @Parameters(index = "0", paramLabel = "<attendee>")
    String attendee;
    @Parameters(index = "1", paramLabel = "<lesson>")
    String lessonId;

    @Override
    public Integer call() {
        Lesson lesson = lesson(lessonId);
        AttendeeName.validate(List.of(attendee), List.of(lesson.id()));
        try (ClusterSession session = session()) {
            act(new AttendeeActions(session.client(), session.access()), lesson);
        }
        out().println(verb() + " " + lesson.id() + " for " + attendee + ": namespace " + WorkshopNames.lesson(attendee, lesson.id()));
        out().flush();
        return ExitCodes.OK;
    }

    void act(AttendeeActions actions, Lesson lesson) {
        actions.reset(attendee, lesson);
    }

    String verb() {
        return "reset";
    }

    /** {@code instructor fast-forward <attendee> <lesson>}: the same arguments, then the reference solution. */
    @Command(name = "fast-forward", mixinStandardHelpOptions = true, description = "Reset an attendee's lesson and apply its reference solution.")
    static final class FastForward extends InstructorReset {
        @Override
        void act(AttendeeActions actions, Lesson lesson) {
            actions.fastForward(attendee, lesson);
        }

        @Override
        String verb() {
            return "fast-forwarded";
        }
    }
}
