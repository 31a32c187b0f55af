package dev.kubelessons.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** One add-on of the course as its manifest declares it: name and version from its labels, its objects in file order. */
record Addon(String name, String version, Path file, List<HasMetadata> objects) {

    Addon {
        objects = List.copyOf(objects);
    }

    /** The Deployments whose availability means the add-on is ready. */
    List<Deployment> deployments() {
        return objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).toList();
    }

    /** Every image its pods run, so kind can preload them from the manifest rather than from a second list. */
    List<String> images() {
        Set<String> images = new LinkedHashSet<>();
        for (Deployment deployment : deployments()) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()).map(Container::getImage).forEach(images::add);
        }
        return List.copyOf(images);
    }

    /** "traefik v3.6.12", as 'cluster up' and 'cluster status' name it. */
    String title() {
        return name + " " + version;
    }
}
