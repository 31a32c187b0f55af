#!/usr/bin/env bash
# Builds the kwok cluster's binaries (kube-apiserver, kube-controller-manager,
# kube-scheduler, kubectl, etcd, kwok, kwokctl) from the Go module proxy only:
# no release download site is reachable on our machines. Pinned, idempotent,
# cached by version under ${XDG_CACHE_HOME:-~/.cache}/kubelessons.
#
# Usage: scripts/build-kwok.sh            # builds what is missing; prints the bin directory on the last line
#        scripts/build-kwok.sh --cached   # never builds: prints the bin directory if complete, else exits 1
# Env:   KUBELESSONS_CACHE overrides the cache root.
set -euo pipefail

K8S_VERSION="${K8S_VERSION:-v1.35.4}"     # kubernetes minor 1.35: works with kwok v0.8.0 and Debian's containerd for kind
ETCD_VERSION="${ETCD_VERSION:-v3.6.5}"    # the etcd that k8s v1.35 itself pins in its go.mod
KWOK_VERSION="${KWOK_VERSION:-v0.8.0}"

cache_root="${KUBELESSONS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubelessons}"
key="k8s-${K8S_VERSION}_etcd-${ETCD_VERSION}_kwok-${KWOK_VERSION}"
bin="$cache_root/kwok/$key/bin"
work="$cache_root/kwok/$key/work"
want=(kube-apiserver kube-controller-manager kube-scheduler kubectl etcd kwok kwokctl)

log() { printf '[build-kwok %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'build-kwok: %s\n' "$*" >&2; exit 3; }
# shellcheck source=lib/go-wrapper-modules.sh
. "$(cd "$(dirname "$0")" && pwd)/lib/go-wrapper-modules.sh"

all_built() { for b in "${want[@]}"; do [ -x "$bin/$b" ] || return 1; done; }

# The ClusterNetworkPolicy CRD, which kwok clusters install as kubelessons' kind clusters do (instructor mode fences
# attendees with it). Optional: without it (no Go to fetch it), kwok clusters simply do not serve that API.
crd="$cache_root/kwok/$key/crds/clusternetworkpolicies.yaml"
# shellcheck source=lib/network-policy-api.sh
. "$(cd "$(dirname "$0")" && pwd)/lib/network-policy-api.sh"
if [ ! -f "$crd" ] && [ "${1:-}" != "--cached" ] && command -v go >/dev/null 2>&1; then
  log "ClusterNetworkPolicy CRD (network-policy-api $NETPOL_API_VERSION): fetching"
  ( die() { log "warning: $*"; exit 0; }; netpol_api_crd "$crd" )
fi
# The cache check comes before the Go check: a machine with built binaries needs no Go.
if all_built; then log "cached: $bin"; echo "$bin"; exit 0; fi
[ "${1:-}" = "--cached" ] && exit 1

command -v go >/dev/null 2>&1 || die "Go is not installed. Install Go 1.24 or newer (Debian: apt-get install golang-go, or https://go.dev/doc/install), then run this again."

start=$(date +%s)
mkdir -p "$bin" "$work"
# Progress: "step n/7" and the time so far, so a cold build (about 9 minutes on 2 cores) never looks stuck.
step=0
next_step() { step=$((step + 1)); log "step $step/7 (at $(( ($(date +%s) - start) / 60 )):$(printf '%02d' $(( ($(date +%s) - start) % 60 )))): $*"; }
export GOFLAGS="${GOFLAGS:-} -mod=mod -buildvcs=false"
export CGO_ENABLED=0

# --- Kubernetes and etcd: wrapper modules over the published modules (scripts/lib/go-wrapper-modules.sh).
build_kubernetes() {
  local dir="$work/kubernetes" ld
  log "kubernetes $K8S_VERSION: resolving modules (staging modules -> v0.${K8S_VERSION#v1.})"
  kubernetes_wrapper_module "$dir" kubelessons.local/kubebuild kube-apiserver kube-controller-manager kube-scheduler kubectl
  ld=$(kubernetes_ldflags)
  for cmd in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    [ -x "$bin/$cmd" ] && { next_step "$cmd: cached"; continue; }
    next_step "$cmd: building (cold: several minutes each on 2 cores)"
    (cd "$dir" && go build -trimpath -ldflags "$ld" -o "$bin/$cmd.tmp" "k8s.io/kubernetes/cmd/$cmd") \
      || die "go build of $cmd failed (see above); log of module resolution: $dir/tidy.log"
    mv "$bin/$cmd.tmp" "$bin/$cmd"
  done
}

build_etcd() {
  [ -x "$bin/etcd" ] && { next_step "etcd: cached"; return; }
  local dir="$work/etcd"
  next_step "etcd $ETCD_VERSION: building"
  etcd_wrapper_module "$dir" kubelessons.local/etcdbuild
  (cd "$dir" && go build -trimpath -ldflags "-s -w" -o "$bin/etcd.tmp" go.etcd.io/etcd/server/v3) \
    || die "go build of etcd failed (see above)"
  mv "$bin/etcd.tmp" "$bin/etcd"
}

build_kwok() {
  for cmd in kwok kwokctl; do
    [ -x "$bin/$cmd" ] && { next_step "$cmd: cached"; continue; }
    next_step "$cmd $KWOK_VERSION: building"
    GOBIN="$work/gobin" go install -trimpath -ldflags "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=${KWOK_VERSION}" "sigs.k8s.io/kwok/cmd/$cmd@${KWOK_VERSION}" \
      || die "go install of $cmd failed (see above)"
    mv "$work/gobin/$cmd" "$bin/$cmd"
  done
}

build_etcd
build_kwok
build_kubernetes
all_built || die "some binaries are missing from $bin"
log "done in $(( $(date +%s) - start ))s: $bin"
echo "$bin"
