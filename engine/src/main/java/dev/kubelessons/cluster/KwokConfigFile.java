package dev.kubelessons.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kwokctl configuration we start clusters with: local binaries, loopback only, and kind's address
 * ranges (services 10.96.0.0/16, pods 10.244.N.0/24) so that lessons show the same IPs on kwok and kind.
 * The controller manager and scheduler run without leader election: with one instance there is
 * nothing to elect, and an elected one exits for good when the API server blips (a laptop that
 * slept), leaving a cluster where Deployments never roll out again.
 */
final class KwokConfigFile {

    static final String SERVICE_CIDR = "10.96.0.0/16";
    static final String POD_CIDR = "10.244.0.0/24";   // node N gets 10.244.N.0/24
    static final String FIRST_NODE_IP = "172.18.0.2"; // kind's docker network, again to match kind

    private KwokConfigFile() {
    }

    static Path write(Path file, Path bin) {
        String yaml = """
                kind: KwokctlConfiguration
                apiVersion: config.kwok.x-k8s.io/v1alpha1
                options:
                  runtime: binary
                  bindAddress: 127.0.0.1
                  kubeApiserverBinary: %1$s/kube-apiserver
                  kubeControllerManagerBinary: %1$s/kube-controller-manager
                  kubeSchedulerBinary: %1$s/kube-scheduler
                  kubectlBinary: %1$s/kubectl
                  etcdBinary: %1$s/etcd
                  kwokControllerBinary: %1$s/kwok
                componentsPatches:
                - name: kube-apiserver
                  extraArgs:
                  - key: service-cluster-ip-range
                    value: %2$s
                - name: kube-controller-manager
                  extraArgs:
                  - key: leader-elect
                    value: "false"
                - name: kube-scheduler
                  extraArgs:
                  - key: leader-elect
                    value: "false"
                """.formatted(bin, SERVICE_CIDR);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** {@code kwokctl scale node} parameters: IPv4 pod ranges and node addresses only, as on a default kind cluster. */
    static String[] nodeParameters() {
        return new String[] {"--param", ".podCIDRs=[\"" + POD_CIDR + "\"]", "--param", ".nodeIPs=[\"" + FIRST_NODE_IP + "\"]"};
    }
}
