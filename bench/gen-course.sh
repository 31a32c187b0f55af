#!/usr/bin/env bash
# Generates a course of N lessons (default 1000) into DIR (default bench/out/gen-course) that cycles
# through every real lesson in lessons/ (01, 02, ... 11, 01, ...). Copy c of lesson "03-clusterip" gets
# the id "03-clusterip-c0001" (file 03-clusterip-c0001.md), a title ending in "(copy c)", path positions
# that follow the generated order, and its prerequisites remapped to the same copy's lessons (every
# prerequisite of a real lesson sorts before it, so a partial last cycle still holds them all).
# DISTINCT=1 makes every copy's CEL expressions and diagrams its own text too (a clause naming the copy, a comment
# line), so that work done once per distinct text (CEL compiles, PlantUML parses, drawn diagrams) is done per lesson,
# as in a course whose lessons are all different.
# Besides the course, two peers read the same Markdown bytes:
#   DIR-mdbook  an mdBook (book.toml, src/SUMMARY.md in course order, src/*.md symlinked)
#   DIR-hugo    a Hugo site (config, minimal layouts: index page, prev/next, search data as JSON;
#               content/lessons/*.md symlinked; Hugo orders pages by title,
#               as our front matter has no field for its weight)
# Usage: bench/gen-course.sh [N] [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
dir=${2:-bench/out/gen-course}
book="$dir-mdbook"
hugo="$dir-hugo"
mapfile -t templates < <(find lessons -maxdepth 1 -name '[0-9][0-9]-*.md' | LC_ALL=C sort)
count=${#templates[@]}
[ "$count" -gt 0 ] || { echo "gen-course: no lessons in lessons/" >&2; exit 2; }

rm -rf "$dir" "$book" "$hugo"
mkdir -p "$dir" "$book/src" "$hugo/content/lessons" "$hugo/layouts/_default"
abs_dir=$(cd "$dir" && pwd)
printf '# Summary\n\n' >"$book/src/SUMMARY.md"
cat >"$book/book.toml" <<EOF
[book]
title = "kubelessons generated course"
language = "en"
src = "src"

[build]
build-dir = "../$(basename "$dir")-mdbook-site"
create-missing = false

[output.html]
EOF

for ((i = 1; i <= n; i++)); do
  template=${templates[$(( (i - 1) % count ))]}
  copy=$(printf '%04d' $(( (i - 1) / count + 1 )))
  stem=$(basename "$template" .md)
  id="$stem-c$copy"
  # A path position is 1..999: past 999 lessons all stay at 999, where lessons go by id, so a prerequisite (a lower id
  # of the same copy) still comes first, as lint requires; wrapping round to 1 put lesson 1,000 before its own prerequisites.
  pos=$(( i < 999 ? i : 999 ))
  # Only the front matter changes: id, title, path positions, prerequisites (" - X" becomes " - X-cNNNN").
  # With DISTINCT=1 the body's CEL expressions and diagrams differ by copy too (see the header).
  awk -v id="$id" -v copy="$copy" -v pos="$pos" -v distinct="${DISTINCT:-}" '
    NR == 1 && $0 == "---" { fm = 1; print; next }
    fm && $0 == "---" { fm = 0; print; next }
    !fm && distinct { body(); next }
    !fm { print; next }
    /^id: / { print "id: " id; next }
    /^title: "/ { sub(/"$/, " (copy " copy + 0 ")\""); print; next }
    /^title: / { print $0 " (copy " copy + 0 ")"; next }
    /^  (top-down|bottom-up|sre): / { sub(/: .*/, ": " pos); print; next }
    /^[a-z]/ { inprereq = ($0 == "prerequisites:") }
    inprereq && /^  - / { print $0 "-c" copy; next }
    { print }
    # DISTINCT: "size(\"cNNNN\") == 5 && (...)" around each CEL expression of a check, a comment line in each diagram.
    function body() {
      if (folded && $0 !~ /^  /) { print "  )"; folded = 0 }
      if ($0 ~ /^```plantuml diagram/) { diagram = 1 }
      else if (diagram && $0 ~ /^```/) { print "\x27 copy " copy; diagram = 0 }
      if ($0 == "expect: >-") { print; print "  size(\"c" copy "\") == 5 && ("; folded = 1; return }
      if ($0 ~ /^expect: (object|has)[.(]/) { sub(/^expect: /, ""); print "expect: size(\"c" copy "\") == 5 && (" $0 ")"; return }
      print
    }' "$template" >"$dir/$id.md"
  ln -s "$abs_dir/$id.md" "$book/src/$id.md"
  ln -s "$abs_dir/$id.md" "$hugo/content/lessons/$id.md"
  echo "- [$id]($id.md)" >>"$book/src/SUMMARY.md"
done

# The Hugo peer: the same kind of navigation as ours (an index of every lesson, prev/next on each page,
# a search index of every page's text as JSON), nothing more; no theme, no build-time code highlighting.
cat >"$hugo/hugo.toml" <<'EOF'
baseURL = "http://localhost/"
title = "kubelessons generated course"
disableKinds = ["taxonomy", "term", "section", "RSS", "sitemap", "404"]
[outputs]
home = ["HTML", "JSON"]
[markup.goldmark.renderer]
unsafe = false
# Ours leaves code colours to highlight.js in the browser; Chroma at build time would be extra work.
[markup.highlight]
codeFences = false
EOF
cat >"$hugo/layouts/_default/baseof.html" <<'EOF'
<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body>{{ block "main" . }}{{ end }}</body></html>
EOF
cat >"$hugo/layouts/_default/single.html" <<'EOF'
{{ define "main" }}<nav><a href="{{ "/" | relURL }}">Course</a>
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
<main><h1>{{ .Title }}</h1>{{ .Content }}</main>{{ end }}
EOF
cat >"$hugo/layouts/_default/list.html" <<'EOF'
{{ define "main" }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary | plainify | truncate 120 }}</li>{{ end }}</ul>{{ end }}
EOF
cat >"$hugo/layouts/index.html" <<'EOF'
{{ define "main" }}<ul>{{ range (where .Site.RegularPages "Section" "lessons") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>{{ end }}
EOF
cat >"$hugo/layouts/index.json" <<'EOF'
[{{ range $i, $p := .Site.RegularPages }}{{ if $i }},{{ end }}{"url":{{ $p.RelPermalink | jsonify }},"title":{{ $p.Title | jsonify }},"body":{{ $p.Plain | jsonify }}}{{ end }}]
EOF
echo "generated $n lessons (cycling through $count real ones) in $dir, an mdBook over them in $book, a Hugo site in $hugo"
