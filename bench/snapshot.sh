#!/usr/bin/env bash
# Copies a commit (default HEAD) plus the working tree's bench/ into bench/out/snapshot-<commit>, and prints
# that folder. Measure there when others are editing engine/: every edit makes jbang recompile the engine
# on the next run, and a half-written file fails the build, so timings of a live tree are not of one program.
# Usage: bench/snapshot.sh [COMMIT]   then e.g.: MDBOOK=$PWD/bench/out/cargo/bin/mdbook "$(bench/snapshot.sh)"/bench/site.sh
set -euo pipefail
cd "$(dirname "$0")/.."
commit=$(git rev-parse --short "${1:-HEAD}")
dir=bench/out/snapshot-$commit
if [ ! -d "$dir" ]; then
  mkdir -p "$dir"
  git archive "$commit" | tar -x -C "$dir"
fi
rm -rf "$dir/bench"
mkdir -p "$dir/bench"
tar -c --exclude=./out -C bench . | tar -x -C "$dir/bench"
echo "$PWD/$dir"
