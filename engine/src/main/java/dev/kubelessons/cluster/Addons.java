package dev.kubelessons.cluster;

import dev.kubelessons.failure.PrerequisiteException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The course's add-ons on one of our clusters (kind, kwok): installs them, Gateway API CRDs first, and waits until they
 * are ready ('cluster up'), or says how each one is doing ('cluster status'). Applying is idempotent and never deletes.
 */
final class Addons {

    static final String GATEWAY_CRD = "gateways.gateway.networking.k8s.io";
    private static final Set<String> IMAGE_PROBLEMS = Set.of("ErrImagePull", "ImagePullBackOff", "ErrImageNeverPull", "InvalidImageName");

    private final Path folder;
    private final GatewayApiCrds crds;

    Addons(Path folder, GatewayApiCrds crds) {
        this.folder = folder;
        this.crds = crds;
    }

    /** The add-ons of the clone at {@code root}, with the Gateway API CRDs cached under {@code dirs} and fetched through $GOPROXY. */
    static Addons forCourse(Path root, UserDirs dirs) {
        return new Addons(root.resolve(AddonManifests.FOLDER), new GatewayApiCrds(dirs, GoModuleProxy.fromEnvironment()));
    }

    GatewayApiCrds crds() {
        return crds;
    }

    List<Addon> addons() {
        return AddonManifests.read(folder);
    }

    /** Every image the add-ons run, for kind to preload. */
    List<String> images() {
        return addons().stream().flatMap(addon -> addon.images().stream()).distinct().toList();
    }

    /**
     * Applies the CRDs and every add-on, then waits (until {@code deadline} from now) for each add-on's Deployments to be
     * Available, one line per add-on. Applying all before waiting for any lets the add-ons start side by side.
     * {@link Readiness#REPORTED} reports an add-on that is not ready instead of failing.
     */
    void install(ClusterAccess access, Duration deadline, PrintWriter out) {
        install(access, deadline, Readiness.REQUIRED, out);
    }

    void install(ClusterAccess access, Duration deadline, Readiness readiness, PrintWriter out) {
        List<Addon> addons = addons();
        if (addons.isEmpty()) {
            return;
        }
        try (KubernetesClient client = access.client()) {
            installCrds(client, out);
            long applied = System.nanoTime();
            long until = applied + deadline.toNanos();
            for (Addon addon : addons) {
                ServerSideApply.apply(client, addon.objects(), AddonManifests.FOLDER + "/" + addon.file().getFileName());
            }
            for (Addon addon : addons) {
                try {
                    for (Deployment deployment : addon.deployments()) {
                        awaitAvailable(client, access, addon, deployment, until, deadline);
                    }
                    out.printf("add-on %s: ready in %.1f s%n", addon.title(), (System.nanoTime() - applied) / 1e9);
                } catch (PrerequisiteException notReady) {
                    if (readiness == Readiness.REQUIRED) {
                        throw notReady;
                    }
                    out.println("add-on " + addon.title() + ": applied; not ready (" + notReady.getMessage()
                            + "), which on simulated nodes changes nothing a lesson can check");
                }
                out.flush();
            }
        }
    }

    /** Applies the pinned CRDs, unless the cluster already has a newer Gateway API (or one of unknown origin), which is kept. */
    private void installCrds(KubernetesClient client, PrintWriter out) {
        Optional<InstalledGatewayApi> installed = InstalledGatewayApi.read(client);
        if (installed.isPresent() && installed.get().keepInsteadOf(GatewayApiCrds.VERSION)) {
            out.println(installed.get().title() + ": kept, already on the cluster and not older than the course's "
                    + GatewayApiCrds.VERSION + " (cluster up never downgrades it)");
            out.flush();
            return;
        }
        List<Path> crdFiles = crds.files(out);
        long start = System.nanoTime();
        List<HasMetadata> crdObjects = new ArrayList<>();
        crdFiles.forEach(file -> crdObjects.addAll(ServerSideApply.read(file)));
        ServerSideApply.apply(client, crdObjects, crds.source());
        out.printf("Gateway API %s CRDs (%s channel): applied in %.1f s%n", GatewayApiCrds.VERSION, GatewayApiCrds.CHANNEL,
                (System.nanoTime() - start) / 1e9);
        out.flush();
    }

