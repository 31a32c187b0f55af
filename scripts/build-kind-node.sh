#!/usr/bin/env bash
# Builds a kind node image, and the images a kind cluster and the lessons need, from the
# package registries only (Debian packages, the Go module proxy): no container registry
# and no release download site is reachable on our machines.
#
#   1. a Debian bookworm root filesystem (mmdebstrap) with systemd, containerd, runc,
#      iptables, CNI plugins ..., imported into Docker;
#   2. kubeadm, kubelet, kubectl, kube-proxy built from k8s.io/kubernetes with the wrapper
#      module scripts/build-kwok.sh uses, so Go's build cache reuses every package the kwok
#      build compiled (all static, CGO_ENABLED=0); kind, crictl, coredns, etcd and Traefik too;
#   3. the images kubeadm preloads (apiserver, controller-manager, scheduler, proxy, etcd,
#      coredns, pause) and the pod network agent (kl-netd, cluster/images/kl-netd), built
#      FROM scratch or from the Debian rootfs and imported into the node's containerd;
#   4. stand-ins, under their upstream names, for the public images the course pulls on a
#      learner's machine (listed with what differs in STAND_INS below and by --stand-ins):
#      nginx:1.27, busybox:1.36, nicolaka/netshoot:v0.13 (the checks' probe) and traefik:v3.7.13
#      (the ingress controller `cluster up` installs, built from Traefik's own Go source);
#   5. the ClusterNetworkPolicy CRD (network-policy-api, scripts/lib/network-policy-api.sh),
#      appended to the node's default CNI manifest, which kind applies at cluster creation.
#
# What triggers a rebuild: a changed kl-netd source rebuilds its binary, then the images and
# preload.tar (images_key), then the node image (node_src_sum); a changed file under
# cluster/node or another CRD version rebuilds the node image only. Kubernetes is never
# rebuilt while its binaries are in the cache.
#
# Speed (2 cores): the Debian root filesystems are assembled while Go compiles, the Go builds
# run in two lanes, and every step says "step n/m", the time so far and its usual cold time
# (measured on a fresh 2-core machine under load, bench/RESULTS.md), with a line every 60 s
# while a long step runs, so a long wait never looks hung.
#
# Cached and resumable: every step leaves a stamp under
# ${XDG_CACHE_HOME:-~/.cache}/kubelessons/kind/<key>/stamps and is skipped when its stamp
# and its output exist. Docker must be running (the script starts Debian's dockerd when
# it is installed and not running).
#
# Usage: scripts/build-kind-node.sh            # builds what is missing; prints the node image tag last
#        scripts/build-kind-node.sh --cached   # never builds (may start dockerd): prints the tag if the image exists, else exits 1
#        scripts/build-kind-node.sh --bin-dir  # prints the directory holding the built kind CLI (after a build)
#        scripts/build-kind-node.sh --start-docker  # only starts dockerd (with the runc wrapper this machine may need)
#        scripts/build-kind-node.sh --stand-ins # lists the stand-in images and how they differ from upstream
# Env:   KUBELESSONS_CACHE overrides the cache root; GO_PARALLEL (default 2) caps go build -p.
set -euo pipefail

K8S_VERSION="${K8S_VERSION:-v1.35.4}"          # Debian's containerd is 1.6: Kubernetes 1.35 is the last minor that supports it
KIND_VERSION="${KIND_VERSION:-v0.31.0}"        # kind whose default node is v1.35; kubeadm config v1beta3
ETCD_VERSION="${ETCD_VERSION:-v3.6.5}"         # the etcd k8s v1.35 pins in its go.mod (kubeadm's default tag is 3.6.6-0: the kind config pins 3.6.5-0)
COREDNS_VERSION="${COREDNS_VERSION:-v1.13.1}"  # kubeadm v1.35 constants.CoreDNSVersion
PAUSE_TAG="${PAUSE_TAG:-3.10.1}"               # kubeadm v1.35 constants.PauseVersion
CRICTL_VERSION="${CRICTL_VERSION:-v1.34.0}"    # newest cri-tools the module proxy serves below 1.37
# The CNI plugins kind's own node image carries (kind v0.31 images/base/Dockerfile: CNI_PLUGINS_VERSION v1.8.0,
# CGO_ENABLED=0): host-local, loopback, ptp and portmap only (no bridge), in /opt/cni/bin. The stand-in carries
# the same four, built from the same upstream module, so a lesson that writes a CNI configuration by hand
# (13-cni-by-hand) finds the same plugins on the offline image as on a learner's stock one.
CNI_PLUGINS_VERSION="${CNI_PLUGINS_VERSION:-v1.8.0}"
CNI_PLUGINS="ipam/host-local main/loopback main/ptp meta/portmap"
# cluster/addons/traefik.yaml runs traefik:$TRAEFIK_VERSION. Not v3.7.x: its ACME DNS providers
# (go-acme/lego v5) and its go-http-auth fork need 15 module versions the Go module proxy
# reachable here refuses (403); every module v3.6.12 needs is served (go mod download all).
TRAEFIK_VERSION="${TRAEFIK_VERSION:-v3.6.12}"
TRAEFIK_CODENAME=cheddar                        # Traefik's Makefile default, stamped as its release builds do
SUITE=bookworm
REV=1                                          # bump when the image layout changes
GO_PARALLEL="${GO_PARALLEL:-2}"

