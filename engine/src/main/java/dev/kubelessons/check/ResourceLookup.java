package dev.kubelessons.check;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the API resource (plural, scope) behind a lesson's {@code apiVersion} and {@code kind} through discovery,
 * so that any kind, including a CRD's, is read the same generic way; remembers what it found.
 */
final class ResourceLookup {

    /** The cluster serves no such kind: usually a CRD that is not installed. */
    static final class UnknownKindException extends RuntimeException {
        UnknownKindException(String message) {
            super(message);
        }
    }

    private final Map<String, ResourceDefinitionContext> found = new ConcurrentHashMap<>();

    ResourceDefinitionContext definition(CheckContext context, String apiVersion, String kind) {
        String key = apiVersion + "/" + kind;
        ResourceDefinitionContext known = found.get(key);
        if (known != null) {
            return known;
        }
        // Only successes are remembered: a CRD installed later must be found on the next evaluation.
        APIResourceList resources = context.client().getApiResources(apiVersion);
        if (resources != null && resources.getResources() != null) {
            for (APIResource resource : resources.getResources()) {
                if (kind.equals(resource.getKind()) && !resource.getName().contains("/")) {
                    ResourceDefinitionContext definition = ResourceDefinitionContext.fromApiResource(apiVersion, resource);
                    found.put(key, definition);
                    return definition;
                }
            }
        }
        if (resources == null || resources.getResources() == null || resources.getResources().isEmpty()) {
            throw new UnknownKindException("the cluster serves no API " + apiVersion + ", so kind " + kind
                    + " in " + apiVersion + " is unknown; is its CustomResourceDefinition installed?");
        }
        throw new UnknownKindException("the cluster does not serve kind " + kind + " in " + apiVersion
                + "; check the kind and apiVersion in the lesson");
    }

    /** The objects of that kind in the lesson namespace (or cluster-wide, for a cluster-scoped kind). */
    NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            objects(CheckContext context, String apiVersion, String kind) {
        ResourceDefinitionContext definition = definition(context, apiVersion, kind);
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> all =
                context.client().genericKubernetesResources(definition);
        return definition.isNamespaceScoped() ? all.inNamespace(context.namespace()) : all;
    }

    /** The object, or null when it does not exist. */
    GenericKubernetesResource get(CheckContext context, String apiVersion, String kind, String name) {
        return objects(context, apiVersion, kind).withName(name).get();
    }

    /** "in namespace X" for namespaced kinds, "in the cluster" for cluster-scoped ones. */
    String where(CheckContext context, String apiVersion, String kind) {
        return definition(context, apiVersion, kind).isNamespaceScoped()
                ? "in namespace " + context.namespace() : "in the cluster";
    }
}
