# Helpers shared by the bench scripts (sourced, not run).

# Prints the machine: cores, memory, CPU model, load, date.
machine() {
  echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cores:   $(nproc)"
  echo "memory:  $(free -g | awk '/^Mem:/ {print $2 " GiB total, " $7 " GiB available"}')"
  echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
  echo "java:    $(java -version 2>&1 | head -1)"
}

# wall SECONDS-VAR CMD...: runs CMD (output discarded), stores its whole-process wall time in seconds.
# Exit codes 0 and 1 are results (1: a check failed); anything else stops the benchmark.
wall() {
  local var=$1
  shift
  local t0 t1 rc=0
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || rc=$?
  t1=$(date +%s%N)
  if [ "$rc" -gt 1 ]; then
    echo "failed with exit code $rc: $*" >&2
    return 1
  fi
  printf -v "$var" '%s' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
}

# stats NUMBER...: "median M (min A, max B)" of the numbers.
stats() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "median %.3f (min %.3f, max %.3f, %d runs)", m, v[1], v[NR], NR }'
}

# median NUMBER...: the median alone.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# cpu_time FILE CMD...: runs CMD and writes its CPU time (user + system, seconds, children included) to FILE.
cpu_time() {
  local file=$1
  shift
  /usr/bin/time -f '%U %S' -o "$file.raw" "$@"
  local rc=$?
  awk 'END { printf "%.1f", $1 + $2 }' "$file.raw" >"$file"
  return $rc
}
