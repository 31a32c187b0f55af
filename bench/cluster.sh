#!/usr/bin/env bash
# Times the kwok cluster with its binaries already cached:
#   api   - from starting 'cluster up' to the kube-apiserver answering /readyz
#   up    - the whole 'cluster up' (API plus 2 simulated nodes Ready)
#   pods  - from 'kubectl apply' of my-nginx (2 replicas) to 2 ready pods
# Each run starts from 'cluster down', so it is a fresh cluster every time. The CLI runs from the engine's
# classes (not through jbang) so the figure is the cluster's, plus one JVM start.
# Usage: bench/cluster.sh [RUNS]   (default 5; the cluster is left DOWN at the end)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-5}
state="${KUBELESSONS_STATE:-${XDG_STATE_HOME:-$HOME/.local/state}/kubelessons}"
kubeconfig="$state/kwok/clusters/kubelessons/kubeconfig.yaml"
out="$root/bench/out/cluster"
mkdir -p "$out"

bin=$(bash scripts/build-kwok.sh 2>/dev/null)   # builds once if cold; cached afterwards
kubectl="$bin/kubectl"
# A private copy of the classes: others may clean engine/target while this runs.
for attempt in 1 2 3; do
  (cd engine && mvn -B -q -Dstyle.color=never compile dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" >/dev/null) || true
  rm -rf "$out/classes" && cp -r engine/target/classes "$out/classes" 2>/dev/null || true
  [ -f "$out/classes/dev/kubelessons/cli/Main.class" ] && [ -s "$out/classpath.txt" ] && break
  [ "$attempt" = 3 ] && { echo "bench: could not compile the engine" >&2; exit 1; }
  sleep 10
done
cli=(java -cp "$out/classes:$(cat "$out/classpath.txt")" dev.kubelessons.cli.Main cluster)

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

cat > "$out/my-nginx.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata: {name: my-nginx, namespace: default}
spec:
  replicas: 2
  selector: {matchLabels: {app: my-nginx}}
  template:
    metadata: {labels: {app: my-nginx}}
    spec:
      containers: [{name: nginx, image: nginx:1.27, ports: [{containerPort: 80}]}]
YAML

"${cli[@]}" down --provider kwok >/dev/null 2>&1
: > "$out/figures.tsv"
printf 'run\tapi_s\tup_s\tpods_s\n'
for i in $(seq 1 "$runs"); do
  t0=$(now)
  "${cli[@]}" up --provider kwok > "$out/up-$i.log" 2>&1 &
  up_pid=$!
  # Polled every 20 ms: the API cannot be watched before it serves.
  until [ -f "$kubeconfig" ] && "$kubectl" --kubeconfig "$kubeconfig" get --raw /readyz >/dev/null 2>&1; do sleep 0.02; done
  t_api=$(now)
  wait "$up_pid" || { echo "cluster up failed, see $out/up-$i.log" >&2; exit 1; }
  t_up=$(now)
  t1=$(now)
  "$kubectl" --kubeconfig "$kubeconfig" apply -f "$out/my-nginx.yaml" >/dev/null
  "$kubectl" --kubeconfig "$kubeconfig" wait deploy/my-nginx --for=jsonpath='{.status.readyReplicas}'=2 --timeout=60s >/dev/null
  t_pods=$(now)
  printf '%s\t%s\t%s\t%s\n' "$i" "$(secs "$t0" "$t_api")" "$(secs "$t0" "$t_up")" "$(secs "$t1" "$t_pods")" | tee -a "$out/figures.tsv"
  "${cli[@]}" down --provider kwok >/dev/null 2>&1
done
printf 'median\t%s\t%s\t%s\n' "$(cut -f2 "$out/figures.tsv" | median)" "$(cut -f3 "$out/figures.tsv" | median)" "$(cut -f4 "$out/figures.tsv" | median)"
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(date -u +%Y-%m-%dT%H:%MZ)"
