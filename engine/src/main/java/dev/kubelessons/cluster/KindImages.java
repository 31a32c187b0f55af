package dev.kubelessons.cluster;

import dev.kubelessons.check.ProbeOptions;
import dev.kubelessons.failure.PrerequisiteException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Puts every image the course runs onto the kind nodes before a lesson needs it: the lessons' front matter
 * {@code images:}, the checks' probe and the add-ons' images. An image local Docker has is loaded with
 * {@code kind load docker-image} (the offline stand-ins, or what the learner pulled before); any other is pulled
 * by each node's containerd now, from its public registry, so that the first probe pod does not spend its deadline
 * waiting for a download.
 */
final class KindImages {

    private final String kind;
    private final String cluster;

    KindImages(String kind, String cluster) {
        this.kind = kind;
        this.cluster = cluster;
    }

    /** The images the course runs, in a stable order, without repeats. */
    static List<String> wanted(Path root, Addons addons) {
        Set<String> wanted = new LinkedHashSet<>();
        courseLessons(root).ifPresent(lessons -> wanted.addAll(lessonImages(lessons)));
        wanted.add(ProbeOptions.DEFAULT_IMAGE);
        wanted.addAll(addons.images());
        return List.copyOf(wanted);
    }

    /**
     * The lessons of the course being worked on: the engine clone's own when the engine runs from one, else those of
     * the nearest course folder (course.yaml) above the working directory, where 'cluster up' is run.
     */
    private static java.util.Optional<Path> courseLessons(Path home) {
        if (Files.isDirectory(home.resolve("lessons"))) {
            return java.util.Optional.of(home.resolve("lessons"));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("course.yaml")) && Files.isDirectory(dir.resolve("lessons"))) {
                return java.util.Optional.of(dir.resolve("lessons"));
            }
        }
        return java.util.Optional.empty();
    }

    void provide(List<String> images, PrintWriter out) {
        List<String> inDocker = new ArrayList<>();
        List<String> toPull = new ArrayList<>();
        for (String image : images) {
            (new ExternalCommand(List.of("docker", "image", "inspect", image), Map.of()).run().ok() ? inDocker : toPull).add(image);
        }
        if (!inDocker.isEmpty()) {
            load(inDocker, out);
        }
        if (!toPull.isEmpty()) {
            pullOnNodes(toPull, out);
        }
    }

    private void load(List<String> images, PrintWriter out) {
        out.println("loading images from Docker into the nodes: " + String.join(" ", images));
        out.flush();
        List<String> argv = new ArrayList<>(List.of(kind, "load", "docker-image", "--name", cluster));
        argv.addAll(images);
        ExternalCommand.Result result = new ExternalCommand(argv, Map.of()).run();
        if (!result.ok()) {
            throw new PrerequisiteException("kind could not load the course's images: " + String.join(" | ", result.tail()),
                    "run '" + String.join(" ", argv) + "' yourself to see why");
        }
    }

    /**
     * Each node pulls what Docker lacks. A failure is not fatal: the cluster works, and the checks that need the image
     * say so; but the learner is told now, with the fix, instead of at the first check.
     */
    private void pullOnNodes(List<String> images, PrintWriter out) {
        List<String> nodes = new ExternalCommand(List.of(kind, "get", "nodes", "--name", cluster), Map.of()).run().stdout().stream()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        List<String> failed = new ArrayList<>();
        for (String image : images) {
            out.println("pulling " + image + " on the nodes (" + String.join(", ", nodes) + ") ...");
            out.flush();
            for (String node : nodes) {
                ExternalCommand.Result pulled = new ExternalCommand(List.of("docker", "exec", node, "crictl", "pull", image), Map.of()).run();
                if (!pulled.ok()) {
                    failed.add(image + " on " + node + ": " + String.join(" ", pulled.tail()).strip());
                }
            }
        }
        if (!failed.isEmpty()) {
            out.println("warning: these images could not be pulled, so lessons and checks that run them will fail until they can:");
            failed.forEach(line -> out.println("  " + line));
            out.println("  next: check that Docker's nodes reach the internet, or on a machine without a registry build them with "
                    + "'bash " + KindProvider.NODE_SCRIPT + "', then run 'cluster up' again");
        }
    }

    /** The {@code images:} lists of the lessons' front matter (a plain reading: the engine's parser validates them elsewhere). */
    static List<String> lessonImages(Path lessons) {
        Set<String> images = new LinkedHashSet<>();
        if (!Files.isDirectory(lessons)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(lessons)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("\\d+-.*\\.md")).sorted().toList()) {
                readImages(Files.readAllLines(file), images);
            }
        } catch (IOException e) {
            return List.copyOf(images);
        }
        return List.copyOf(images);
    }

    private static void readImages(List<String> lines, Set<String> images) {
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return;
        }
        boolean inImages = false;
        for (String line : lines.subList(1, lines.size())) {
            if (line.strip().equals("---")) {
                break;
            }
            if (line.startsWith("images:")) {
                inImages = true;
            } else if (inImages && line.strip().startsWith("- ")) {
                images.add(line.strip().substring(2).strip().replaceAll("^[\"']|[\"']$", ""));
            } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                inImages = false;
            }
        }
    }
}
