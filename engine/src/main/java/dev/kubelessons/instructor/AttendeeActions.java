package dev.kubelessons.instructor;

import dev.kubelessons.failure.UserInputException;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.lesson.Fault;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.Kubectl;
import dev.kubelessons.runner.ManifestApplier;
import dev.kubelessons.runner.SolutionRunner;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;

/** What the instructor does to one attendee's lesson: start it over, or fast-forward it to solved. */
public final class AttendeeActions {

    private final KubernetesClient admin;
    private final SolutionRunner solutions;

    public AttendeeActions(KubernetesClient admin, ClusterAccess access) {
        this.admin = admin;
        this.solutions = new SolutionRunner(new ManifestApplier(admin), () -> Kubectl.locate(access));
    }

    /** Recreates the attendee's lesson namespace with its fence and setup. */
    public void reset(String attendee, Lesson lesson) {
        requireAttendee(attendee);
        new AttendeeSpace(admin, attendee, NetworkFence.detect(admin)).resetLesson(lesson);
    }

    /**
     * Resets, then applies the reference solution: solutions are written for a fresh namespace (a "kubectl delete pod"
     * fails if the attendee already deleted it), so starting from one makes fast-forward work from any state.
     */
    public void fastForward(String attendee, Lesson lesson) {
        reset(attendee, lesson);
        solutions.solve(lesson, WorkshopNames.lesson(attendee, lesson.id()));
    }

    /**
     * Breaks the attendee's drill with {@code fault}, through the runner's own code for a drill's break
     * (SolutionRunner.performFault). This runner has no node shell: a cluster-level fault is refused, never run on the
     * shared cluster.
     */
    public void inject(String attendee, Lesson lesson, Fault fault) {
        requireAttendee(attendee);
        solutions.performFault(lesson, fault.breaks(), WorkshopNames.lesson(attendee, lesson.id()));
    }

    private void requireAttendee(String attendee) {
        Namespace home = admin.namespaces().withName(WorkshopNames.home(attendee)).get();
        if (home == null || !attendee.equals(WorkshopNames.attendeeOf(home))) {
            throw new UserInputException("no attendee '" + attendee + "' on this cluster",
                    "'jbang lesson instructor provision' creates attendees; the board lists those that exist");
        }
    }
}
