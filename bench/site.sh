#!/usr/bin/env bash
# Site benchmark (issue 15): `jbang lesson site` on generated courses of several sizes against two peers
# building the same Markdown files: Hugo (Debian's package; index page, prev/next, JSON search data, no
# build-time highlighting, see gen-course.sh) and mdBook (cargo, pinned below). Per size the three run in
# turn (ours, Hugo, mdBook, ours, ...) so the machine's drift hits all alike; each run is timed whole
# process by /usr/bin/time: wall, CPU (user + sys) and peak RSS. Ratios are of pages/s (= peer wall /
# our wall: the same lessons), pair by pair, median quoted.
# Usage: bench/site.sh [RUNS] [SIZES]      e.g. bench/site.sh 5 "100 1000 3000"
#   PEERS="hugo mdbook" (default) picks the peers; MDBOOK=path an mdbook binary installed elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs=${1:-5}
sizes=${2:-100 1000 3000}
peers=${PEERS:-hugo mdbook}
MDBOOK_VERSION=0.5.4
mdbook=${MDBOOK:-bench/out/cargo/bin/mdbook}

machine
if [[ " $peers " == *" mdbook "* ]] && { [ ! -x "$mdbook" ] || ! "$mdbook" --version | grep -q "$MDBOOK_VERSION"; }; then
  echo "installing mdbook $MDBOOK_VERSION into bench/out/cargo (once; about 10 minutes)"
  cargo install mdbook --version "$MDBOOK_VERSION" --locked --root bench/out/cargo
fi
[[ " $peers " == *" hugo "* ]] && { command -v hugo >/dev/null || { echo "hugo missing: apt-get install -y hugo" >&2; exit 3; }; echo "peer: $(hugo version | cut -d' ' -f1-2)"; }
[[ " $peers " == *" mdbook "* ]] && echo "peer: $("$mdbook" --version)"
echo

# timed NAME CMD...: one whole-process run; appends "wall cpu rssKiB" to bench/out/times-NAME.
timed() {
  local name=$1
  shift
  /usr/bin/time -f '%e %U %S %M' -o bench/out/time.tmp "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' bench/out/time.tmp >>"bench/out/times-$name"
}
col() { awk -v c="$2" '{ print $c }' "bench/out/times-$1"; }

printf '| lessons | ours wall / CPU s (peak MiB) |'
for peer in $peers; do printf ' %s wall / CPU s (peak MiB) | ours ÷ %s pages/s |' "$peer" "$peer"; done
echo
for n in $sizes; do
  dir=bench/out/gen-$n
  [ "$(find "$dir" -maxdepth 1 -name '*.md' 2>/dev/null | wc -l)" -eq "$n" ] || bench/gen-course.sh "$n" "$dir" >/dev/null
  ours=(./jbang lesson site --lessons "$dir" --out "$dir-site")
  hugo_cmd=(hugo --quiet --source "$dir-hugo" -d "$PWD/$dir-hugo-site")
  mdbook_cmd=("$mdbook" build "$dir-mdbook")
  rm -f bench/out/times-*
  "${ours[@]}" >/dev/null                               # warm-up, not counted (jbang builds the engine once)
  for peer in $peers; do v="${peer}_cmd[@]"; "${!v}" >/dev/null 2>&1; done
  for ((i = 1; i <= runs; i++)); do
    timed ours "${ours[@]}"
    for peer in $peers; do v="${peer}_cmd[@]"; timed "$peer" "${!v}"; done
  done
  printf '| %s | %s / %s (%s) |' "$n" "$(median $(col ours 1))" "$(median $(col ours 2))" "$(median $(col ours 3 | awk '{ print $1 / 1024 }'))"
  for peer in $peers; do
    ratios=$(paste -d' ' "bench/out/times-ours" "bench/out/times-$peer" | awk '{ printf "%.3f\n", $4 / $1 }')
    printf ' %s / %s (%s) | %s |' "$(median $(col "$peer" 1))" "$(median $(col "$peer" 2))" "$(median $(col "$peer" 3 | awk '{ print $1 / 1024 }'))" "$(median $ratios)"
  done
  echo "   (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs per cell after one warm-up, medians"
