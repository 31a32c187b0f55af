#!/usr/bin/env bash
# Instructor mode under load (issue 6), on a kwok cluster of the benchmark's own:
#   (a) provisioning time of N attendees (default 200) x lesson 02-deployments, the real command
#       'lesson instructor provision' (target < 60 s), and re-provisioning the same attendees (idempotent run);
#   (b) the board ('lesson instructor serve', its own JVM): time until every cell has its first verdict;
#       update latency p50/p99 from an API write in an attendee's namespace to the SSE event (bench/src/InstructorLoad.java;
#       target p99 < 1 s);
#   (c) the board process's memory: resident set (RSS) and its peak (VmHWM), target < 512 MB.
# Usage: bench/instructor.sh [ATTENDEES] [SAMPLES]   (defaults 200 and 400). Rerunnable: tears the attendees down at the end.
# The cluster lives under $KUBELESSONS_STATE, by default bench/out/state-instructor; started if needed, stopped at the end if so.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
n=${1:-200}
samples=${2:-400}
export KUBELESSONS_STATE=${KUBELESSONS_STATE:-$PWD/bench/out/state-instructor}
out=bench/out/instructor
mkdir -p "$out"
machine
echo "kwok state: $KUBELESSONS_STATE"

# A private build of the engine: others may clean engine/target while this runs.
(cd engine && mvn -q -o dependency:build-classpath -Dmdep.outputFile="../$out/cp.txt" >/dev/null)
cp=$(cat "$out/cp.txt")
rm -rf "$out/engine-classes" "$out/bench-classes"
javac -nowarn -d "$out/engine-classes" -cp "$cp" $(find engine/src/main/java -name '*.java') 2>&1 | grep -v '^Note:' || true
javac -d "$out/bench-classes" -cp "$out/engine-classes:$cp" bench/src/InstructorLoad.java
cli=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Dkubelessons.root="$PWD" -cp "$out/engine-classes:$cp" dev.kubelessons.cli.Main)

started=
if ! "${cli[@]}" cluster status --provider kwok >"$out/status.txt" 2>&1 || grep -q 'not running' "$out/status.txt"; then
  echo "starting a kwok cluster (stopped again at the end)"
  "${cli[@]}" cluster up --provider kwok >"$out/cluster-up.log" 2>&1
  started=yes
  "${cli[@]}" cluster status --provider kwok >"$out/status.txt" 2>&1
fi
kubeconfig=$(sed -n 's/^kubeconfig: //p' "$out/status.txt")
context=$(sed -n 's/^context: //p' "$out/status.txt")
board_pid=
finish() {
  [ -n "$board_pid" ] && kill "$board_pid" 2>/dev/null || true
  "${cli[@]}" instructor teardown --cluster kwok >/dev/null 2>&1 || echo "teardown failed" >&2
  if [ -n "$started" ]; then "${cli[@]}" cluster down --provider kwok >/dev/null 2>&1 || true; fi
}
trap finish EXIT
"${cli[@]}" instructor teardown --cluster kwok >/dev/null 2>&1 || true

# (a) provisioning; CPU time (user + system of the whole process) besides the wall time, since other jobs may share the cores
wall t_prov cpu_time "$out/prov.time" "${cli[@]}" instructor provision --attendees "$n" --cluster kwok --lesson-ids 02-deployments --out "$out/kubeconfigs"
wall t_again cpu_time "$out/again.time" "${cli[@]}" instructor provision --attendees "$n" --cluster kwok --lesson-ids 02-deployments --out "$out/kubeconfigs"
echo "(a) provision $n attendees x 1 lesson:      $t_prov s, CPU $(cat "$out/prov.time") s  (target < 60 s); again, nothing to create: $t_again s, CPU $(cat "$out/again.time") s"
echo "    load: $(cut -d' ' -f1-3 /proc/loadavg)"

# (b) the board, in its own JVM with the runner's JVM options
"${cli[@]}" instructor serve --cluster kwok --lesson-ids 02-deployments --port 0 --stuck-minutes 10 >"$out/serve.out" 2>"$out/serve.err" &
board_pid=$!
t0=$(date +%s%N)
until grep -q '^instructor token: ' "$out/serve.out" 2>/dev/null; do
  kill -0 "$board_pid" 2>/dev/null || { echo "the board did not start, see $out/serve.err" >&2; exit 1; }
  sleep 0.1
done
url=$(sed -n 's/^board: \([^ ]*\).*/\1/p' "$out/serve.out")
token=$(sed -n 's/^instructor token: \([^ ]*\).*/\1/p' "$out/serve.out")
until curl -sf -H "Authorization: Bearer $token" "${url}api/state" >"$out/state.json" && ! grep -q '"state":"pending"' "$out/state.json"; do sleep 0.2; done
t1=$(date +%s%N)
echo "(b) board up, all $n cells evaluated:        $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s"
rss_idle=$(awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$board_pid/status")

attendees=$(seq -f 'attendee-%03g' 1 "$n")
java -Dkubeconfig="$kubeconfig" -Dcontext="$context" -cp "$out/bench-classes:$out/engine-classes:$cp" \
  InstructorLoad "$url" "$token" "$samples" $attendees >"$out/latency.txt" 2>"$out/latency.err"
echo "    update latency, API write -> SSE event:  $(tail -1 "$out/latency.err")  (target p99 < 1 s)"

# (c) memory
rss=$(awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$board_pid/status")
hwm=$(awk '/^VmHWM/ {print int($2 / 1024)}' "/proc/$board_pid/status")
threads=$(awk '/^Threads/ {print $2}' "/proc/$board_pid/status")
board_cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$board_pid/stat")
echo "    board process CPU (user + system) from start to the end of the load: $board_cpu s"
echo "(c) board process: RSS ${rss_idle} MB after start, ${rss} MB after the load, peak ${hwm} MB, ${threads} threads  (target < 512 MB)"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
