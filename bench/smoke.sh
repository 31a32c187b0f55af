#!/usr/bin/env bash
# Smoke run of the bench harness (issue 15), so it cannot rot unseen: every bench script parses, and a
# small generated course (N lessons, default 12: all real lessons and a second copy of the first) builds
# with `site` and passes `lint`, each exiting 0, and so does lint of its DISTINCT=1 variant. scripts/test runs
# it; it takes a few seconds.
# Usage: bench/smoke.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-12}
for script in bench/*.sh; do bash -n "$script"; done
# The helpers the scripts time with: cpu_time must write a number (instructor.sh records CPU time with it).
. bench/lib.sh
probe=$(mktemp "${TMPDIR:-/tmp}/kubelessons-bench-cpu.XXXXXX")
cpu_time "$probe" true
grep -Eq '^[0-9]+\.[0-9]$' "$probe" || { echo "bench smoke: cpu_time wrote '$(cat "$probe")', not a number of seconds" >&2; exit 1; }
rm -f "$probe" "$probe.raw"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kubelessons-bench-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bench/gen-course.sh "$n" "$tmp/course" >/dev/null
generated=$(find "$tmp/course" -name '*.md' | wc -l)
[ "$generated" -eq "$n" ] || { echo "bench smoke: generated $generated lessons, expected $n" >&2; exit 1; }
./jbang lesson site --lessons "$tmp/course" --out "$tmp/site" >/dev/null \
  || { echo "bench smoke: site of the generated course exited $?" >&2; exit 1; }
./jbang lesson lint --lessons "$tmp/course" >/dev/null \
  || { echo "bench smoke: lint of the generated course exited $?" >&2; exit 1; }
# The DISTINCT variant rewrites CEL expressions and diagrams: its course must stay clean too.
DISTINCT=1 bench/gen-course.sh "$n" "$tmp/distinct" >/dev/null
./jbang lesson lint --lessons "$tmp/distinct" >/dev/null \
  || { echo "bench smoke: lint of the DISTINCT=1 generated course exited $?" >&2; exit 1; }
pages=$(find "$tmp/site" -maxdepth 1 -name '*.html' ! -name index.html | wc -l)
[ "$pages" -eq "$n" ] || { echo "bench smoke: the site has $pages lesson pages, expected $n" >&2; exit 1; }
echo "bench smoke: $n generated lessons: site and lint exit 0, $pages lesson pages"
