package dev.kubelessons.instructor;

import dev.kubelessons.Fixtures;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.markdown.CourseLoader;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** A small workshop for the tests: unique attendee names per test class, the course's lesson 02-deployments, provisioned on the test cluster. */
final class WorkshopFixture {

    private WorkshopFixture() {
    }

    static Lesson lesson(String id) {
        return new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons")).course().lesson(id).orElseThrow();
    }

    /** Names unique to this run, so test classes sharing the cluster never see each other's attendees. */
    static List<String> names(String... bases) {
        String run = UUID.randomUUID().toString().substring(0, 5);
        return java.util.Arrays.stream(bases).map(b -> b + "-" + run).toList();
    }

    static List<Path> provision(KubernetesClient admin, ClusterAccess access, List<String> attendees, List<Lesson> lessons, Path out) {
        return provision(admin, access, attendees, lessons, out, new java.io.PrintWriter(System.err, true));
    }

    /** With the progress lines going to {@code progress}, for a test that reads them. */
    static List<Path> provision(KubernetesClient admin, ClusterAccess access, List<String> attendees, List<Lesson> lessons, Path out,
            java.io.PrintWriter progress) {
        Provisioner provisioner = new Provisioner(admin, new AttendeeKubeconfig(admin, access.config()), 8);
        return provisioner.provision(attendees, lessons, out, Duration.ofMinutes(30), progress);
    }

    /** A client authenticated by the attendee's written kubeconfig alone. */
    static KubernetesClient clientOf(Path kubeconfig) {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, kubeconfig.toFile())).build();
    }
}
