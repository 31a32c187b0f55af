#!/usr/bin/env bash
# Generates a course of N lessons (default 1000) into DIR (default bench/out/gen-course), each a copy of
# lessons/02-deployments.md with its own id (01-gen-0001 ...), title and path positions, plus an mdBook
# book over the same Markdown files (DIR-mdbook: book.toml, src/SUMMARY.md, src/*.md symlinked) so that
# both renderers read the same bytes.
# Usage: bench/gen-course.sh [N] [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
dir=${2:-bench/out/gen-course}
template=lessons/02-deployments.md
book="$dir-mdbook"

rm -rf "$dir" "$book"
mkdir -p "$dir" "$book/src"
{
  echo "# Summary"
  echo
} >"$book/src/SUMMARY.md"
cat >"$book/book.toml" <<'EOF'
[book]
title = "kubelessons generated course"
language = "en"
src = "src"

[build]
build-dir = "../gen-mdbook-site"
create-missing = false

[output.html]
EOF

for ((i = 1; i <= n; i++)); do
  num=$(printf '%04d' "$i")
  id="01-gen-$num"
  pos=$(( (i - 1) % 999 + 1 ))  # a path position is 1..999; repeats are allowed
  # Same structure as the template: only the id, the title and the path positions change.
  sed -e "0,/^id: .*/s//id: $id/" \
      -e "0,/^title: .*/s//title: Deployments and pods, copy $num/" \
      -e "0,/^  top-down: .*/s//  top-down: $pos/" \
      -e "0,/^  bottom-up: .*/s//  bottom-up: $pos/" \
      "$template" >"$dir/$id.md"
  ln -s "../../$(basename "$dir")/$id.md" "$book/src/$id.md"
  echo "- [Deployments and pods, copy $num]($id.md)" >>"$book/src/SUMMARY.md"
done
echo "generated $n lessons in $dir and an mdBook over them in $book"
