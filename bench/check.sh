#!/usr/bin/env bash
# `--check` of a lesson on a warm kwok cluster, whole process (issue 15: under 1 s on a quiet machine): RUNS runs of
# `./jbang lesson LESSON --check --cluster kwok` after one warm-up (/usr/bin/time: wall, CPU = user + sys, peak RSS),
# medians. With BASELINE=<a folder from bench/snapshot.sh COMMIT>, that commit runs in turn with this tree (ours,
# baseline, ours, ...), each with a jbang cache of its own, on the same cluster and namespace, and the CPU and wall
# ratios are taken pair by pair. The lesson is solved first (--solve), so every check that can run here reads a real
# object. The kwok cluster lives under $KUBELESSONS_STATE (default bench/out/state); started if it is not running and
# stopped again at the end.
# Usage: bench/check.sh [RUNS] [LESSON]     e.g. BASELINE=$(bench/snapshot.sh 714bf6d) bench/check.sh 10
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs=${1:-10}
lesson=${2:-03-clusterip}
export KUBELESSONS_STATE=${KUBELESSONS_STATE:-$PWD/bench/out/state}
mkdir -p bench/out
machine
echo "kwok state: $KUBELESSONS_STATE"
echo

jar_cache=$(ls "${XDG_CACHE_HOME:-$HOME/.cache}"/kubelessons/jbang/jbang-cli-*-all.jar 2>/dev/null | head -1 || true)
kwok_cache=${XDG_CACHE_HOME:-$HOME/.cache}/kubelessons/kwok
setup_cache() {  # a jbang cache of its own for a tree, seeded with jbang's jar (no second download) and the kwok binaries (no cold build)
  mkdir -p "$1/kubelessons/jbang"
  [ -n "$jar_cache" ] && cp -n "$jar_cache" "$1/kubelessons/jbang/" 2>/dev/null || true
  [ -d "$kwok_cache" ] && [ ! -e "$1/kubelessons/kwok" ] && ln -s "$kwok_cache" "$1/kubelessons/kwok" || true
}
ours_cache=$PWD/bench/out/cache-check
setup_cache "$ours_cache"
[ -n "${BASELINE:-}" ] && setup_cache "$BASELINE/.cache-check"

started=
if ! XDG_CACHE_HOME=$ours_cache ./jbang lesson cluster status --provider kwok >/dev/null 2>&1; then
  echo "starting a kwok cluster (stopped again at the end)"
  XDG_CACHE_HOME=$ours_cache ./jbang lesson cluster up --provider kwok >bench/out/check-cluster-up.log 2>&1
  started=1
fi
stop_cluster() {
  [ -n "$started" ] && XDG_CACHE_HOME=$ours_cache ./jbang lesson cluster down --provider kwok >/dev/null 2>&1 || true
}
trap stop_cluster EXIT
XDG_CACHE_HOME=$ours_cache ./jbang lesson "$lesson" --solve --cluster kwok >bench/out/check-solve.log 2>&1 || true

# run TREE CACHE NAME: one timed --check, "wall cpu rssKiB" appended to bench/out/check-NAME.
run() {
  local tree=$1 cache=$2 name=$3
  (cd "$tree" && XDG_CACHE_HOME=$cache /usr/bin/time -f '%e %U %S %M' -o "$OLDPWD/bench/out/check.tmp" \
    ./jbang lesson "$lesson" --check --cluster kwok >/dev/null 2>&1) || true
  awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' bench/out/check.tmp >>"bench/out/check-$name"
}
rm -f bench/out/check-ours bench/out/check-base bench/out/check-warm
run . "$ours_cache" warm
[ -n "${BASELINE:-}" ] && run "$BASELINE" "$BASELINE/.cache-check" warm
for ((i = 1; i <= runs; i++)); do
  run . "$ours_cache" ours
  [ -n "${BASELINE:-}" ] && run "$BASELINE" "$BASELINE/.cache-check" base
done
echo "| \`lesson $lesson --check\` | wall s median (min - max) | CPU s median | peak MiB |$([ -n "${BASELINE:-}" ] && echo ' baseline wall / CPU s | wall ours ÷ baseline | CPU ours ÷ baseline |')"
walls=$(awk '{ print $1 }' bench/out/check-ours)
row="| ours | $(median $walls) ($(printf '%s\n' $walls | sort -g | head -1) - $(printf '%s\n' $walls | sort -g | tail -1)) | $(median $(awk '{ print $2 }' bench/out/check-ours)) | $(median $(awk '{ print $3 / 1024 }' bench/out/check-ours)) |"
if [ -n "${BASELINE:-}" ]; then
  wall_ratio=$(paste -d' ' bench/out/check-ours bench/out/check-base | awk '{ printf "%.3f\n", $1 / $4 }')
  cpu_ratio=$(paste -d' ' bench/out/check-ours bench/out/check-base | awk '{ printf "%.3f\n", $2 / $5 }')
  row="$row $(median $(awk '{ print $1 }' bench/out/check-base)) / $(median $(awk '{ print $2 }' bench/out/check-base)) | $(median $wall_ratio) | $(median $cpu_ratio) |"
fi
echo "$row"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs after one warm-up"
