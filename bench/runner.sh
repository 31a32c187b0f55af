#!/usr/bin/env bash
# Runner benchmark (issue 4), on a kwok cluster:
#   (a) `jbang lesson list` whole-process wall time, warm;
#   (b) click-to-check: one `jbang lesson 03-clusterip --check --cluster kwok`, whole process, and (in (c))
#       the in-process time of running all the lesson's checks once;
#   (c) latency from the API server accepting a change to the CheckWatcher's listener receiving the new
#       verdict, p50/p95 over FLIPS flips of sessionAffinity (bench/src/RunnerLatency.java);
#   (d) resident memory: of that benchmark's JVM, and of the real interactive runner
#       (`jbang lesson 03-clusterip`) while a learner's Service is edited under it.
# Usage: bench/runner.sh [RUNS] [FLIPS]    (defaults 5 and 100)
#
# The kwok cluster lives under $KUBELESSONS_STATE, by default bench/out/state: a cluster of the
# benchmark's own, so that tests using the default cluster are neither disturbed nor disturb it.
# If it was not running, it is started, and stopped at the end. Set KUBELESSONS_STATE to measure another.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs=${1:-5}
flips=${2:-100}
export KUBELESSONS_STATE=${KUBELESSONS_STATE:-$PWD/bench/out/state}
out=bench/out
mkdir -p "$out"

machine
echo "kwok state: $KUBELESSONS_STATE"
echo

started=
if ! ./jbang lesson cluster status --provider kwok >"$out/status.txt" 2>&1 || grep -q 'not running' "$out/status.txt"; then
  echo "starting a kwok cluster (stopped again at the end)"
  ./jbang lesson cluster up --provider kwok >"$out/cluster-up.log" 2>&1
  started=yes
  ./jbang lesson cluster status --provider kwok >"$out/status.txt" 2>&1
fi
stop_cluster() {
  if [ -z "$had_ns" ] && [ -z "$started" ]; then
    "${kubectl[@]}" delete namespace kl-03-clusterip --ignore-not-found --wait=false >/dev/null 2>&1 || true
  fi
  if [ -n "$started" ]; then
    ./jbang lesson cluster down --provider kwok >/dev/null 2>&1 || echo "could not stop the kwok cluster" >&2
  fi
}
trap stop_cluster EXIT
kubeconfig=$(sed -n 's/^kubeconfig: //p' "$out/status.txt")
context=$(sed -n 's/^context: //p' "$out/status.txt")
kubectl=(kubectl --kubeconfig "$kubeconfig" --context "$context")
echo "cluster: $context ($kubeconfig)"
# The lesson namespace that --check and the runner create: removed at the end unless it was there before.
had_ns=$("${kubectl[@]}" get namespace kl-03-clusterip -o name 2>/dev/null || true)

# (a) lesson list, warm
./jbang lesson list >/dev/null
l=()
for ((i = 1; i <= runs; i++)); do wall t ./jbang lesson list; l+=("$t"); done
echo "(a) jbang lesson list:                          $(stats "${l[@]}") s  (target < 1 s)"

# (b) click-to-check, whole process; the first run creates the lesson namespace and its setup
./jbang lesson 03-clusterip --check --cluster kwok >/dev/null 2>&1 || true
c=()
for ((i = 1; i <= runs; i++)); do wall t ./jbang lesson 03-clusterip --check --cluster kwok; c+=("$t"); done
echo "(b) jbang lesson 03-clusterip --check (kwok):   $(stats "${c[@]}") s"
echo

# (c) and (d): the watch latency benchmark, compiled against the engine's sources and Maven classpath.
# The engine is compiled into bench/out/engine-classes, not engine/target, which others' builds own.
(cd engine && mvn -q -o dependency:build-classpath -Dmdep.outputFile="../$out/cp.txt" >/dev/null)
cp=$(cat "$out/cp.txt")
rm -rf "$out/engine-classes" "$out/bench-classes"
javac -nowarn -d "$out/engine-classes" -cp "$cp" $(find engine/src/main/java -name '*.java') 2>&1 | grep -v '^Note:' || true
javac -d "$out/bench-classes" -cp "$out/engine-classes:$cp" bench/src/RunnerLatency.java
# The runner's own JVM options (engine/Lesson.java //JAVA_OPTIONS), so that memory is comparable.
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Dkubeconfig="$kubeconfig" -Dcontext="$context" \
  -cp "$out/bench-classes:$out/engine-classes:$cp" RunnerLatency "$flips" lessons 03-clusterip
echo

# (d) the real runner's memory: interactive `jbang lesson 03-clusterip`, while the Service is created
# and then edited 20 times under it
# (on step 3, which shows the affinity check). The wrapper execs the runner's JVM, so $! is the runner.
ns=kl-03-clusterip
rm -f "$out/runner.in"
mkfifo "$out/runner.in"
./jbang lesson 03-clusterip --cluster kwok --no-color <"$out/runner.in" >"$out/runner.out" 2>&1 &
runner=$!
exec 3>"$out/runner.in"
for ((i = 0; i < 120; i++)); do
  grep -q 'my-nginx' "$out/runner.out" 2>/dev/null && break
  sleep 0.5
done
printf 'n\nn\n' >&3   # to step 3, whose checks include session-affinity-clientip
sleep 2
"${kubectl[@]}" -n "$ns" delete service my-nginx --ignore-not-found >/dev/null
"${kubectl[@]}" -n "$ns" create service clusterip my-nginx --tcp=80:80 >/dev/null
for ((i = 0; i < 20; i++)); do
  if ((i % 2 == 0)); then
    patch='{"spec":{"sessionAffinity":"ClientIP"}}'
  else
    patch='{"spec":{"sessionAffinity":"None","sessionAffinityConfig":null}}'
  fi
  "${kubectl[@]}" -n "$ns" patch service my-nginx --type merge -p "$patch" >/dev/null
  sleep 0.5
done
sleep 2
rss=$(awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$runner/status")
hwm=$(awk '/^VmHWM/ {print int($2 / 1024)}' "/proc/$runner/status")
echo "q" >&3
exec 3>&-
wait "$runner" || true
rm -f "$out/runner.in"
"${kubectl[@]}" -n "$ns" delete service my-nginx --ignore-not-found >/dev/null
echo "(d) interactive runner (jbang lesson 03-clusterip) after 20 edits: VmRSS $rss MB, VmHWM (peak) $hwm MB  (target < 250 MB)"
echo "    its screen: $out/runner.out ($(grep -c 'PASS.*sessionAffinity ClientIP' "$out/runner.out" || true) PASS and $(grep -c 'FAIL.*sessionAffinity ClientIP' "$out/runner.out" || true) FAIL lines of the affinity check shown)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
