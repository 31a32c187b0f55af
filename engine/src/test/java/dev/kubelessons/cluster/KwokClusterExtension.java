package dev.kubelessons.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The extension behind {@link KwokCluster}: one {@link SharedTestCluster} in the root store, so every test class of the run reuses it. */
public final class KwokClusterExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(KwokClusterExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KubernetesClient.class || type == ClusterAccess.class || type == TestNamespace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SharedTestCluster cluster = cluster(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == KubernetesClient.class) {
            return cluster.client();
        }
        if (type == ClusterAccess.class) {
            return cluster.access();
        }
        // Stored in the method's own store, so JUnit closes (deletes) the namespace when that test ends.
        String key = "namespace#" + parameter.getIndex();
        return context.getStore(STORE).getOrComputeIfAbsent(key, k -> TestNamespace.create(cluster.client()), TestNamespace.class);
    }

    /** The run's cluster, started on first call; rethrows the start failure for every class that needs it. */
    private static SharedTestCluster cluster(ExtensionContext context) {
        SharedTestCluster cluster = context.getRoot().getStore(STORE)
                .getOrComputeIfAbsent(SharedTestCluster.class, k -> SharedTestCluster.start(), SharedTestCluster.class);
        return cluster.orFail();
    }
}
