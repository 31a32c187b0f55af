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

all_built() { for b in "${want[@]}"; do [ -x "$bin/$b" ] || return 1; done; }
# The cache check comes before the Go check: a machine with built binaries needs no Go.
if all_built; then log "cached: $bin"; echo "$bin"; exit 0; fi
[ "${1:-}" = "--cached" ] && exit 1

command -v go >/dev/null 2>&1 || die "Go is not installed. Install Go 1.24 or newer (Debian: apt-get install golang-go, or https://go.dev/doc/install), then run this again."

start=$(date +%s)
mkdir -p "$bin" "$work"
export GOFLAGS="${GOFLAGS:-} -mod=mod -buildvcs=false"
export CGO_ENABLED=0

# --- Kubernetes: k8s.io/kubernetes replaces its staging modules with ./staging/...,
# which a dependent module cannot see; the published k8s.io/* v0.X.Y modules are the
# same code, so a wrapper module maps each one to its published version.
build_kubernetes() {
  local dir="$work/kubernetes" minor="${K8S_VERSION#v1.}"; minor="${minor%%.*}"
  local staging="v0.${K8S_VERSION#v1.}"
  mkdir -p "$dir"
  log "kubernetes $K8S_VERSION: resolving modules (staging modules -> $staging)"
  curl -fsS "$(go env GOPROXY | cut -d, -f1)/k8s.io/kubernetes/@v/${K8S_VERSION}.mod" -o "$dir/upstream.mod" \
    || go mod download -json "k8s.io/kubernetes@${K8S_VERSION}" >/dev/null
  {
    echo "module kubelessons.local/kubebuild"
    echo "go 1.24"
    echo "require k8s.io/kubernetes ${K8S_VERSION}"
    grep -E '^\s+k8s\.io/[a-z0-9-]+ => \./staging/' "$dir/upstream.mod" \
      | awk -v v="$staging" '{print "replace " $1 " => " $1 " " v}'
  } > "$dir/go.mod"
  cat > "$dir/tools.go" <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
GO
  (cd "$dir" && go mod tidy -e >/dev/null 2>"$dir/tidy.log" || true)
  local ld="-s -w"
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld+=" -X $p.gitVersion=${K8S_VERSION} -X $p.gitMajor=1 -X $p.gitMinor=${minor} -X $p.gitTreeState=clean -X $p.buildDate=1970-01-01T00:00:00Z"
  done
  for cmd in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    [ -x "$bin/$cmd" ] && { log "$cmd: cached"; continue; }
    log "$cmd: building (cold: several minutes each on 2 cores)"
    (cd "$dir" && go build -trimpath -ldflags "$ld" -o "$bin/$cmd.tmp" "k8s.io/kubernetes/cmd/$cmd") \
      || die "go build of $cmd failed (see above); log of module resolution: $dir/tidy.log"
    mv "$bin/$cmd.tmp" "$bin/$cmd"
  done
}

# --- etcd: its server module also uses local replaces, so the same wrapper trick.
build_etcd() {
  [ -x "$bin/etcd" ] && { log "etcd: cached"; return; }
  local dir="$work/etcd"; mkdir -p "$dir"
  log "etcd $ETCD_VERSION: building"
  cat > "$dir/go.mod" <<MOD
module kubelessons.local/etcdbuild
go 1.24
require go.etcd.io/etcd/server/v3 ${ETCD_VERSION}
MOD
  printf '//go:build tools\n\npackage tools\n\nimport _ "go.etcd.io/etcd/server/v3"\n' > "$dir/tools.go"
  (cd "$dir" && go mod tidy -e >/dev/null 2>"$dir/tidy.log" || true)
  (cd "$dir" && go build -trimpath -ldflags "-s -w" -o "$bin/etcd.tmp" go.etcd.io/etcd/server/v3) \
    || die "go build of etcd failed (see above)"
  mv "$bin/etcd.tmp" "$bin/etcd"
}

build_kwok() {
  for cmd in kwok kwokctl; do
    [ -x "$bin/$cmd" ] && { log "$cmd: cached"; continue; }
    log "$cmd $KWOK_VERSION: building"
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
