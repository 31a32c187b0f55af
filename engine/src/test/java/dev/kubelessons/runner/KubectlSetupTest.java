package dev.kubelessons.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.Fixtures;
import dev.kubelessons.cluster.ClusterAccess;
import dev.kubelessons.markdown.CourseLoader;
import dev.kubelessons.tui.LessonPages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit's kwok case: the cluster's kubeconfig is not the learner's default, so the tutor says what to export, near the namespace. */
class KubectlSetupTest {

    @TempDir
    Path home;

    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: kwok-kubelessons
              cluster:
                server: https://127.0.0.1:32766
            users:
            - name: kwok-kubelessons
              user:
                token: x
            contexts:
            - name: kwok-kubelessons
              context:
                cluster: kwok-kubelessons
                user: kwok-kubelessons
            current-context: kwok-kubelessons
            """;

    @Test
    void aKubeconfigKubectlDoesNotReadIsNamedWithItsExport() throws Exception {
        Path kwok = Files.writeString(home.resolve("kwok.yaml"), KUBECONFIG);
        ClusterAccess access = new ClusterAccess(kwok, "kwok-kubelessons");
        assertEquals(Optional.of("export KUBECONFIG=" + kwok), KubectlSetup.of(access, Map.of(), home), "no ~/.kube/config at all");
        assertEquals(Optional.empty(), KubectlSetup.of(access, Map.of("KUBECONFIG", kwok.toString()), home), "already exported");
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), KUBECONFIG.replace("current-context: kwok-kubelessons", "current-context: other"));
        assertEquals(Optional.of("export KUBECONFIG=" + kwok), KubectlSetup.of(access, Map.of(), home), "the default is another file");
        Files.writeString(home.resolve(".kube/config"), KUBECONFIG);
        assertEquals(Optional.of("export KUBECONFIG=" + kwok), KubectlSetup.of(access, Map.of(), home),
                "a context of the same name in another file is not this cluster's file");
        ClusterAccess own = new ClusterAccess(home.resolve(".kube/config"), "kwok-kubelessons");
        assertEquals(Optional.empty(), KubectlSetup.of(own, Map.of(), home), "the learner's own default");
        ClusterAccess other = new ClusterAccess(home.resolve(".kube/config"), "kind-kubelessons");
        assertTrue(KubectlSetup.of(other, Map.of(), home).orElseThrow().endsWith("; kubectl config use-context kind-kubelessons"));
    }

    @Test
    void theIntroductionAndTheApplyLineSayIt() {
        var lesson = new CourseLoader().load(Fixtures.repositoryRoot().resolve("lessons")).course().lesson("03-clusterip").orElseThrow();
        var header = new LessonView.Header(lesson, "kwok", "kl-03-clusterip", false, "export KUBECONFIG=/state/kwok/kubeconfig.yaml");
        LessonPages pages = new LessonPages(100, false);
        List<String> intro = pages.introduction(header, Map.of(), true);
        assertTrue(String.join("\n", intro.subList(0, 6)).contains("export KUBECONFIG=/state/kwok/kubeconfig.yaml"), String.join("\n", intro));
        String step = String.join("\n", pages.step(header, lesson.steps().get(0)));
        assertTrue(step.contains("kubectl apply -n kl-03-clusterip -f FILE):\n    kubectl reaches this cluster in a shell after:\n      export KUBECONFIG="), step);
    }
}
