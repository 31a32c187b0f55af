#!/usr/bin/env bash
# Cold lint against the site build (issue 15: "lint costs less than building the site"): on a generated course of
# N lessons, `./jbang lesson lint` with its clean-verdict cache (linted-lessons/) emptied before each run, and
# `./jbang lesson site` of the same course, in turn (lint, site, lint, ...), whole process by /usr/bin/time: wall,
# CPU (user + sys) and peak RSS. The ratio is lint's CPU over the site's, pair by pair, median quoted: CPU, since
# the cores are often shared. The engine's caches go to bench/out/cache-lint-site (KUBELESSONS_CACHE), so the
# user's own lint verdicts and diagrams stay; the warm-up site build fills its diagram cache, as a second build has.
# DISTINCT=1 uses a course whose copies differ in their CEL expressions and diagrams (gen-course.sh's DISTINCT), so
# that work done once per distinct text is done per lesson, as in a real course.
# Usage: bench/lint-site.sh [RUNS] [N]      e.g. bench/lint-site.sh 5 1000; DISTINCT=1 bench/lint-site.sh 5 1000
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs=${1:-5}
n=${2:-1000}
machine
echo

dir=bench/out/${DISTINCT:+distinct-}gen-$n
[ "$(find "$dir" -maxdepth 1 -name '*.md' 2>/dev/null | wc -l)" -eq "$n" ] || bench/gen-course.sh "$n" "$dir" >/dev/null
echo "course: $dir${DISTINCT:+ (DISTINCT=1: CEL expressions and diagrams differ by copy)}"
export KUBELESSONS_CACHE=$PWD/bench/out/cache-lint-site
lint_cmd=(./jbang lesson lint --lessons "$dir")
site_cmd=(./jbang lesson site --lessons "$dir" --out "$dir-site")

# timed NAME CMD...: one whole-process run; appends "wall cpu rssKiB" to bench/out/lint-site-NAME.
timed() {
  local name=$1
  shift
  /usr/bin/time -f '%e %U %S %M' -o bench/out/lint-site.tmp "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' bench/out/lint-site.tmp >>"bench/out/lint-site-$name"
}
col() { awk -v c="$2" '{ print $c }' "bench/out/lint-site-$1"; }

rm -f bench/out/lint-site-lint bench/out/lint-site-site
"${site_cmd[@]}" >/dev/null 2>&1 # warm-up, not counted (jbang builds the engine once; the diagrams are drawn)
"${lint_cmd[@]}" >/dev/null 2>&1
for ((i = 1; i <= runs; i++)); do
  rm -rf "$KUBELESSONS_CACHE/linted-lessons"
  timed lint "${lint_cmd[@]}"
  timed site "${site_cmd[@]}"
done
ratios=$(paste -d' ' bench/out/lint-site-lint bench/out/lint-site-site | awk '{ printf "%.3f\n", $2 / $5 }')
echo "| lessons | cold lint wall / CPU s (peak MiB) | site wall / CPU s (peak MiB) | lint ÷ site CPU, pair by pair | median |"
echo "|---|---|---|---|---|"
printf '| %s%s | %s / %s (%s) | %s / %s (%s) | %s | **%s** |\n' "$n" "${DISTINCT:+, distinct}" \
  "$(median $(col lint 1))" "$(median $(col lint 2))" "$(median $(col lint 3 | awk '{ print $1 / 1024 }'))" \
  "$(median $(col site 1))" "$(median $(col site 2))" "$(median $(col site 3 | awk '{ print $1 / 1024 }'))" \
  "$(echo $ratios)" "$(median $ratios)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); $runs pairs after one warm-up, medians"
