# Shared by build-kwok.sh and build-kind-node.sh (sourced, not run): the ClusterNetworkPolicy CRD
# (policy.networking.k8s.io, SIG Network's network-policy-api, standard channel) from the Go
# module proxy, which serves the module's zip with its config/crd directory. Instructor mode fences
# attendees with a ClusterNetworkPolicy (Admin tier) where the cluster serves it, because plain
# NetworkPolicies only add allowances and a fence made of them would defeat the lessons' own policies.

NETPOL_API_VERSION="${NETPOL_API_VERSION:-v0.3.0}"   # ClusterNetworkPolicy v1beta1 (standard channel)

# netpol_api_crd DEST_FILE: writes the ClusterNetworkPolicy CRD to DEST_FILE (atomically); cached by the caller.
netpol_api_crd() {
  local dest=$1 dir
  dir=$(GOFLAGS=-mod=mod go mod download -json "sigs.k8s.io/network-policy-api@${NETPOL_API_VERSION}" 2>/dev/null \
        | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p') \
    || die "cannot download sigs.k8s.io/network-policy-api@${NETPOL_API_VERSION} from the Go module proxy ($(go env GOPROXY))"
  [ -n "$dir" ] && [ -f "$dir/config/crd/standard/policy.networking.k8s.io_clusternetworkpolicies.yaml" ] \
    || die "sigs.k8s.io/network-policy-api@${NETPOL_API_VERSION} has no config/crd/standard/policy.networking.k8s.io_clusternetworkpolicies.yaml"
  mkdir -p "$(dirname "$dest")"
  # the module cache is read-only: the copy must not be
  cp "$dir/config/crd/standard/policy.networking.k8s.io_clusternetworkpolicies.yaml" "$dest.tmp" && chmod u+w "$dest.tmp" && mv "$dest.tmp" "$dest"
}
