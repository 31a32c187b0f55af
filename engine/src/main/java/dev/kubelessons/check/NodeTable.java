package dev.kubelessons.check;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * The cluster's nodes as one shell word per node, {@code name,podCIDR,InternalIP}, separated by spaces: what a node
 * script or node check writes as {@code ${nodes}}. A kind worker cannot read it itself (the Node authorizer lets a
 * kubelet read only its own Node), so the runner reads it from the API, as a learner reads it with kubectl.
 */
public final class NodeTable {

    public static final String PLACEHOLDER = "${nodes}";

    private NodeTable() {
    }

    /** {@code text} with {@code ${nodes}} replaced by the table, read only when the text asks for it. */
    public static String expand(String text, KubernetesClient client) {
        return text == null || !text.contains(PLACEHOLDER) ? text : text.replace(PLACEHOLDER, of(client));
    }

    static String of(KubernetesClient client) {
        return client.nodes().list().getItems().stream().sorted(Comparator.comparing(n -> n.getMetadata().getName()))
                .map(NodeTable::word).collect(Collectors.joining(" "));
    }

    private static String word(Node node) {
        String cidr = node.getSpec() == null || node.getSpec().getPodCIDR() == null ? "-" : node.getSpec().getPodCIDR();
        String ip = node.getStatus() == null || node.getStatus().getAddresses() == null ? "-"
                : node.getStatus().getAddresses().stream().filter(a -> "InternalIP".equals(a.getType())).map(NodeAddress::getAddress)
                        .findFirst().orElse("-");
        return node.getMetadata().getName() + "," + cidr + "," + ip;
    }
}
