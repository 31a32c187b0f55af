#!/usr/bin/env bash
# Issue 19: what the diagram renderer (PlantUML, plantuml-mit) costs. (a) the jar's size; (b) drawing the course's
# diagrams in one JVM: the first (class loading) and each one after (bench/src/DiagramRender.java); (c) the start-up of
# commands that draw nothing (`--help`, `list`) with and without the PlantUML jar on the classpath, interleaved
# (with, without, with, ...), RUNS runs each, medians of wall and CPU (user + sys), without AppCDS so that only the
# classpath differs. Usage: bench/diagrams.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs=${1:-10}
out=bench/out/diagrams
mkdir -p "$out"
machine
echo

(cd engine && mvn -q -o dependency:build-classpath -Dmdep.outputFile="../$out/cp.txt" >/dev/null)
cp=$(cat "$out/cp.txt")
jar=$(printf '%s\n' "$cp" | tr ':' '\n' | grep '/plantuml-mit-[0-9.]*\.jar$')
echo "PlantUML jar: $(basename "$jar"), $(du -k "$jar" | cut -f1) KiB"
without=$(printf '%s\n' "$cp" | tr ':' '\n' | grep -vxF "$jar" | paste -sd: -)
javac -nowarn -d "$out/engine-classes" -cp "$cp" $(find engine/src/main/java -name '*.java') 2>&1 | grep -v '^Note:' || true
javac -d "$out/bench-classes" -cp "$out/engine-classes:$cp" bench/src/DiagramRender.java
opts="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Xms16m -Xmx512m"
# shellcheck disable=SC2086 # opts is a list of plain flags
java $opts -cp "$out/bench-classes:$out/engine-classes:$cp" DiagramRender lessons 5
echo

# One timed run: "wall cpu" appended to $out/startup-NAME.
run() {
  local name=$1 classpath=$2
  shift 2
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %U %S' -o "$out/time.tmp" java $opts -cp "$out/engine-classes:$classpath" Lesson "$@" >/dev/null 2>&1 || true
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$out/time.tmp" >>"$out/startup-$name"
}
javac -d "$out/engine-classes" -cp "$out/engine-classes:$cp" engine/Lesson.java 2>/dev/null || true
for command in --help list; do
  key=${command#--}
  rm -f "$out/startup-with-$key" "$out/startup-without-$key"
  run "with-$key" "$cp" $command; run "without-$key" "$without" $command   # warm-up
  rm -f "$out/startup-with-$key" "$out/startup-without-$key"
  for _ in $(seq "$runs"); do
    run "with-$key" "$cp" $command
    run "without-$key" "$without" $command
  done
  for side in with without; do
    mapfile -t walls < <(cut -d' ' -f1 "$out/startup-$side-$key")
    mapfile -t cpus < <(cut -d' ' -f2 "$out/startup-$side-$key")
    echo "$command, $side the PlantUML jar: wall $(stats "${walls[@]}"); CPU median $(median "${cpus[@]}") s"
  done
done
