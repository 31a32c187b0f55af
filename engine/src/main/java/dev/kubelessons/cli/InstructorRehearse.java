package dev.kubelessons.cli;

import dev.kubelessons.instructor.Rehearsal;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.ClusterSession;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code instructor rehearse}: the workshop's lessons verified on the target cluster before the day; exit 0 is go. */
@Command(name = "rehearse", mixinStandardHelpOptions = true, description = "Dress rehearsal: verify the workshop's lessons on the target cluster; go or no-go.")
final class InstructorRehearse extends InstructorBase {

    @Override
    public Integer call() {
        List<Lesson> lessons = lessons();
        try (ClusterSession session = session()) {
            boolean go = new Rehearsal(session, LessonCommand.SETTLE_TIMEOUT).run(lessons, out());
            out().flush();
            return go ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }
}