    /** Whether an add-on that does not become ready fails 'cluster up'. */
    enum Readiness {
        /** Real nodes (kind): the add-on's pods serve lessons' checks, so they must run. */
        REQUIRED,
        /**
         * Simulated nodes (kwok): nothing runs for real, and pods that the node controller marked not ready during an
         * outage of the API server stay so, since no kubelet puts them right: the objects are what matters there.
         */
        REPORTED
    }

    /** One line for the Gateway API CRDs and one per add-on, read from the cluster, for 'cluster status'. */
    List<String> describe(ClusterAccess access) {
        List<String> lines = new ArrayList<>();
        try (KubernetesClient client = access.client()) {
            lines.add(describeCrds(client));
            for (Addon addon : addons()) {
                lines.add(describe(client, addon));
            }
        } catch (RuntimeException e) {
            lines.add("add-ons: unknown (" + e.getMessage() + ")");
        }
        return lines;
    }

    private static String describeCrds(KubernetesClient client) {
        return InstalledGatewayApi.read(client).map(installed -> installed.title() + ": installed")
                .orElse("Gateway API CRDs: not installed; run cluster up");
    }

    /** "add-on traefik v3.6.12: ready (1/1)", with the version the cluster runs, which may not be the one this clone pins. */
    private static String describe(KubernetesClient client, Addon addon) {
        int ready = 0;
        int wanted = 0;
        String version = null;
        List<String> problems = new ArrayList<>();
        for (Deployment declared : addon.deployments()) {
            Deployment running = client.apps().deployments().inNamespace(declared.getMetadata().getNamespace())
                    .withName(declared.getMetadata().getName()).get();
            if (running == null) {
                return "add-on " + addon.title() + ": not installed; run cluster up";
            }
            version = Objects.requireNonNullElse(running.getMetadata().getLabels().get(AddonManifests.VERSION_LABEL), "unknown version");
            wanted += DeploymentReadiness.replicas(running);
            ready += running.getStatus() == null || running.getStatus().getAvailableReplicas() == null ? 0 : running.getStatus().getAvailableReplicas();
            if (!DeploymentReadiness.available(running)) {
                problems.addAll(DeploymentReadiness.problems(client, running));
            }
        }
        String state = problems.isEmpty() && ready >= wanted ? "ready (" + ready + "/" + wanted + ")"
                : "not ready (" + ready + "/" + wanted + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)) + ")";
        String pinned = addon.version().equals(version) ? "" : "; this clone pins " + addon.version() + ", run cluster up";
        return "add-on " + addon.name() + " " + version + ": " + state + pinned;
    }

    private static void awaitAvailable(KubernetesClient client, ClusterAccess access, Addon addon, Deployment deployment,
            long until, Duration deadline) {
        String namespace = deployment.getMetadata().getNamespace();
        String name = deployment.getMetadata().getName();
        try {
            // A watch, re-tested on every change of the Deployment; at least a moment even past the deadline, to read it once.
            client.apps().deployments().inNamespace(namespace).withName(name)
                    .waitUntilCondition(DeploymentReadiness::available, Math.max(1, (until - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
        } catch (KubernetesClientTimeoutException e) {
            Deployment now = client.apps().deployments().inNamespace(namespace).withName(name).get();
            List<String> problems = now == null ? List.of("the Deployment is gone") : DeploymentReadiness.problems(client, now);
            boolean images = problems.stream().anyMatch(p -> IMAGE_PROBLEMS.stream().anyMatch(p::contains));
            String kubectl = "kubectl --kubeconfig " + access.kubeconfig() + " --context " + access.context() + " -n " + namespace;
            throw new PrerequisiteException("add-on " + addon.title() + " is not ready after " + deadline.toSeconds() + " s"
                    + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)),
                    images ? imageAdvice(addon)
                            : "see why with '" + kubectl + " describe pods' and '" + kubectl + " logs deploy/" + name
                            + "', then run 'cluster up' again (it re-applies and waits)");
        }
    }

    /** What a learner can do when the nodes cannot pull an add-on's image: fetch it with Docker and let 'cluster up' load it. */
    private static String imageAdvice(Addon addon) {
        String images = String.join(" ", addon.images());
        String pulls = String.join(" && ", addon.images().stream().map(image -> "docker pull " + image).toList());
        return "the nodes cannot pull " + images + ". With the internet: '" + pulls + "', then 'cluster up' again "
                + "(it loads the images into kind). Offline: 'bash " + KindProvider.NODE_SCRIPT + "' builds stand-ins under the same "
                + "names, then 'cluster up' again";
    }
}
