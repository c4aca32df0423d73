#!/usr/bin/env bash
# Proves the README's first command opens the app: starts `mvn javafx:run` under Xvfb with a window manager
# (openbox) running, waits for the window titled Reelwatch, checks it is larger than 800x600, asks the window
# manager to close it and waits for the process to exit. Bounded waits; says what failed and shows the log.
#
#   scripts/check-javafx-run.sh            # with the java on PATH / JAVA_HOME
#   JAVA_HOME=/usr/lib/jvm/... scripts/check-javafx-run.sh
#
# Needs xvfb-run, openbox, wmctrl, xdotool. Uses a throw-away data directory (XDG_DATA_HOME), never yours.
set -euo pipefail
cd "$(dirname "$0")/.."

START_TIMEOUT="${START_TIMEOUT:-240}"   # seconds for Maven + JavaFX to show the window (cold caches are slow)
EXIT_TIMEOUT="${EXIT_TIMEOUT:-60}"      # seconds for the app to exit after the close request

for tool in xvfb-run openbox wmctrl xdotool; do
  command -v "$tool" >/dev/null || { echo "check-javafx-run: FAIL: $tool is not installed" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log="$work/javafx-run.log"

# Inside the X server: the window manager, then the app, then the checks. Its exit code is the verdict.
cat >"$work/inside.sh" <<'INSIDE'
set -uo pipefail
log="$1"; start_timeout="$2"; exit_timeout="$3"
fail() { echo "check-javafx-run: FAIL: $*"; echo "--- last lines of mvn javafx:run:"; tail -n 40 "$log"; exit 1; }

openbox >/dev/null 2>&1 &
wm=$!
for _ in $(seq 1 50); do wmctrl -m >/dev/null 2>&1 && break; sleep 0.2; done
wmctrl -m >/dev/null 2>&1 || fail "openbox did not start"

setsid mvn -B -ntp javafx:run >"$log" 2>&1 &
app=$!
stop_app() { kill -TERM -- "-$app" 2>/dev/null; sleep 2; kill -KILL -- "-$app" 2>/dev/null; }

id=""
for _ in $(seq 1 "$start_timeout"); do
  id="$(wmctrl -l | awk '{ t=""; for (i=4; i<=NF; i++) t=t (i>4?" ":"") $i; if (t=="Reelwatch") { print $1; exit } }')"
  [ -n "$id" ] && break
  kill -0 "$app" 2>/dev/null || fail "mvn javafx:run exited before a window titled Reelwatch appeared"
  sleep 1
done
[ -n "$id" ] || { stop_app; fail "no window titled Reelwatch within ${start_timeout}s"; }

sleep 2   # let the window manager settle the first size
eval "$(xdotool getwindowgeometry --shell "$id")"
echo "check-javafx-run: window Reelwatch ($id) is ${WIDTH}x${HEIGHT} at ${X},${Y}"
if [ "$WIDTH" -le 800 ] || [ "$HEIGHT" -le 600 ]; then
  stop_app; fail "the window is ${WIDTH}x${HEIGHT}, not larger than 800x600"
fi

# What a user does: the window manager's close (the title bar's x / Alt+F4), then the process must end.
wmctrl -i -c "$id"
for _ in $(seq 1 "$exit_timeout"); do
  kill -0 "$app" 2>/dev/null || break
  sleep 1
done
if kill -0 "$app" 2>/dev/null; then
  stop_app; fail "the app did not exit within ${exit_timeout}s of closing its window"
fi
wait "$app"; code=$?
kill "$wm" 2>/dev/null
[ "$code" -eq 0 ] || fail "mvn javafx:run exited with $code after the window closed"
grep -q "Exception in Application" "$log" && fail "the log has an exception from Application start"
echo "check-javafx-run: OK: the window opened at ${WIDTH}x${HEIGHT} and the app exited cleanly"
INSIDE

env -u REELWATCH_HOME XDG_DATA_HOME="$work/data" xvfb-run -a -s "-screen 0 1440x900x24" \
  bash "$work/inside.sh" "$log" "$START_TIMEOUT" "$EXIT_TIMEOUT"
