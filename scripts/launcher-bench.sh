#!/usr/bin/env bash
# Measures the packaged Linux launcher from outside, as a user starts it: time from spawn to the main window
# being mapped, the CPU time (user + system) the process had used by then (steadier than wall time on a
# shared machine), and resident memory (VmRSS) 15 s after that, with and without the start-up archive (AppCDS,
# lib/cds.sh) and the capped heap (app.heapOptions in pom.xml). Four variants of one copy of the
# app-image, alternated run by run so load from other work on the machine hits them alike; prints the median
# and the spread of each. Runs under Xvfb with openbox.
# Usage: scripts/launcher-bench.sh [RUNS, default 5] [CACHE.db]
#   IMAGE=target/jpackage/Reelwatch (default; build it with `mvn -Ppackage package -DskipTests`)
#   CACHE.db: a Reelwatch cache to start over (e.g. target/bench/cache-100000.db from the ingest benchmark);
#   without it each run starts on an empty data directory (the first-run window).
# Needs: xvfb-run, openbox, xdotool, python3; sqlite3 with CACHE.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
RUNS="${1:-5}"
CACHE="${2:-}"
IMAGE="${IMAGE:-target/jpackage/Reelwatch}"
RSS_AFTER="${RSS_AFTER:-15}"

if [ "${LAUNCHER_BENCH_INNER:-}" != 1 ]; then
  for tool in xvfb-run openbox xdotool python3; do
    command -v "$tool" >/dev/null || { echo "launcher-bench: $tool is missing" >&2; exit 1; }
  done
  [ -x "$IMAGE/bin/Reelwatch" ] || { echo "launcher-bench: no app-image at $IMAGE (mvn -Ppackage package -DskipTests)" >&2; exit 1; }
  [ -x "$IMAGE/lib/cds.sh" ] || { echo "launcher-bench: $IMAGE has no lib/cds.sh (built with -Dpackage.cds=false?)" >&2; exit 1; }
  LAUNCHER_BENCH_INNER=1 IMAGE="$(readlink -f "$IMAGE")" exec xvfb-run -a -s "-screen 0 1440x900x24" "$root/scripts/launcher-bench.sh" "$@"
fi
. "$root/packaging/linux/x11-window.sh"
wm_class="$(sed -n 's/^StartupWMClass=//p' "$root/packaging/linux/dev.reelwatch.Reelwatch.desktop")"

openbox >/dev/null 2>&1 &
wm=$!
work="$(mktemp -d)"
trap 'kill "$wm" 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1

app="$work/Reelwatch"
cp -a "$IMAGE" "$app"
cfg="$app/lib/app/Reelwatch.cfg"
"$app/lib/cds.sh" enable
grep -q SharedArchiveFile "$cfg" || { echo "launcher-bench: lib/cds.sh made no archive" >&2; exit 1; }
heap_re='^java-options=-X(ms|mx)|HeapFreeRatio|G1HeapWastePercent|ExplicitGCInvokesConcurrent|compactAfterLoad'
cp "$cfg" "$work/cfg.both"
grep -v SharedArchiveFile "$cfg" >"$work/cfg.heap"
grep -v -E "$heap_re" "$cfg" >"$work/cfg.cds"
grep -v SharedArchiveFile "$cfg" | grep -v -E "$heap_re" >"$work/cfg.none"
echo "launcher-bench: heap options: $(grep -E "$heap_re" "$cfg" | sed 's/^java-options=//' | xargs)"
echo "launcher-bench: archive $(du -h "$app/lib/app/reelwatch.jsa" | cut -f1); cache: ${CACHE:-none (empty data directory)}; $RUNS runs each; load $(cut -d' ' -f1-3 /proc/loadavg)"

variants=(none cds heap both)
for v in "${variants[@]}"; do : >"$work/ms.$v"; : >"$work/cpu.$v"; : >"$work/rss.$v"; done
tick="$(getconf CLK_TCK)"

run_once() {
  local v="$1" home="$work/home-$1" pid wid t0 t1 rss cpu
  rm -rf "$home"; mkdir -p "$home/reelwatch"
  if [ -n "$CACHE" ]; then
    cp "$CACHE" "$home/reelwatch/reelwatch.db"
    # As the benchmarks' copies: old links expired, so the archiver does not fetch 100,000 videos.
    sqlite3 "$home/reelwatch/reelwatch.db" "UPDATE task_outputs SET archive_state = 'failed', archive_error = 'The link expired before the video was archived.'"
  fi
  cp "$work/cfg.$v" "$cfg"
  t0="$(date +%s%N)"
  HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
    REELWATCH_HOME="$home/reelwatch" "$app/bin/Reelwatch" >"$home/log" 2>&1 &
  pid=$!
  wid="$(x11_wait_window "$pid" "$wm_class" 180)" || { tail -20 "$home/log" >&2; echo "launcher-bench: no window ($v)" >&2; exit 1; }
  t1="$(date +%s%N)"
  # utime + stime (fields 14 and 15 of /proc/PID/stat, after the parenthesised name), in ms.
  cpu="$(sed 's/^.*) //' "/proc/$pid/stat" | awk -v tick="$tick" '{printf "%d", ($12 + $13) * 1000 / tick}')"
  sleep "$RSS_AFTER"
  rss="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")"
  x11_close_window "$wid"
  x11_wait_exit "$pid" 60 || kill -9 "$pid" 2>/dev/null || true
  echo $(((t1 - t0) / 1000000)) >>"$work/ms.$v"
  echo $((rss / 1024)) >>"$work/rss.$v"
  echo "$cpu" >>"$work/cpu.$v"
  echo "  run: $v  window after $(((t1 - t0) / 1000000)) ms  CPU $cpu ms  RSS $((rss / 1024)) MiB"
}

for i in $(seq "$RUNS"); do
  # Alternate the order so neither variant always runs after the same neighbour.
  if [ $((i % 2)) -eq 1 ]; then order=(none cds heap both); else order=(both heap cds none); fi
  for v in "${order[@]}"; do run_once "$v"; done
done

stats() { sort -n "$1" | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%d (%d–%d)", m, a[1], a[NR]}'; }
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
base_ms="$(median "$work/ms.none")"
base_rss="$(median "$work/rss.none")"
base_cpu="$(median "$work/cpu.none")"
echo
echo "| launcher | spawn → window mapped, ms: median (min–max) | vs. neither | CPU used by then, ms | vs. neither | RSS ${RSS_AFTER} s later, MiB | vs. neither |"
echo "|---|---|---|---|---|---|---|"
for v in "${variants[@]}"; do
  case "$v" in
    none) label="neither (no archive, JVM-default heap)" ;;
    cds) label="start-up archive only" ;;
    heap) label="capped heap only" ;;
    both) label="archive + capped heap (as shipped)" ;;
  esac
  ms="$(median "$work/ms.$v")"; rss="$(median "$work/rss.$v")"; cpu="$(median "$work/cpu.$v")"
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
  printf '| %s | %s | %s× | %s | %s× | %s | %s× |\n' "$label" "$(stats "$work/ms.$v")" "$(ratio "$ms" "$base_ms")" \
    "$(stats "$work/cpu.$v")" "$(ratio "$cpu" "$base_cpu")" "$(stats "$work/rss.$v")" "$(ratio "$rss" "$base_rss")"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
