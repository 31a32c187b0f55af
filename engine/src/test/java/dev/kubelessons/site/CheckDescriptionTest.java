package dev.kubelessons.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubelessons.lesson.CheckInfo;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.SourcePosition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Node-command checks in words: a short command quoted as a shell would read it, a script named as one in the sentence
 * and shown as written in the fold, its placeholders explained (the audit found "runs 'sh -c for n in ${nodes}; do ...'",
 * its quotes lost).
 */
class CheckDescriptionTest {

    private static final String ROUTES = "for n in ${nodes}; do name=${n%%,*}; [ \"$name\" = \"$(hostname)\" ] || ip route show exact \"$n\"; done";

    @Test
    void aScriptIsNamedInTheSentenceAndShownAsWrittenInTheFold() {
        CheckSpec check = node("control-plane", List.of("sh", "-c", ROUTES), "^(\\S+) via (\\S+)");
        assertEquals("runs a shell script on the control-plane node and looks for the expected line", CheckDescription.of(check));
        String fold = CheckDescription.internals(check);
        assertTrue(fold.startsWith("sh -c with this script:\n" + ROUTES + "\noutput matches /^(\\S+) via (\\S+)/"), fold);
        assertTrue(fold.contains("${nodes} is every node as name,podCIDR,InternalIP"), "the placeholder explained: " + fold);
    }

    @Test
    void aShortCommandIsQuotedAsAShellReadsIt() {
        CheckSpec check = node("worker", List.of("crictl", "pods", "--namespace", "${namespace}", "--name", "it's here", "--state", "ready"),
                "Ready");
        assertEquals("runs \u201ccrictl pods --namespace <namespace> --name 'it'\\''s here' --state ready\u201d on the worker node"
                + " and looks for the expected line", CheckDescription.of(check));
        assertEquals("output matches /Ready/", CheckDescription.internals(check), "the command is all in the sentence");
    }

    @Test
    void aLongCommandGoesToTheFold() {
        List<String> argv = List.of("kubectl", "--kubeconfig=/etc/kubernetes/admin.conf", "get", "pods", "-n", "${namespace}", "-o",
                "jsonpath={.items[*].status.podIP}", "--sort-by=.metadata.name");
        CheckSpec check = node("control-plane", argv, "10\\.");
        assertEquals("runs a command on the control-plane node and looks for the expected line", CheckDescription.of(check));
        assertTrue(CheckDescription.internals(check).startsWith("kubectl --kubeconfig=/etc/kubernetes/admin.conf get pods -n ${namespace}"
                + " -o 'jsonpath={.items[*].status.podIP}' --sort-by=.metadata.name\n"), CheckDescription.internals(check));
        assertTrue(CheckDescription.internals(check).endsWith("(${namespace} is the lesson namespace)"), CheckDescription.internals(check));
    }

    private static CheckSpec node(String node, List<String> command, String pattern) {
        return new CheckSpec.NodeCommand(new CheckInfo("c", "a check", "", "", SourcePosition.of(Path.of("13-cni.md"), 1, 1)), node,
                command, pattern);
    }
}