root=$(cd "$(dirname "$0")/.." && pwd)
cache_root="${KUBELESSONS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubelessons}"
key="k8s-${K8S_VERSION}_kind-${KIND_VERSION}_${SUITE}_r${REV}"
base="$cache_root/kind/$key"
bin="$base/bin" work="$base/work" stamps="$base/stamps" out="$base/images"
NODE_TAG="kubelessons/kind-node:${K8S_VERSION}-r${REV}"
ROOTFS_TAG="kubelessons/debian-node-rootfs:${SUITE}-r${REV}"
TOOLS_TAG="kubelessons/debian-tools-rootfs:${SUITE}-r${REV}"
PROBE_TAG="nicolaka/netshoot:v0.13"            # the engine's probe image (ProbeOptions.DEFAULT_IMAGE)
TRAEFIK_TAG="traefik:${TRAEFIK_VERSION}"
NETD_TAG="kubelessons/kl-netd:r${REV}"         # our own pod network agent, preloaded (never pulled)

log() { printf '[build-kind-node %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'build-kind-node: %s\n' "$*" >&2; exit 3; }
# shellcheck source=lib/go-wrapper-modules.sh
. "$(cd "$(dirname "$0")" && pwd)/lib/go-wrapper-modules.sh"
# shellcheck source=lib/debian-deb.sh
. "$(cd "$(dirname "$0")" && pwd)/lib/debian-deb.sh"
# shellcheck source=lib/network-policy-api.sh
. "$(cd "$(dirname "$0")" && pwd)/lib/network-policy-api.sh"
stamp_ok() { [ -f "$stamps/$1" ]; }
stamp() { mkdir -p "$stamps"; date +%s > "$stamps/$1"; }
image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

# The stand-ins: public images the course pulls on a learner's machine, built here under the same
# name and tag because no registry is reachable. What differs from upstream is said here once.
STAND_INS=(
  "nginx:1.27|Debian bookworm's nginx-light laid out as the official image (conf.d/default.conf on :80, /usr/share/nginx/html); Debian's nginx version"
  "busybox:1.36|busybox-static 1.37 from Debian trixie (bookworm's 1.35 segfaults on 'wget -T'); same applets the lessons use"
  "$PROBE_TAG|Debian bookworm with curl, bind9-dnsutils (nslookup, dig), iproute2, iptables, netcat; upstream is Alpine with many more tools"
  "$TRAEFIK_TAG|Traefik's own Go source at $TRAEFIK_VERSION (module proxy), built as its Makefile does, on scratch with CA certificates; the web dashboard's assets are not built (the course does not enable it)"
  "registry.k8s.io/coredns/coredns:$COREDNS_VERSION|CoreDNS $COREDNS_VERSION built with the plugins kubeadm's Corefile and the course use (COREDNS_PLUGINS), not all 50+"
  "registry.k8s.io/{kube-apiserver,kube-controller-manager,kube-scheduler,kube-proxy}:$K8S_VERSION, etcd:${ETCD_VERSION#v}-0, pause:$PAUSE_TAG|built from the upstream modules at those versions; pause is our own 40-line Go program"
)

mode="${1:-build}"
case "$mode" in
  --bin-dir) echo "$bin"; exit 0 ;;
  --stand-ins) for s in "${STAND_INS[@]}"; do printf '%-48s %s\n' "${s%%|*}" "${s#*|}"; done; exit 0 ;;
  --cached|build|--start-docker) ;;
  *) die "unknown argument '$1' (usage: scripts/build-kind-node.sh [--cached|--bin-dir|--start-docker|--stand-ins])" ;;
esac

start=$(date +%s)
mkdir -p "$bin" "$work" "$stamps" "$out"

# --- Docker -----------------------------------------------------------------------------
# Some sandboxes (this project's CI machines among them) run with a capability bounding set
# that lacks a capability or two (CAP_SYS_RESOURCE here). Docker's --privileged, which kind
# uses for its nodes (run and exec), asks runc for every capability the kernel knows, and
# runc then fails with "unable to apply caps: operation not permitted". The fix is a runc
# wrapper that drops the capabilities this machine cannot grant; dockerd uses it as its
# default runtime when this script starts dockerd. Elsewhere nothing changes.
CAP_NAMES=(chown dac_override dac_read_search fowner fsetid kill setgid setuid setpcap linux_immutable
  net_bind_service net_broadcast net_admin net_raw ipc_lock ipc_owner sys_module sys_rawio sys_chroot
  sys_ptrace sys_pacct sys_admin sys_boot sys_nice sys_resource sys_time sys_tty_config mknod lease
  audit_write audit_control setfcap mac_override mac_admin syslog wake_alarm block_suspend audit_read
  perfmon bpf checkpoint_restore)
missing_caps() {
  local bnd; bnd=$(awk '/^CapBnd/ {print $2}' /proc/self/status)
  for i in "${!CAP_NAMES[@]}"; do
    (( (0x$bnd >> i) & 1 )) || printf 'CAP_%s\n' "${CAP_NAMES[$i]^^}"
  done
}
write_runc_wrapper() { # path caps...
  local path=$1; shift
  local drop; drop=$(printf '"%s",' "$@"); drop="[${drop%,}]"
  local filter='with_entries(.value |= map(select(. as \\$c | \\$d | index(\\$c) | not)))'
  {
    echo '#!/bin/sh'
    echo "# Written by kubelessons' scripts/build-kind-node.sh: runc without the capabilities this"
    echo "# machine's bounding set does not hold ($*), so docker run/exec --privileged work."
    echo "drop='$drop'"
    cat <<'EOF'
fix() { # file jq-path
  [ -f "$1" ] || return 0
  jq --argjson d "$drop" "$2 |= (if . == null then . else FILTER end)" "$1" > "$1.kl" && mv "$1.kl" "$1"
}
prev=
for a in "$@"; do
  case "$prev" in
    --bundle|-b) fix "$a/config.json" .process.capabilities ;;
    --process|-p) fix "$a" .capabilities ;;
  esac
  case "$a" in --bundle=*) fix "${a#--bundle=}/config.json" .process.capabilities ;; esac
  prev="$a"
