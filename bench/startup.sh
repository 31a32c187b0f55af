#!/usr/bin/env bash
# Command start-up (issue 15): `./jbang lesson --help`, `list` and `lint` of the real course, whole process
# (/usr/bin/time: wall, CPU = user + sys, peak RSS), RUNS runs each after one warm-up, medians. The target is
# < 0.5 s wall on a quiet machine and half the CPU of before. With BASELINE=<a folder from bench/snapshot.sh
# COMMIT>, that commit runs in turn with this tree (ours, baseline, ours, ...), each with a jbang cache of
# its own (the ./jbang wrapper keeps one launch plan per cache), and the CPU ratio is taken pair by pair.
# KUBELESSONS_NO_CDS=1 measures this tree without its class-data sharing archive. The warm-up fills the
# caches of list's outline and of lint's clean verdicts, so list and lint are measured warm; empty
# bench/out/cache-startup/kubelessons/{list-outlines,linted-lessons} before each run for cold figures.
# Usage: bench/startup.sh [RUNS]        e.g. BASELINE=$(bench/snapshot.sh 714bf6d) bench/startup.sh 10
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs=${1:-10}
machine
echo

jar_cache=$(ls "${XDG_CACHE_HOME:-$HOME/.cache}"/kubelessons/jbang/jbang-cli-*-all.jar 2>/dev/null | head -1 || true)
setup_cache() {  # a jbang cache of its own for a tree, seeded with jbang's jar (no second download)
  mkdir -p "$1/kubelessons/jbang"
  [ -n "$jar_cache" ] && cp -n "$jar_cache" "$1/kubelessons/jbang/" 2>/dev/null || true
}
ours_cache=$PWD/bench/out/cache-startup
setup_cache "$ours_cache"
[ -n "${BASELINE:-}" ] && setup_cache "$BASELINE/.cache-startup"

# run TREE CACHE NAME ARGS...: one timed run, "wall cpu rssKiB" appended to bench/out/startup-NAME.
run() {
  local tree=$1 cache=$2 name=$3
  shift 3
  (cd "$tree" && XDG_CACHE_HOME=$cache /usr/bin/time -f '%e %U %S %M' -o "$OLDPWD/bench/out/startup.tmp" ./jbang lesson "$@" >/dev/null 2>&1) || true
  awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' bench/out/startup.tmp >>"bench/out/startup-$name"
}

echo "| command | wall s median (min - max) | CPU s median | peak MiB |$([ -n "${BASELINE:-}" ] && echo ' baseline wall / CPU s | CPU ours ÷ baseline |')"
for cmd in "--help" "list" "lint"; do
  rm -f bench/out/startup-ours bench/out/startup-base
  # shellcheck disable=SC2086 # cmd is one word
  run . "$ours_cache" warm $cmd
  [ -n "${BASELINE:-}" ] && run "$BASELINE" "$BASELINE/.cache-startup" warm $cmd
  for ((i = 1; i <= runs; i++)); do
    run . "$ours_cache" ours $cmd
    [ -n "${BASELINE:-}" ] && run "$BASELINE" "$BASELINE/.cache-startup" base $cmd
  done
  walls=$(awk '{ print $1 }' bench/out/startup-ours)
  row="| \`lesson $cmd\` | $(median $walls) ($(printf '%s\n' $walls | sort -g | head -1) - $(printf '%s\n' $walls | sort -g | tail -1)) | $(median $(awk '{ print $2 }' bench/out/startup-ours)) | $(median $(awk '{ print $3 / 1024 }' bench/out/startup-ours)) |"
  if [ -n "${BASELINE:-}" ]; then
    ratio=$(paste -d' ' bench/out/startup-ours bench/out/startup-base | awk '{ printf "%.3f\n", $2 / $5 }')
    row="$row $(median $(awk '{ print $1 }' bench/out/startup-base)) / $(median $(awk '{ print $2 }' bench/out/startup-base)) | $(median $ratio) |"
  fi
  echo "$row"
done
rm -f bench/out/startup-warm
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each after one warm-up"
