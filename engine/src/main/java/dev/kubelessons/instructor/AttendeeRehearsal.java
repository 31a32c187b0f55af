package dev.kubelessons.instructor;

import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.runner.ClusterSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The dress rehearsal as an attendee will live it: provisions a stand-in attendee, then verifies every workshop lesson
 * with that attendee's token in their fenced namespaces, so a Role that lacks a verb, a quota that is too tight or a
 * network fence that defeats a lesson's NetworkPolicy is a NO-GO now rather than a surprise on the day.
 */
public final class AttendeeRehearsal {

    /** The stand-in attendee; teardown removes it afterwards. */
    public static final String ATTENDEE = "rehearsal";
    /** Long enough for a slow rehearsal of a whole course (a kind cluster verifies 11 lessons in about 6 minutes). */
    private static final Duration TOKEN_TTL = Duration.ofHours(2);

    private final ClusterSession admin;
    private final Duration settle;

    public AttendeeRehearsal(ClusterSession admin, Duration settle) {
        this.admin = admin;
        this.settle = settle;
    }

    /** Returns true when every lesson is a go; {@code notes} gets the provisioning progress, {@code out} the report. */
    public boolean run(List<Lesson> lessons, PrintWriter out, PrintWriter notes, boolean keep) {
        Path dir = temporaryDirectory();
        try {
            Provisioner provisioner = new Provisioner(admin.client(), new AttendeeKubeconfig(admin.client(), admin.access().config()), 4);
            Path kubeconfig = provisioner.provision(List.of(ATTENDEE), lessons, dir, TOKEN_TTL, notes).get(0);
            out.println("as attendee '" + ATTENDEE + "': its token, its Role, quota and fences, in namespaces "
                    + WorkshopNames.lesson(ATTENDEE, "<lesson>"));
            ClusterAccess access = new ClusterAccess(kubeconfig, WorkshopNames.home(ATTENDEE));
            try (ClusterSession attendee = ClusterSession.connect(admin.provider(), access, WorkshopNames.PREFIX)) {
                return new Rehearsal(attendee, attendee.sandbox(), settle).run(lessons, out);
            }
        } finally {
            if (!keep) {
                new Teardown(admin.client()).remove(List.of(ATTENDEE), false);
            }
            deleteQuietly(dir);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("kubelessons-rehearsal");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the rehearsal's kubeconfig", e);
        }
    }

    /** The kubeconfig holds a live token: it must not outlive the rehearsal. */
    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A leftover in the temporary folder is not worth failing the rehearsal for.
        }
    }
}
