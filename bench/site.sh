#!/usr/bin/env bash
# Site benchmark (issue 2): whole-process wall time and pages/s of `jbang lesson site` on a generated
# 1,000-lesson course and on the real course, and mdBook on the same 1,000 Markdown files as the peer,
# run in turn (ours, mdBook, ours, mdBook, ...) so that the ratio is taken pair by pair.
# Usage: bench/site.sh [RUNS]     (default 5; outputs under bench/out/, which is not committed)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs=${1:-5}
lessons=1000
MDBOOK_VERSION=0.4.52
mdbook=${MDBOOK:-bench/out/cargo/bin/mdbook}  # MDBOOK: an mdbook binary installed elsewhere

machine
echo

# (a) the generated course, and an mdBook over the same files
if [ "$(find bench/out/gen-course -name '*.md' 2>/dev/null | wc -l)" -ne "$lessons" ]; then
  bench/gen-course.sh "$lessons"
fi
if [ ! -x "$mdbook" ] || ! "$mdbook" --version | grep -q "$MDBOOK_VERSION"; then
  echo "installing mdbook $MDBOOK_VERSION into bench/out/cargo (once; several minutes)"
  cargo install mdbook --version "$MDBOOK_VERSION" --locked --root bench/out/cargo
fi
echo "peer: $("$mdbook" --version)"

ours_gen=(./jbang lesson site --lessons bench/out/gen-course --out bench/out/gen-site)
ours_real=(./jbang lesson site --out bench/out/real-site)
peer_gen=("$mdbook" build bench/out/gen-course-mdbook)

# Warm-up (not counted): jbang compiles and caches the engine on first use, or after a source changed.
"${ours_real[@]}" >/dev/null
"${ours_gen[@]}" >/dev/null
"${peer_gen[@]}" >/dev/null 2>&1
real_pages=$(find bench/out/real-site -maxdepth 1 -name '*.html' ! -name index.html | wc -l)
gen_pages=$(find bench/out/gen-site -maxdepth 1 -name '*-c[0-9]*.html' | wc -l)
peer_pages=$(find bench/out/gen-course-mdbook-site -maxdepth 1 -name '*-c[0-9]*.html' | wc -l)
echo "lesson pages written: ours (1,000-lesson course) $gen_pages, mdBook $peer_pages, ours (real course) $real_pages"
echo

g=() p=() r=() ratio=()
for ((i = 1; i <= runs; i++)); do
  wall a "${ours_gen[@]}"
  wall b "${peer_gen[@]}"
  wall c "${ours_real[@]}"
  g+=("$a") p+=("$b") r+=("$c")
  ratio+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", b / a }')")  # pages/s ours / pages/s mdBook
  echo "run $i: ours 1,000 lessons ${a}s   mdBook 1,000 lessons ${b}s   ours real course ${c}s"
done
echo
echo "ours, 1,000-lesson course:  $(stats "${g[@]}") s  -> $(awk -v n="$gen_pages" -v t="$(median "${g[@]}")" 'BEGIN { printf "%.0f", n / t }') pages/s"
echo "mdBook, same 1,000 files:   $(stats "${p[@]}") s  -> $(awk -v n="$peer_pages" -v t="$(median "${p[@]}")" 'BEGIN { printf "%.0f", n / t }') pages/s"
echo "ratio ours/mdBook pages/s:  $(stats "${ratio[@]}") (pair by pair; >= 1 meets the target)"
echo "ours, real course ($real_pages lessons): $(stats "${r[@]}") s  (target < 1.5 s)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
