#!/usr/bin/env bash
# Runs every Reelwatch benchmark (src/test/java/dev/reelwatch/bench) side by side with its baseline and prints
# the figures table of docs/benchmarks.md. Needs sqlite3 and xvfb-run (apt-get install -y sqlite3 xvfb).
# Usage: scripts/bench.sh [tasks, default 100000]     Extra Maven flags: MVN_FLAGS=-o scripts/bench.sh
# JVM options for the app and the floor window (cold start, memory, stalls): BENCH_JVM_OPTIONS="-Xmx256m"
set -euo pipefail
cd "$(dirname "$0")/.."
TASKS="${1:-100000}"
MVN=(mvn -B -ntp -q ${MVN_FLAGS:-})
mkdir -p target/bench
LOG=target/bench/bench.log
: > "$LOG"

"${MVN[@]}" test-compile
"${MVN[@]}" dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt > /dev/null
CP="target/test-classes:target/classes:$(cat target/bench/classpath.txt)"
OPTS=(-Xmx2g "-Dbench.jvmOptions=${BENCH_JVM_OPTIONS:-}" -cp "$CP")

run() {
    echo "== $*" | tee -a "$LOG"
    java "${OPTS[@]}" "dev.reelwatch.bench.$@" 2>&1 | grep -v '^SLF4J' | tee -a "$LOG"
}
run_on_display() {
    echo "== $* (under Xvfb)" | tee -a "$LOG"
    xvfb-run -a -s "-screen 0 1440x900x24" java "${OPTS[@]}" "dev.reelwatch.bench.$@" 2>&1 \
        | grep -v '^SLF4J' | tee -a "$LOG"
}

run IngestBenchmark "$TASKS" 2          # first: leaves the cache the others copy
run ListLoadBenchmark "$TASKS" 3
run FilterLatencyBenchmark "$TASKS" 4
run RequestsBenchmark
run CompletionLatencyBenchmark
run_on_display ColdStartBenchmark "$TASKS" 5
run_on_display FxStallBenchmark "$TASKS" 10000
run_on_display TableFilterBenchmark "$TASKS" 3

echo
grep -m1 '^MACHINE|' "$LOG" | cut -d'|' -f2- | sed 's/^/Machine: /'
echo
echo "| Figure | Reelwatch | Baseline | Ratio | Goal | |"
echo "|---|---|---|---|---|---|"
grep '^FIGURE|' "$LOG" | cut -d'|' -f2- | sed 's/^/| /; s/$/ |/'
echo
echo "Full output: $LOG"
