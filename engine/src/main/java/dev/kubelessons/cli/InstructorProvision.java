package dev.kubelessons.cli;

import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.instructor.AttendeeKubeconfig;
import dev.kubelessons.instructor.AttendeeName;
import dev.kubelessons.instructor.Provisioner;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.ClusterSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code instructor provision}: the attendees' namespaces, access and kubeconfigs on the shared cluster. */
@Command(name = "provision", mixinStandardHelpOptions = true, description = "Create (or update) the attendees' namespaces, access and kubeconfigs.")
final class InstructorProvision extends InstructorBase {

    /** The attendees: N numbered, or named. */
    static final class Who {
        @Option(names = "--attendees", paramLabel = "N", description = "Number of attendees, named attendee-01 ...")
        Integer count;
        @Option(names = "--names", split = ",", paramLabel = "a,b,c", description = "Attendee names (DNS labels).")
        List<String> names;

        List<String> names(List<String> lessonIds) {
            List<String> chosen = count != null ? AttendeeName.numbered(count) : names;
            return AttendeeName.validate(chosen, lessonIds);
        }
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Who who;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write <attendee>.kubeconfig.")
    Path out;
    @Option(names = "--token-ttl", defaultValue = "2h", paramLabel = "DURATION", description = "Lifetime of the attendees' tokens (default 2h).")
    String ttl;
    @Option(names = "--parallel", defaultValue = "16", paramLabel = "N", description = "Attendees provisioned at once.")
    int parallel;

    @Override
    public Integer call() {
        List<Lesson> lessons = lessons();
        List<String> attendees = who.names(lessonIdsOf(lessons));
        Duration tokenTtl = AttendeeKubeconfig.parseTtl(ttl);
        long start = System.nanoTime();
        try (ClusterSession session = session()) {
            var kubeconfigs = new AttendeeKubeconfig(session.client(), session.access().config());
            new Provisioner(session.client(), kubeconfigs, Math.max(1, parallel)).provision(attendees, lessons, out, tokenTtl, err());
        }
        out().printf("provisioned %d attendee(s) x %d lesson(s) in %.1f s; kubeconfigs in %s (tokens valid %s)%n", attendees.size(),
                lessons.size(), (System.nanoTime() - start) / 1e9, out.toAbsolutePath(), ttl);
        out().println("each attendee: export KUBECONFIG=<attendee>.kubeconfig; their lessons run in namespaces kl-<attendee>-<lesson id>");
        out().flush();
        return ExitCodes.OK;
    }
}
