package dev.kubelessons.cli;

import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.instructor.AttendeeRehearsal;
import dev.kubelessons.instructor.Rehearsal;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.ClusterSession;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code instructor rehearse}: the workshop's lessons verified on the target cluster before the day; exit 0 is go. */
@Command(name = "rehearse", mixinStandardHelpOptions = true, description = "Dress rehearsal: verify the workshop's lessons on the target cluster; go or no-go.")
final class InstructorRehearse extends InstructorBase {

    @Option(names = "--as-instructor", description = "Verify with your own credentials in namespaces of their own, without a stand-in attendee's"
            + " RBAC, quota and network fence (quicker, proves less).")
    boolean asInstructor;

    @Option(names = "--keep", description = "Keep the stand-in attendee '" + AttendeeRehearsal.ATTENDEE + "' afterwards, to look at its namespaces.")
    boolean keep;

    @Override
    public Integer call() {
        List<Lesson> lessons = lessons();
        try (ClusterSession session = session()) {
            boolean go = asInstructor
                    ? new Rehearsal(session, LessonCommand.SETTLE_TIMEOUT).run(lessons, out())
                    : new AttendeeRehearsal(session, LessonCommand.SETTLE_TIMEOUT).run(lessons, out(), err(), keep);
            out().flush();
            return go ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }
}
