# Sourced by scripts/test-kind (not run): the live namespace map on kind marks the paths data-plane checks probed with
# what the probe met (issue 19). Lesson 07 is solved (--solve), then served with --web (input closed, so the page
# stays up without a terminal); its map must show the frontend's two probed paths to checkout as reached and the
# stranger's two as timed out (or refused, where a CNI rejects instead of dropping), each an edge, while all four
# checks PASS: the marks come from what the probes met, not from the verdicts. Two rounds of six probes (the solve's
# and the page's; the page publishes its verdicts once all checks have run): 2 min 43 s here beside four other
# sessions' work (load 15), each probe pod slow to start; a quiet machine has not been timed. Needs the course's kind cluster up; writes
# target/map-kind-07.svg and the two runs' output beside it.

# map_probes_on_kind: 0 when the map says what the probes met, 1 otherwise (with what it served instead).
map_probes_on_kind() {
  local port svg=target/map-kind-07.svg web pid status=0 deadline edges
  ./jbang lesson 07-networkpolicy --cluster kind --solve > target/map-kind-07-solve.txt 2>&1 \
    || { echo "map on kind: '07-networkpolicy --solve' failed:"; tail -20 target/map-kind-07-solve.txt; return 1; }
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # A session of its own, so that stopping it stops the JVM under the jbang wrapper too, and nothing else.
  setsid ./jbang lesson 07-networkpolicy --cluster kind --web --no-open --port "$port" < /dev/null > target/map-kind-07-web.txt 2>&1 &
  pid=$!
  deadline=$(( $(date +%s) + 150 ))
  : > "$svg"
  while [ "$(date +%s)" -lt "$deadline" ]; do
    curl -fsS "http://127.0.0.1:$port/map/07-networkpolicy.svg" -o "$svg.part" 2>/dev/null && mv "$svg.part" "$svg"
    edges=$(grep -c '<path class="p-' "$svg" || true)
    # Every traffic check of the lesson has probed once the four edges are there and no box says "not probed".
    if [ "$edges" -ge 4 ] && ! grep -q 'not probed' "$svg"; then break; fi
    sleep 2
  done
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  web=$(tr '\n' ' ' < "$svg")
  map_expect() { grep -qE "$1" <<<"$web" || { echo "map on kind: expected $2"; status=1; }; }
  map_expect 'app=frontend → checkout:80: reached \(HTTP [0-9]+\); check frontend-reaches-checkout<' "the frontend's probe to checkout marked reached"
  map_expect 'app=frontend → checkout:80: reached \(HTTP [0-9]+\); check frontend-reaches-checkout-again<' "the frontend's second probe to checkout marked reached"
  map_expect 'app=stranger → frontend:80: (timed out|refused) \([^<]*\); check stranger-blocked-from-frontend<' "the stranger's probe to frontend marked timed out or refused"
  map_expect 'app=stranger → checkout:80: (timed out|refused) \([^<]*\); check stranger-blocked-from-checkout<' "the stranger's probe to checkout marked timed out or refused"
  [ "$(grep -c '<path class="p-reached"' "$svg" || true)" -eq 2 ] || { echo "map on kind: expected 2 reached edges"; status=1; }
  [ "$(grep -cE '<path class="p-(timed-out|refused)"' "$svg" || true)" -eq 2 ] || { echo "map on kind: expected 2 timed-out or refused edges"; status=1; }
  if [ $status -ne 0 ]; then
    echo "map on kind: the map served (target/map-kind-07.svg) says:"
    grep -o '<title>[^<]*check [^<]*</title>' "$svg" | sed 's/^/  /' | head -12
    tail -5 target/map-kind-07-web.txt
  fi
  return $status
}