done
exec runc "$@"
EOF
  } | sed "s/FILTER/$filter/" > "$path.tmp"
  chmod 0755 "$path.tmp"; mv "$path.tmp" "$path"
}
docker_caps_ok() { # nothing is missing, or dockerd runs with our wrapper
  [ -z "$(missing_caps)" ] && return 0
  docker info --format '{{.DefaultRuntime}}' 2>/dev/null | grep -q kl-runc
}
ensure_docker() {
  command -v docker >/dev/null 2>&1 || die "docker is not installed (Debian: apt-get install -y docker.io)"
  if docker info >/dev/null 2>&1; then
    docker_caps_ok || die "Docker runs, but --privileged containers fail on this machine (its capability bounding set lacks $(missing_caps | tr '\n' ' ')). Stop dockerd and run this script again: it starts dockerd with a runc wrapper that drops those capabilities."
    return 0
  fi
  command -v dockerd >/dev/null 2>&1 || die "Docker is not running and dockerd is not installed (Debian: apt-get install -y docker.io)"
  local args=() caps; caps=$(missing_caps)
  if [ -n "$caps" ]; then
    command -v jq >/dev/null 2>&1 || die "jq is needed for the runc wrapper (apt-get install -y jq)"
    mkdir -p "$cache_root/kind"
    # shellcheck disable=SC2086
    write_runc_wrapper "$cache_root/kind/kl-runc" $caps
    args=(--add-runtime "kl-runc=$cache_root/kind/kl-runc" --default-runtime kl-runc)
    log "this machine's capability bounding set lacks $(echo $caps): dockerd gets the runc wrapper $cache_root/kind/kl-runc"
  fi
  log "starting dockerd ${args[*]} (log: /var/log/kubelessons-dockerd.log)"
  nohup dockerd "${args[@]}" >/var/log/kubelessons-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && return 0; sleep 1; done
  die "dockerd did not start; see /var/log/kubelessons-dockerd.log"
}

# --- progress -----------------------------------------------------------------------------
# A cold build takes many minutes: every step says where it is ("step 4/11"), the time since
# the start, and how long that step usually takes cold on 2 cores (measured, bench/RESULTS.md),
# and a step that runs longer than a minute says so every minute.
STEPS_TOTAL=11
elapsed() { local s=$(( $(date +%s) - start )); printf '%d:%02d' $((s / 60)) $((s % 60)); }
# run_step N NAME USUAL CMD...: runs step N (of STEPS_TOTAL), CMD, with progress lines; USUAL is
# its usual cold time ("2 min"). Numbers are given, not counted: two lanes run at once.
run_step() {
  local n=$1 name=$2 usual=$3; shift 3
  local t0; t0=$(date +%s)
  log "step $n/$STEPS_TOTAL: $name (at $(elapsed); usually $usual cold)"
  "$@" &
  local pid=$! waited=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 2; waited=$((waited + 2))
    (( waited % 60 == 0 )) && log "step $n/$STEPS_TOTAL: $name still running ($(( $(date +%s) - t0 )) s so far; usually $usual cold; total $(elapsed))"
  done
  wait "$pid" || return $?
  log "step $n/$STEPS_TOTAL: $name done in $(( $(date +%s) - t0 )) s"
}

# --- Go binaries --------------------------------------------------------------------------
export GOFLAGS="${GOFLAGS:-} -mod=mod -buildvcs=false -p=${GO_PARALLEL}"

go_install() { # name module@version [ldflags]
  local name=$1 pkg=$2 ld=${3:--s -w}
  [ -x "$bin/$name" ] && { log "$name: cached"; return; }
  local gobin="$work/gobin-$name"; mkdir -p "$gobin"
  GOBIN="$gobin" CGO_ENABLED=0 go install -trimpath -ldflags "$ld" "$pkg" || die "go install $pkg failed"
  mv "$gobin/$(basename "${pkg%@*}")" "$bin/$name"
}

kwok_bin() { echo "$cache_root/kwok/k8s-${K8S_VERSION}_etcd-${ETCD_VERSION}_kwok-v0.8.0/bin"; }

