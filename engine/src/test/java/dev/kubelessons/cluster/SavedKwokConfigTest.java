package dev.kubelessons.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The component names of kwok.yaml, kept beside it while its size and time are the same, and read again after any change. */
class SavedKwokConfigTest {

    @TempDir
    Path clusterDir;

    @Test
    void namesAreKeptWhileTheFileIsUnchangedAndReadAgainAfterAChange() throws Exception {
        Path file = clusterDir.resolve(SavedKwokConfig.FILE);
        Files.writeString(file, config("etcd", "kube-apiserver"));
        assertEquals(List.of("etcd", "kube-apiserver"), SavedKwokConfig.componentNames(clusterDir));
        Path memo = clusterDir.resolve(SavedKwokConfig.MEMO);
        assertTrue(Files.isRegularFile(memo));

        // A kept answer is used as long as the stamp matches: prove it by editing the memo's names.
        List<String> lines = Files.readAllLines(memo);
        Files.write(memo, List.of(lines.get(0), "from-the-memo"));
        assertEquals(List.of("from-the-memo"), SavedKwokConfig.componentNames(clusterDir));

        FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, config("etcd", "kube-apiserver", "kube-scheduler"));
        assertEquals(List.of("etcd", "kube-apiserver", "kube-scheduler"), SavedKwokConfig.componentNames(clusterDir), "another size");

        Files.writeString(file, config("etcd", "kube-apiserver", "kwok-controller"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(time.toMillis() + 5_000));
        assertEquals(List.of("etcd", "kube-apiserver", "kwok-controller"), SavedKwokConfig.componentNames(clusterDir), "same size, another time");

        Files.writeString(memo, "garbage");
        assertEquals(List.of("etcd", "kube-apiserver", "kwok-controller"), SavedKwokConfig.componentNames(clusterDir), "a broken memo is a miss");
    }

    private static String config(String... names) {
        StringBuilder text = new StringBuilder("apiVersion: config.kwok.x-k8s.io/v1alpha1\nkind: KwokctlConfiguration\ncomponents:\n");
        for (String name : names) {
            text.append("- args:\n  - --v=4\n  binary: /x/bin/").append(name).append("\n  name: ").append(name).append('\n');
        }
        return text.toString();
    }
}
