package dev.kubelessons.cli;

import dev.kubelessons.failure.ExitCodes;
import dev.kubelessons.instructor.AttendeeName;
import dev.kubelessons.instructor.Teardown;
import dev.kubelessons.runner.ClusterSession;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code instructor teardown}: removes what a workshop created, found by label. */
@Command(name = "teardown", mixinStandardHelpOptions = true, description = "Delete every namespace a workshop created (found by label), nothing else.")
final class InstructorTeardown extends InstructorBase {

    @Option(names = "--names", split = ",", paramLabel = "a,b", description = "Only these attendees (default: all).")
    List<String> names = new ArrayList<>();
    @Option(names = "--no-wait", description = "Return without waiting for the namespaces to be gone.")
    boolean noWait;

    @Override
    public Integer call() {
        List<String> attendees = names.isEmpty() ? List.of() : AttendeeName.validate(names, List.of());
        try (ClusterSession session = session()) {
            List<String> removed = new Teardown(session.client()).remove(attendees, !noWait);
            removed.forEach(name -> out().println("deleted namespace " + name));
            out().println(removed.isEmpty() ? "teardown: nothing to remove" : "teardown: " + removed.size() + " namespace(s) removed");
        }
        out().flush();
        return ExitCodes.OK;
    }
}