# Every Kubernetes command is static (CGO_ENABLED=0) and built from the same wrapper module
# as the kwok build's, so Go's build cache holds most of their packages already: kubelet
# with cgo would recompile all of them (12.7 min cold instead of about 2).
build_kubernetes() {
  local dir="$work/kubernetes" need=()
  for cmd in kubeadm kubelet kubectl kube-proxy kube-apiserver kube-controller-manager kube-scheduler; do
    [ -x "$bin/$cmd" ] || need+=("$cmd")
  done
  [ ${#need[@]} -eq 0 ] && { log "kubernetes binaries: cached"; return; }
  # The control-plane binaries are the very ones scripts/build-kwok.sh builds (same pins): reuse them.
  for cmd in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    if [ ! -x "$bin/$cmd" ] && [ -x "$(kwok_bin)/$cmd" ]; then cp "$(kwok_bin)/$cmd" "$bin/$cmd"; log "$cmd: reused from $(kwok_bin)"; fi
  done
  if [ ! -f "$dir/go.mod" ]; then
    kubernetes_wrapper_module "$dir" kubelessons.local/kindbuild kube-apiserver kube-controller-manager kube-proxy kube-scheduler kubeadm kubectl kubelet
  fi
  local ld; ld=$(kubernetes_ldflags)
  for cmd in kubelet kubeadm kube-proxy kubectl kube-apiserver kube-controller-manager kube-scheduler; do
    [ -x "$bin/$cmd" ] && continue
    log "$cmd: go build (CGO_ENABLED=0)"
    (cd "$dir" && CGO_ENABLED=0 go build -trimpath -ldflags "$ld" -o "$bin/$cmd.tmp" "k8s.io/kubernetes/cmd/$cmd") \
      || die "go build of $cmd failed (module resolution log: $dir/tidy.log)"
    mv "$bin/$cmd.tmp" "$bin/$cmd"
  done
}

build_etcd() {
  [ -x "$bin/etcd" ] && { log "etcd: cached"; return; }
  if [ -x "$(kwok_bin)/etcd" ]; then cp "$(kwok_bin)/etcd" "$bin/etcd"; log "etcd: reused from $(kwok_bin)"; return; fi
  local dir="$work/etcd"
  etcd_wrapper_module "$dir" kubelessons.local/etcdbuild
  (cd "$dir" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$bin/etcd.tmp" go.etcd.io/etcd/server/v3) || die "go build of etcd failed"
  mv "$bin/etcd.tmp" "$bin/etcd"
}

# CoreDNS with the plugins that kubeadm's Corefile uses and a few a learner may add while
# debugging, compiled in the way CoreDNS documents for custom builds (coremain plus plugin
# imports). All 50+ plugins pull the AWS, Azure and Google SDKs: 10.9 min cold instead of ~2.
COREDNS_PLUGINS="errors log debug health ready kubernetes k8s_external metrics forward cache loop reload loadbalance hosts rewrite template whoami autopath"
build_coredns() {
  [ -x "$bin/coredns" ] && { log "coredns: cached"; return; }
  local dir="$work/coredns"; rm -rf "$dir"; mkdir -p "$dir"
  printf 'module kubelessons.local/corednsbuild\ngo 1.24\nrequire github.com/coredns/coredns %s\n' "$COREDNS_VERSION" > "$dir/go.mod"
  {
    printf '// CoreDNS %s with the plugins kubelessons needs (scripts/build-kind-node.sh).\npackage main\n\nimport (\n' "$COREDNS_VERSION"
    for p in $COREDNS_PLUGINS; do printf '\t_ "github.com/coredns/coredns/plugin/%s"\n' "$p"; done
    printf '\n\t"github.com/coredns/coredns/coremain"\n)\n\nfunc main() { coremain.Run() }\n'
  } > "$dir/main.go"
  (cd "$dir" && go mod tidy >"$dir/tidy.log" 2>&1) || die "go mod tidy for coredns failed (see $dir/tidy.log)"
  (cd "$dir" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X github.com/coredns/coredns/coremain.GitCommit=$COREDNS_VERSION" -o "$bin/coredns.tmp" .) \
    || die "go build of coredns failed"
  mv "$bin/coredns.tmp" "$bin/coredns"
}

# Traefik from its own module at TRAEFIK_VERSION, built in its own module directory so that its
# go.mod (replace directives, pins) and go.sum apply, with the ldflags of its Makefile.
build_traefik() {
  [ -x "$bin/traefik" ] && { log "traefik: cached"; return; }
  local mod dir="$work/traefik-src"
  mod=$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "github.com/traefik/traefik/v3@$TRAEFIK_VERSION" | jq -r .Dir) \
    || die "cannot download github.com/traefik/traefik/v3@$TRAEFIK_VERSION from the Go module proxy"
  rm -rf "$dir"; cp -r "$mod" "$dir"; chmod -R u+w "$dir"
  (cd "$dir" && GOFLAGS="-mod=readonly -buildvcs=false -p=${GO_PARALLEL}" CGO_ENABLED=0 go build -trimpath -ldflags "-s -w \
      -X github.com/traefik/traefik/v3/pkg/version.Version=$TRAEFIK_VERSION \
      -X github.com/traefik/traefik/v3/pkg/version.Codename=$TRAEFIK_CODENAME \
      -X github.com/traefik/traefik/v3/pkg/version.BuildDate=1970-01-01T00:00:00Z" -o "$bin/traefik.tmp" ./cmd/traefik) \
    || die "go build of traefik failed"
  mv "$bin/traefik.tmp" "$bin/traefik"
  rm -rf "$dir"
}

# build_own NAME: one of the project's own Go programs, cluster/images/NAME, into $bin/NAME. Keyed by what the
# binary is built from (not the tests); an identical rebuilt binary keeps its timestamp, so that the images
# (images_key) are not rebuilt for nothing.
build_own() {
  local name=$1 src="$root/cluster/images/$1" sum
  sum=$(cd "$src" && cat go.mod go.sum $(ls ./*.go | grep -v '_test\.go$') | sha256sum | cut -c1-12)
  [ -x "$bin/$name" ] && [ "$(cat "$bin/$name.sum" 2>/dev/null)" = "$sum" ] && { log "$name: cached"; return; }
  (cd "$src" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$bin/$name.tmp" .) || die "go build of $name failed"
  if cmp -s "$bin/$name.tmp" "$bin/$name"; then rm -f "$bin/$name.tmp"; log "$name: binary unchanged"; else mv "$bin/$name.tmp" "$bin/$name"; fi
  echo "$sum" > "$bin/$name.sum"
}

# The CNI plugins in their own module directory (its go.mod and go.sum apply; module zips carry no vendor/).
build_cni_plugins() {
  local p missing=no
  for p in $CNI_PLUGINS; do [ -x "$bin/cni/${p#*/}" ] || missing=yes; done
  [ $missing = no ] && { log "CNI plugins: cached"; return; }
  local mod dir="$work/cni-plugins-src"
  mod=$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "github.com/containernetworking/plugins@$CNI_PLUGINS_VERSION" | jq -r .Dir) \
    || die "cannot download github.com/containernetworking/plugins@$CNI_PLUGINS_VERSION from the Go module proxy"
  rm -rf "$dir"; cp -r "$mod" "$dir"; chmod -R u+w "$dir"; mkdir -p "$bin/cni"
  for p in $CNI_PLUGINS; do
    (cd "$dir" && GOFLAGS="-mod=mod -buildvcs=false -p=${GO_PARALLEL}" CGO_ENABLED=0 go build -trimpath -ldflags "-s -w \
        -X github.com/containernetworking/plugins/pkg/utils/buildversion.BuildVersion=$CNI_PLUGINS_VERSION" \
        -o "$bin/cni/${p#*/}.tmp" "./plugins/$p") || die "go build of the CNI plugin $p failed"
    mv "$bin/cni/${p#*/}.tmp" "$bin/cni/${p#*/}"
  done
  rm -rf "$dir"
}

build_pause() { # a pause process of our own (cluster/images/pause/pause.go): sleeps, reaps, exits on TERM/INT
  [ -x "$bin/pause" ] && { log "pause: cached"; return; }
  (cd "$root/cluster/images/pause" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$bin/pause" pause.go) || die "go build of pause failed"
}

# Two lanes on 2 cores (cold, measured on a quiet machine): Traefik alone (10.5 min) beside
# everything else (Kubernetes' commands on the kwok build's cached packages, kind, crictl,
# CoreDNS, our own: 7 min). The build takes as long as the longer lane: 11 min 11 s in all.
build_our_own() { build_pause; build_own kl-netd; }
lane_traefik() {
  run_step 7 "traefik $TRAEFIK_VERSION (beside the other Go builds)" "10.5 min" build_traefik
}
lane_others() {
  run_step 2 "kubelet, kubeadm, kube-proxy (reusing the kwok build's packages)" "2 min" build_kubernetes \
    && run_step 3 "etcd" "0 s (reused from the kwok build)" build_etcd \
    && run_step 4 "kind $KIND_VERSION" "30 s" go_install kind "sigs.k8s.io/kind@${KIND_VERSION}" \
    && run_step 5 "crictl $CRICTL_VERSION" "2 min" go_install crictl "sigs.k8s.io/cri-tools/cmd/crictl@${CRICTL_VERSION}" "-s -w -X sigs.k8s.io/cri-tools/pkg/version.Version=${CRICTL_VERSION}" \
    && run_step 6 "coredns $COREDNS_VERSION" "3 min" build_coredns \
    && run_step 6 "CNI plugins $CNI_PLUGINS_VERSION (host-local, loopback, ptp, portmap, as kind's node image)" "1 min" build_cni_plugins \
    && run_step 8 "pause and kl-netd (our own)" "10 s" build_our_own
}
build_go() { # both lanes, or one: KUBELESSONS_KIND_STEPS=go-traefik / go-others
  command -v go >/dev/null 2>&1 || die "Go is not installed (Debian: apt-get install golang-go; 1.24 or newer)"
  command -v jq >/dev/null 2>&1 || die "jq is needed (Debian: apt-get install -y jq)"
  local t=
  if has go || has go-traefik; then lane_traefik & t=$!; fi
  if has go || has go-others; then lane_others || { [ -z "$t" ] || wait "$t"; die "a Go build failed (see above)"; }; fi
  [ -z "$t" ] || wait "$t" || die "the Traefik build failed (see above)"
}

# --- Debian root filesystems ------------------------------------------------------------------
NODE_PKGS=systemd,systemd-sysv,dbus,containerd,runc,iptables,nftables,conntrack,ethtool,socat,mount,util-linux,iproute2,kmod,ca-certificates,curl,jq,procps,bash,libseccomp2,pigz,ebtables,ipset,less,ipvsadm
TOOLS_PKGS=iptables,nftables,conntrack,ipset,iproute2,ca-certificates,curl,bind9-dnsutils,nginx-light,busybox-static,procps,netcat-openbsd
# The node's packages before ipvsadm came in and the CNI plugins came from their own source: a root filesystem
# stamped before the stamps held their package list was built from this list.
NODE_PKGS_BEFORE_LISTS=systemd,systemd-sysv,dbus,containerd,runc,containernetworking-plugins,iptables,nftables,conntrack,ethtool,socat,mount,util-linux,iproute2,kmod,ca-certificates,curl,jq,procps,bash,libseccomp2,pigz,ebtables,ipset,less
mmdebstrap_import() { # stamp tag packages [packages of a stamp without a list]
  local name=$1 tag=$2 pkgs=$3 before=${4:-$3}
  # the stamp holds the package list: a changed list (ipvsadm added) rebuilds this root filesystem only
  stamp_ok "$name" && image_exists "$tag" && [ "$(cat "$stamps/$name.pkgs" 2>/dev/null || echo "$before")" = "$pkgs" ] \
    && { log "$tag: cached"; return; }
  command -v mmdebstrap >/dev/null 2>&1 || die "mmdebstrap is not installed (Debian: apt-get install -y mmdebstrap)"
  log "$tag: mmdebstrap $SUITE ($pkgs)"
  local dir="$work/$name.dir"
  rm -rf "$dir"
  mmdebstrap --variant=minbase --format=directory --include="$pkgs" --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --aptopt='Acquire::Check-Valid-Until "false"' \
    "$SUITE" "$dir" || die "mmdebstrap of $name failed"
  rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin
  tar -C "$dir" --numeric-owner -cf - . | docker import - "$tag" >/dev/null || die "docker import of $dir failed"
  rm -rf "$dir"
  stamp "$name"; echo "$pkgs" > "$stamps/$name.pkgs"
}

# --- images -----------------------------------------------------------------------------------
dbuild() { # tag context-dir (Dockerfile inside)
  log "image $1"
  docker build -q -t "$1" "$2" >/dev/null || die "docker build of $1 failed (context $2)"
}

build_images() {
  local want; want=$(images_key)
  if stamp_ok images && [ -f "$out/preload.tar" ] && [ "$(cat "$stamps/images.key" 2>/dev/null)" = "$want" ]; then
    local all=yes
    for t in $(cat "$out/preload.list") nginx:1.27 busybox:1.36 "$PROBE_TAG" "$TRAEFIK_TAG"; do image_exists "$t" || all=no; done
    [ $all = yes ] && { log "preloaded and lesson images: cached"; return; }
  fi
  local ctx="$work/ctx"; rm -rf "$ctx"; mkdir -p "$ctx"
  local reg=registry.k8s.io
  # static control-plane binaries FROM scratch
  for cmd in kube-apiserver kube-controller-manager kube-scheduler; do
    mkdir -p "$ctx/$cmd"; cp "$bin/$cmd" "$ctx/$cmd/"
    printf 'FROM scratch\nCOPY %s /usr/local/bin/%s\nENV PATH=/usr/local/bin\nENTRYPOINT ["/usr/local/bin/%s"]\n' "$cmd" "$cmd" "$cmd" > "$ctx/$cmd/Dockerfile"
    dbuild "$reg/$cmd:$K8S_VERSION" "$ctx/$cmd"
  done
  mkdir -p "$ctx/etcd/tmp"; cp "$bin/etcd" "$ctx/etcd/"
  printf 'FROM scratch\nCOPY etcd /usr/local/bin/etcd\nCOPY tmp /tmp\nENV PATH=/usr/local/bin\nENTRYPOINT ["/usr/local/bin/etcd"]\n' > "$ctx/etcd/Dockerfile"
  dbuild "$reg/etcd:${ETCD_VERSION#v}-0" "$ctx/etcd"
  mkdir -p "$ctx/coredns/etc"; cp "$bin/coredns" "$ctx/coredns/"; echo 'nobody:x:65534:65534:nobody:/:/sbin/nologin' > "$ctx/coredns/etc/passwd"
  printf 'FROM scratch\nCOPY etc /etc\nCOPY coredns /coredns\nEXPOSE 53 53/udp\nENTRYPOINT ["/coredns"]\n' > "$ctx/coredns/Dockerfile"
  dbuild "$reg/coredns/coredns:$COREDNS_VERSION" "$ctx/coredns"
  mkdir -p "$ctx/pause"; cp "$bin/pause" "$ctx/pause/"
  printf 'FROM scratch\nCOPY pause /pause\nUSER 65535:65535\nENTRYPOINT ["/pause"]\n' > "$ctx/pause/Dockerfile"
  dbuild "$reg/pause:$PAUSE_TAG" "$ctx/pause"
  # kube-proxy and the network agent need iptables, conntrack, ip: on the Debian tools rootfs
  mkdir -p "$ctx/kube-proxy"; cp "$bin/kube-proxy" "$ctx/kube-proxy/"
  printf 'FROM %s\nCOPY kube-proxy /usr/local/bin/kube-proxy\nENTRYPOINT ["/usr/local/bin/kube-proxy"]\n' "$TOOLS_TAG" > "$ctx/kube-proxy/Dockerfile"
  dbuild "$reg/kube-proxy:$K8S_VERSION" "$ctx/kube-proxy"
  mkdir -p "$ctx/kl-netd"; cp "$bin/kl-netd" "$ctx/kl-netd/"
  printf 'FROM %s\nCOPY kl-netd /usr/local/bin/kl-netd\nENTRYPOINT ["/usr/local/bin/kl-netd"]\n' "$TOOLS_TAG" > "$ctx/kl-netd/Dockerfile"
  dbuild "$NETD_TAG" "$ctx/kl-netd"
  # lesson workloads
  mkdir -p "$ctx/nginx"
  cat > "$ctx/nginx/Dockerfile" <<EOF
FROM $TOOLS_TAG
RUN ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log \\
 && rm -f /etc/nginx/sites-enabled/default \\
 && printf 'server {\\n    listen 80;\\n    server_name localhost;\\n    location / {\\n        root /usr/share/nginx/html;\\n        index index.html index.htm;\\n    }\\n}\\n' > /etc/nginx/conf.d/default.conf
EXPOSE 80
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
EOF
  dbuild nginx:1.27 "$ctx/nginx"   # Debian's nginx laid out as the official image: conf.d/default.conf on :80, /usr/share/nginx/html
  mkdir -p "$ctx/busybox"
  dpkg-deb --fsys-tarfile "$(busybox_deb)" | tar -xO ./usr/bin/busybox > "$ctx/busybox/busybox" && chmod 755 "$ctx/busybox/busybox" \
    || die "cannot unpack busybox from $(busybox_deb)"
  cat > "$ctx/busybox/Dockerfile" <<EOF
FROM $TOOLS_TAG AS src
COPY busybox /out/bin/busybox
RUN mkdir -p /out/bin /out/etc /out/tmp /out/root && chmod 1777 /out/tmp \\
 && for applet in \$(/out/bin/busybox --list); do [ -e /out/bin/\$applet ] || ln -s busybox /out/bin/\$applet; done \\
 && printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > /out/etc/passwd \\
 && printf 'root:x:0:\nnobody:x:65534:\n' > /out/etc/group
FROM scratch
COPY --from=src /out /
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CMD ["sh"]
EOF
  dbuild busybox:1.36 "$ctx/busybox"
  mkdir -p "$ctx/probe"   # nicolaka/netshoot's tools that the checks and lessons use: curl, nslookup, dig, ip, nc
  printf 'FROM %s\nCMD ["bash"]\n' "$TOOLS_TAG" > "$ctx/probe/Dockerfile"
  dbuild "$PROBE_TAG" "$ctx/probe"
  mkdir -p "$ctx/traefik"; cp "$bin/traefik" "$ctx/traefik/"   # laid out as Traefik's own Dockerfile: /traefik, CA certificates
  cat > "$ctx/traefik/Dockerfile" <<EOF
FROM $TOOLS_TAG AS src
RUN mkdir -p /out/etc/ssl/certs /out/tmp && cp /etc/ssl/certs/ca-certificates.crt /out/etc/ssl/certs/ && chmod 1777 /out/tmp
FROM scratch
COPY --from=src /out /
COPY traefik /traefik
EXPOSE 80
VOLUME ["/tmp"]
ENTRYPOINT ["/traefik"]
EOF
  dbuild "$TRAEFIK_TAG" "$ctx/traefik"
  local preload=("$reg/kube-apiserver:$K8S_VERSION" "$reg/kube-controller-manager:$K8S_VERSION" "$reg/kube-scheduler:$K8S_VERSION"
    "$reg/kube-proxy:$K8S_VERSION" "$reg/etcd:${ETCD_VERSION#v}-0" "$reg/coredns/coredns:$COREDNS_VERSION" "$reg/pause:$PAUSE_TAG" "$NETD_TAG")
  log "saving ${#preload[@]} images for the node's containerd"
  docker save -o "$out/preload.tar.tmp" "${preload[@]}" || die "docker save failed"
  mv "$out/preload.tar.tmp" "$out/preload.tar"
  printf '%s\n' "${preload[@]}" > "$out/preload.list"
  rm -rf "$ctx"
  echo "$want" > "$stamps/images.key"
  stamp images
}
# busybox from Debian trixie (1.37): bookworm's busybox 1.35 segfaults on 'wget -T', which the lessons use
BUSYBOX_SUITE="${BUSYBOX_SUITE:-trixie}"
busybox_deb() { debian_deb "$BUSYBOX_SUITE" busybox-static "$work/debs"; }

images_key() { # what the images are made of: the binaries, the base rootfs and the busybox package
  { basename "$(busybox_deb)"
 for b in kube-apiserver kube-controller-manager kube-scheduler kube-proxy etcd coredns pause kl-netd traefik; do stat -c '%n %s %Y' "$bin/$b"; done
    docker image inspect -f '{{.Id}}' "$TOOLS_TAG"; } | sha256sum | cut -c1-12
}

# --- the node image ---------------------------------------------------------------------------
# The ClusterNetworkPolicy CRD, cached per network-policy-api version (never committed).
netpol_crd="$work/network-policy-api-${NETPOL_API_VERSION}-clusternetworkpolicies.yaml"
fetch_netpol_crd() {
  [ -s "$netpol_crd" ] && return
  log "ClusterNetworkPolicy CRD: sigs.k8s.io/network-policy-api@${NETPOL_API_VERSION} from the Go module proxy"
  (cd "$work" && netpol_api_crd "$netpol_crd")
  # kind runs the default CNI manifest through Go's text/template: the CRD must not hold its delimiters
  if grep -q '{{' "$netpol_crd"; then rm -f "$netpol_crd"; die "the ClusterNetworkPolicy CRD contains '{{', which kind's templating of default-cni.yaml would misread"; fi
}

build_node() {
  fetch_netpol_crd
  stamp_ok node && image_exists "$NODE_TAG" && [ "$(cat "$stamps/node.src" 2>/dev/null)" = "$(node_src_sum)" ] \
    && { log "$NODE_TAG: cached"; return; }
  local ctx="$work/nodectx"; rm -rf "$ctx"; mkdir -p "$ctx/usr/bin" "$ctx/usr/local/bin"
  for b in kubeadm kubelet kubectl; do cp "$bin/$b" "$ctx/usr/bin/"; done
  cp "$bin/crictl" "$ctx/usr/local/bin/"
  mkdir -p "$ctx/opt/cni/bin"; for p in $CNI_PLUGINS; do cp "$bin/cni/${p#*/}" "$ctx/opt/cni/bin/"; done
  cp -a "$root/cluster/node/." "$ctx/"
  # kind applies /kind/manifests/default-cni.yaml (kubectl create) at cluster creation: the CRD
  # goes in as one more document, so every cluster from this image serves ClusterNetworkPolicy
  { printf -- '---\n# ClusterNetworkPolicy CRD, sigs.k8s.io/network-policy-api %s, config/crd/standard (added by scripts/build-kind-node.sh)\n' "$NETPOL_API_VERSION"
    cat "$netpol_crd"; } >> "$ctx/kind/manifests/default-cni.yaml"
  log "$NODE_TAG: layering Kubernetes onto $ROOTFS_TAG"
  cat > "$ctx/Dockerfile" <<EOF
FROM $ROOTFS_TAG
COPY usr /usr
COPY etc /etc
COPY kind /kind
COPY opt /opt
RUN chmod 0755 /usr/local/bin/entrypoint \\
 && mkdir -p /opt/cni/bin /etc/cni/net.d /etc/kubernetes/manifests /var/lib/kubelet \\
 && find /lib/systemd/system/sysinit.target.wants/ -name systemd-tmpfiles-setup.service -delete \\
 && rm -f /lib/systemd/system/multi-user.target.wants/* /etc/systemd/system/*.wants/* \\
          /lib/systemd/system/local-fs.target.wants/* /lib/systemd/system/sockets.target.wants/*udev* \\
          /lib/systemd/system/sockets.target.wants/*initctl* /lib/systemd/system/basic.target.wants/* \\
 && echo "ReadKMsg=no" >> /etc/systemd/journald.conf \\
 && systemctl enable kubelet.service containerd.service \\
 && systemctl mask systemd-binfmt.service getty@tty1.service console-getty.service \\
 && ctr oci spec | jq 'del(.process.rlimits)' > /etc/containerd/cri-base.json \\
 && echo "$K8S_VERSION" > /kind/version \\
 && sed -i -e "s#@PAUSE@#registry.k8s.io/pause:$PAUSE_TAG#" /etc/containerd/config.toml \\
 && sed -i -e "s#@NETD@#$NETD_TAG#" /kind/manifests/default-cni.yaml \\
 && rm -f /etc/machine-id && touch /etc/machine-id
ENV container=docker
STOPSIGNAL SIGRTMIN+3
ENTRYPOINT ["/usr/local/bin/entrypoint"]
CMD ["/sbin/init"]
EOF
  docker build -q -t "$NODE_TAG-stage1" "$ctx" >/dev/null || die "docker build of the node image failed (context $ctx)"
  # Preload: run the image, start its containerd, import the saved images into namespace k8s.io
  # without unpacking (no snapshotter needed at build time), then commit.
  log "$NODE_TAG: importing $(wc -l < "$out/preload.list") images into the node's containerd"
  docker rm -f kubelessons-node-build >/dev/null 2>&1 || true
  docker run -d --name kubelessons-node-build --privileged --entrypoint sleep "$NODE_TAG-stage1" infinity >/dev/null
  docker cp "$out/preload.tar" kubelessons-node-build:/preload.tar
  docker exec kubelessons-node-build bash -c 'set -e; nohup containerd >/tmp/containerd.log 2>&1 &
    for i in $(seq 1 30); do [ -S /run/containerd/containerd.sock ] && ctr version >/dev/null 2>&1 && break; sleep 1; done
    ctr --namespace=k8s.io images import --label=io.cri-containerd.pinned=pinned --all-platforms --no-unpack --digests /preload.tar
    ctr --namespace=k8s.io images list -q
    pkill containerd; sleep 1; rm -f /preload.tar' >&2 || { docker rm -f kubelessons-node-build >/dev/null; die "importing images into the node's containerd failed"; }
  docker commit -c 'ENTRYPOINT ["/usr/local/bin/entrypoint"]' -c 'CMD ["/sbin/init"]' -c 'ENV container=docker' \
    kubelessons-node-build "$NODE_TAG" >/dev/null
  docker rm -f kubelessons-node-build >/dev/null
  docker rmi "$NODE_TAG-stage1" >/dev/null 2>&1 || true
  rm -rf "$ctx"
  node_src_sum > "$stamps/node.src"
  stamp node
}
node_src_sum() { # the node's own files, the CRD, its binaries, its base and the preloaded images
  { (cd "$root/cluster/node" && find . -type f | sort | xargs cat); cat "$netpol_crd"; cat "$stamps/images.key" 2>/dev/null
    for b in kubeadm kubelet kubectl crictl $(for p in $CNI_PLUGINS; do echo "cni/${p#*/}"; done); do stat -c '%n %s %Y' "$bin/$b"; done
    docker image inspect -f '{{.Id}}' "$ROOTFS_TAG"; } | sha256sum | cut -c1-12
}

if [ "$mode" = --cached ]; then # never builds; starts Docker (with the wrapper this machine may need) if the image is built
  stamp_ok node && command -v docker >/dev/null 2>&1 || exit 1
  ensure_docker >/dev/null 2>&1 || exit 1
  image_exists "$NODE_TAG" && { echo "$NODE_TAG"; exit 0; }
  exit 1
fi
if [ "$mode" = --start-docker ]; then ensure_docker; docker info --format 'dockerd runs (default runtime {{.DefaultRuntime}})'; exit 0; fi
only="${KUBELESSONS_KIND_STEPS:-go,rootfs,images,node}"
has() { [[ ",$only," == *,$1,* ]]; }
if has rootfs || has images || has node; then ensure_docker; fi
build_rootfs() { mmdebstrap_import node-rootfs "$ROOTFS_TAG" "$NODE_PKGS" "$NODE_PKGS_BEFORE_LISTS"; mmdebstrap_import tools-rootfs "$TOOLS_TAG" "$TOOLS_PKGS"; }
# The root filesystems are mostly downloads and unpacking: they go on while Go compiles.
rootfs_pid=
if has rootfs; then run_step 1 "Debian root filesystems (beside the Go builds)" "4 min" build_rootfs & rootfs_pid=$!; fi
if has go || has go-traefik || has go-others; then build_go; fi
if [ -n "$rootfs_pid" ]; then wait "$rootfs_pid" || die "assembling the Debian root filesystems failed (see above)"; fi
has images && run_step 9 "control-plane images and stand-ins" "20 s" build_images
has node && run_step 10 "ClusterNetworkPolicy CRD" "5 s" fetch_netpol_crd
has node && run_step 11 "node image (preloading $(wc -l < "$out/preload.list" 2>/dev/null || echo 8) images)" "30 s" build_node
stand_in_names=""; for s in "${STAND_INS[@]:0:4}"; do stand_in_names+="${s%%|*} "; done
log "done in $(elapsed): node image $NODE_TAG; kind CLI $bin/kind; stand-ins ${stand_in_names}(scripts/build-kind-node.sh --stand-ins says how they differ)"
echo "$NODE_TAG"
