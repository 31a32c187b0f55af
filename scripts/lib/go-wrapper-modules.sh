# Shared by build-kwok.sh and build-kind-node.sh (sourced, not run): how Kubernetes' and etcd's
# commands are built from the Go module proxy alone.
#
# k8s.io/kubernetes replaces its staging modules (k8s.io/api, k8s.io/client-go, ...) with
# ./staging/... paths that a dependent module cannot see, and etcd's server module does the same
# with ../api etc. The published modules hold the same code, so a small wrapper module requires
# the real module and maps each staging module to its published version (v0.X.Y for v1.X.Y).

# kubernetes_wrapper_module DIR MODULE_NAME CMD...: writes DIR/go.mod and DIR/tools.go (importing
# k8s.io/kubernetes/cmd/CMD for each CMD) for K8S_VERSION, then resolves the modules.
kubernetes_wrapper_module() {
  local dir=$1 name=$2; shift 2
  local staging="v0.${K8S_VERSION#v1.}"
  mkdir -p "$dir"
  curl -fsS "$(go env GOPROXY | cut -d, -f1)/k8s.io/kubernetes/@v/${K8S_VERSION}.mod" -o "$dir/upstream.mod" \
    || die "cannot fetch k8s.io/kubernetes ${K8S_VERSION}'s go.mod from the Go module proxy ($(go env GOPROXY))"
  {
    echo "module $name"
    echo "go 1.24"
    echo "require k8s.io/kubernetes ${K8S_VERSION}"
    grep -E '^\s+k8s\.io/[a-z0-9-]+ => \./staging/' "$dir/upstream.mod" \
      | awk -v v="$staging" '{print "replace " $1 " => " $1 " " v}'
  } > "$dir/go.mod.tmp"
  {
    printf '//go:build tools\n\npackage tools\n\nimport (\n'
    for cmd in "$@"; do printf '\t_ "k8s.io/kubernetes/cmd/%s"\n' "$cmd"; done
    printf ')\n'
  } > "$dir/tools.go"
  mv "$dir/go.mod.tmp" "$dir/go.mod"
  (cd "$dir" && go mod tidy -e >/dev/null 2>"$dir/tidy.log" || true)
}

# kubernetes_ldflags: the version stamps `kubectl version` and the components report.
kubernetes_ldflags() {
  local minor="${K8S_VERSION#v1.}" ld="-s -w"; minor="${minor%%.*}"
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld+=" -X $p.gitVersion=${K8S_VERSION} -X $p.gitMajor=1 -X $p.gitMinor=${minor} -X $p.gitTreeState=clean -X $p.buildDate=1970-01-01T00:00:00Z"
  done
  echo "$ld"
}

# etcd_wrapper_module DIR MODULE_NAME: the same for go.etcd.io/etcd/server/v3 at ETCD_VERSION.
etcd_wrapper_module() {
  local dir=$1 name=$2
  mkdir -p "$dir"
  printf 'module %s\ngo 1.24\nrequire go.etcd.io/etcd/server/v3 %s\n' "$name" "$ETCD_VERSION" > "$dir/go.mod"
  printf '//go:build tools\n\npackage tools\n\nimport _ "go.etcd.io/etcd/server/v3"\n' > "$dir/tools.go"
  (cd "$dir" && go mod tidy -e >/dev/null 2>"$dir/tidy.log" || true)
}
