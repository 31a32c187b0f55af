package dev.kubelessons.cluster;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against one real Kubernetes API shared by the whole test run: a kwok cluster started on first
 * use and removed at the end, or the cluster named by $KUBELESSONS_TEST_KUBECONFIG (+ $KUBELESSONS_TEST_CONTEXT).
 * Test methods may declare parameters of type {@code KubernetesClient}, {@code ClusterAccess} and {@link TestNamespace}
 * (a fresh namespace per test, deleted afterwards). If the cluster cannot start, the tests fail with the reason.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KwokClusterExtension.class)
public @interface KwokCluster {
}
