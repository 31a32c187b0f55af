#!/usr/bin/env bash
# Lighthouse on pages of the course's site (issue 14): performance, accessibility, best practices and SEO of each
# page, mobile (Lighthouse's default: a mid-range phone, simulated slow 4G and 4x CPU slowdown) and desktop, in
# Debian's headless Chromium. Lighthouse comes from npm, pinned below, installed once into bench/out/. The site
# is served over loopback by Python's http.server (uncompressed: a static host that gzips does better).
# Usage: bench/lighthouse.sh [PAGE...]      default: index.html 03-clusterip.html (paths inside the site)
#   SITE=DIR         measure a site built already (default: builds lessons/ into bench/out/lighthouse-site)
#   RUNS=N           runs per page and form factor, median quoted (default 3)
#   FORMS="mobile desktop"   the form factors (default both)
#   RECORD=1         also append the table, with the machine, to bench/RESULTS.md
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
LIGHTHOUSE_VERSION=13.5.0
pages=("$@")
[ ${#pages[@]} -gt 0 ] || pages=(index.html 03-clusterip.html)
runs=${RUNS:-3}
forms=${FORMS:-mobile desktop}
chromium=$(command -v chromium || true)
[ -n "$chromium" ] || { echo "chromium missing: apt-get install -y chromium" >&2; exit 3; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "node and npm missing: apt-get install -y nodejs npm" >&2; exit 3; }
command -v python3 >/dev/null || { echo "python3 missing (it serves the site)" >&2; exit 3; }

lh_dir=bench/out/lighthouse-$LIGHTHOUSE_VERSION
lighthouse=$lh_dir/node_modules/lighthouse/cli/index.js
if [ ! -f "$lighthouse" ]; then
  echo "installing lighthouse $LIGHTHOUSE_VERSION into $lh_dir (once)" >&2
  mkdir -p "$lh_dir"
  npm install --prefix "$lh_dir" --no-audit --no-fund --loglevel=error "lighthouse@$LIGHTHOUSE_VERSION" >&2
fi

site=${SITE:-}
if [ -z "$site" ]; then
  site=bench/out/lighthouse-site
  ./jbang lesson site --out "$site" >/dev/null
fi
for page in "${pages[@]}"; do
  [ -f "$site/$page" ] || { echo "no page $page in $site" >&2; exit 2; }
done

out=$(mktemp -d "${TMPDIR:-/tmp}/kubelessons-lighthouse.XXXXXX")
python3 -u -m http.server --bind 127.0.0.1 --directory "$site" 0 >"$out/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$out"' EXIT
port=
for _ in $(seq 50); do
  port=$(sed -n 's/.* port \([0-9]*\).*/\1/p' "$out/server.log" | head -1)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "the site server did not start: $(cat "$out/server.log")" >&2; exit 3; }

report=$out/report.md
{
  machine | sed 's/^/    /'
  echo "    chromium: $("$chromium" --version 2>/dev/null | head -1); lighthouse $LIGHTHOUSE_VERSION; node $(node --version)"
  echo
  echo "| page | form | performance | accessibility | best practices | SEO | FCP ms | LCP ms | TBT ms | CLS | transfer KiB | script KiB |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
} >"$report"

for page in "${pages[@]}"; do
  for form in $forms; do
    preset=()
    [ "$form" = desktop ] && preset=(--preset=desktop)
    : >"$out/rows"
    for ((i = 1; i <= runs; i++)); do
      CHROME_PATH=$chromium node "$lighthouse" "http://127.0.0.1:$port/$page" "${preset[@]}" --quiet \
        --only-categories=performance,accessibility,best-practices,seo --output=json --output-path="$out/run.json" \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run" >/dev/null 2>"$out/lh.log" \
        || { echo "lighthouse failed on $page ($form): $(tail -5 "$out/lh.log")" >&2; exit 1; }
      node -e '
        const r = require(process.argv[1]);
        const s = k => Math.round(r.categories[k].score * 100);
        const a = k => r.audits[k].numericValue;
        const items = r.audits["resource-summary"].details.items;
        const kib = t => ((items.find(i => i.resourceType === t) || {transferSize: 0}).transferSize / 1024).toFixed(1);
        console.log([s("performance"), s("accessibility"), s("best-practices"), s("seo"),
          Math.round(a("first-contentful-paint")), Math.round(a("largest-contentful-paint")),
          Math.round(a("total-blocking-time")), a("cumulative-layout-shift").toFixed(3), kib("total"), kib("script")].join(" "));
      ' "$out/run.json" >>"$out/rows"
    done
    # The run with the median performance score stands for the page.
    row=$(sort -n -k1,1 "$out/rows" | sed -n "$(( (runs + 1) / 2 ))p")
    scores=$(cut -d' ' -f1 "$out/rows" | sort -n | tr '\n' ' ' | sed 's/ $//')
    echo "$row" | awk -v p="$page" -v f="$form" -v all="$scores" '{ printf "| %s | %s | %s (runs: %s) | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", p, f, $1, all, $2, $3, $4, $5, $6, $7, $8, $9, $10 }' >>"$report"
  done
done
echo "    load after: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs per row, the median run by performance" >>"$report"
cat "$report"
if [ "${RECORD:-0}" = 1 ]; then
  { echo; echo "### Lighthouse: bench/lighthouse.sh ${pages[*]} ($(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD))"; echo; cat "$report"; } >>bench/RESULTS.md
  echo "appended to bench/RESULTS.md" >&2
fi
