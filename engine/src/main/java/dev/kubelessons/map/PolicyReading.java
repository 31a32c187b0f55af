package dev.kubelessons.map;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * NetworkPolicies read as Kubernetes enforces them between the pods of one namespace: a pod selected by a policy of a
 * direction is isolated in that direction, and then only what some rule of those policies admits may pass. Peers by
 * namespace are matched on the namespace's name label; ipBlock peers are described, not matched to pods.
 */
final class PolicyReading {

    private final String namespace;
    private final List<NetworkPolicy> policies;

    PolicyReading(String namespace, List<NetworkPolicy> policies) {
        this.namespace = namespace;
        this.policies = policies.stream().sorted(java.util.Comparator.comparing(p -> p.getMetadata().getName())).toList();
    }

    List<NamespaceMap.Policy> policies() {
        List<NamespaceMap.Policy> views = new ArrayList<>();
        for (NetworkPolicy policy : policies) {
            List<String> rules = new ArrayList<>();
            if (isolates(policy, "Ingress")) {
                var ingress = policy.getSpec().getIngress();
                if (ingress == null || ingress.isEmpty()) {
                    rules.add("ingress: denies all");
                } else {
                    ingress.forEach(rule -> rules.add("ingress: allows from " + peers(rule.getFrom()) + ports(rule.getPorts())));
                }
            }
            if (isolates(policy, "Egress")) {
                var egress = policy.getSpec().getEgress();
                if (egress == null || egress.isEmpty()) {
                    rules.add("egress: denies all");
                } else {
                    egress.forEach(rule -> rules.add("egress: allows to " + peers(rule.getTo()) + ports(rule.getPorts())));
                }
            }
            views.add(new NamespaceMap.Policy(policy.getMetadata().getName(), selector(policy.getSpec().getPodSelector()), rules));
        }
        return views;
    }

    /** Between every two workloads of the namespace (one pod standing for each): allowed or denied, once any policy exists. */
    List<NamespaceMap.Flow> flows(List<Pod> pods) {
        if (policies.isEmpty()) {
            return List.of();
        }
        Map<String, Pod> workloads = new LinkedHashMap<>();
        pods.stream().sorted(java.util.Comparator.comparing(p -> p.getMetadata().getName()))
                .forEach(p -> workloads.putIfAbsent(Workloads.of(p.getMetadata()), p));
        List<NamespaceMap.Flow> flows = new ArrayList<>();
        for (var from : workloads.entrySet()) {
            for (var to : workloads.entrySet()) {
                if (from.getKey().equals(to.getKey())) {
                    continue;
                }
                String egress = verdict(from.getValue(), to.getValue(), "Egress");
                String ingress = verdict(to.getValue(), from.getValue(), "Ingress");
                boolean allowed = egress.startsWith("allowed") && ingress.startsWith("allowed");
                String why = allowed ? (egress.equals("allowed") ? ingress : egress) : (!egress.startsWith("allowed") ? egress : ingress);
                flows.add(new NamespaceMap.Flow(from.getKey(), to.getKey(), allowed, why));
            }
        }
        return flows;
    }

    /** For {@code subject}'s side of {@code direction}: "allowed", "allowed by P (ports)" or "denied: ...". */
    private String verdict(Pod subject, Pod peer, String direction) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> isolates(p, direction) && matches(p.getSpec().getPodSelector(), subject.getMetadata().getLabels())).toList();
        if (selecting.isEmpty()) {
            return "allowed";
        }
        for (NetworkPolicy policy : selecting) {
            if (direction.equals("Ingress") && policy.getSpec().getIngress() != null) {
                for (var rule : policy.getSpec().getIngress()) {
                    if (admits(rule.getFrom(), peer)) {
                        return "allowed by " + policy.getMetadata().getName() + ports(rule.getPorts());
                    }
                }
            } else if (direction.equals("Egress") && policy.getSpec().getEgress() != null) {
                for (var rule : policy.getSpec().getEgress()) {
                    if (admits(rule.getTo(), peer)) {
                        return "allowed by " + policy.getMetadata().getName() + ports(rule.getPorts());
                    }
                }
            }
        }
        String names = selecting.stream().map(p -> p.getMetadata().getName()).collect(Collectors.joining(", "));
        return "denied: " + (direction.equals("Ingress") ? "ingress to " : "egress from ") + Workloads.of(subject.getMetadata())
                + " is limited by " + names + ", and no rule admits " + Workloads.of(peer.getMetadata());
    }

    private boolean admits(List<NetworkPolicyPeer> peers, Pod peer) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer candidate : peers) {
            if (candidate.getIpBlock() != null) {
                continue;
            }
            boolean namespaceMatches = candidate.getNamespaceSelector() == null
                    || matches(candidate.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", namespace));
            boolean podMatches = candidate.getPodSelector() == null || matches(candidate.getPodSelector(), peer.getMetadata().getLabels());
            if (namespaceMatches && podMatches) {
                return true;
            }
        }
        return false;
    }

    private static boolean isolates(NetworkPolicy policy, String direction) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types == null || types.isEmpty()) {
            return direction.equals("Ingress") || policy.getSpec().getEgress() != null && !policy.getSpec().getEgress().isEmpty();
        }
        return types.contains(direction);
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> have = labels == null ? Map.of() : labels;
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null && !selector.getMatchLabels().entrySet().stream()
                .allMatch(e -> Objects.equals(have.get(e.getKey()), e.getValue()))) {
            return false;
        }
        for (LabelSelectorRequirement requirement : selector.getMatchExpressions() == null ? List.<LabelSelectorRequirement>of() : selector.getMatchExpressions()) {
            String value = have.get(requirement.getKey());
            List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String selector(LabelSelector selector) {
        if (selector == null || (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty())) {
            return "all pods";
        }
        List<String> parts = new ArrayList<>();
        if (selector.getMatchLabels() != null) {
            selector.getMatchLabels().forEach((k, v) -> parts.add(k + "=" + v));
        }
        if (selector.getMatchExpressions() != null) {
            selector.getMatchExpressions().forEach(e -> parts.add(e.getKey() + " " + e.getOperator() + (e.getValues() == null || e.getValues().isEmpty() ? "" : " (" + String.join(",", e.getValues()) + ")")));
        }
        return "pods " + String.join(", ", parts);
    }

    private static String peers(List<NetworkPolicyPeer> peers) {
        if (peers == null || peers.isEmpty()) {
            return "anywhere";
        }
        return peers.stream().map(p -> {
            if (p.getIpBlock() != null) {
                return "IPs " + p.getIpBlock().getCidr() + (p.getIpBlock().getExcept() == null || p.getIpBlock().getExcept().isEmpty() ? "" : " except " + String.join(",", p.getIpBlock().getExcept()));
            }
            String pods = p.getPodSelector() == null ? "" : selector(p.getPodSelector());
            String namespaces = p.getNamespaceSelector() == null ? "" : "namespaces " + selector(p.getNamespaceSelector()).replaceFirst("^pods ", "").replace("all pods", "(all)");
            return (namespaces + (namespaces.isEmpty() || pods.isEmpty() ? "" : ": ") + pods).strip();
        }).collect(Collectors.joining(" or "));
    }

    private static String ports(List<NetworkPolicyPort> ports) {
        if (ports == null || ports.isEmpty()) {
            return "";
        }
        return " on " + ports.stream().map(p -> Objects.toString(p.getProtocol(), "TCP") + " " + (p.getPort() == null ? "any port"
                : p.getPort().getStrVal() != null ? p.getPort().getStrVal() : String.valueOf(p.getPort().getIntVal()))).collect(Collectors.joining(", "));
    }
}
