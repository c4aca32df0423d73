#!/usr/bin/env bash
# Regenerates the README screenshots from the demo: builds the app, runs it under a private Xvfb screen with a
# fresh data directory, waits until tasks are listed, and captures the main window, the detail view and the
# dark theme, each cropped to the window.
#
# Needs: Xvfb, xdotool, ImageMagick (import, convert); sqlite3 is used if present to turn off the
# "Video ready" pop-ups for the shots. Run from anywhere: scripts/screenshots.sh [output-dir]
# MVN_FLAGS (default "-o") is passed to Maven; set it empty to let Maven download.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/docs/screenshots}"
SCREEN="1440x900x24"
DISPLAY_NUM="${SCREENSHOT_DISPLAY:-:93}"
JAR="$ROOT/target/reelwatch.jar"
DATA="$(mktemp -d -t reelwatch-shots.XXXXXX)"
XVFB_PID=""
APP_PID=""

for tool in Xvfb xdotool import convert java mvn; do
    command -v "$tool" >/dev/null || { echo "screenshots: '$tool' is missing" >&2; exit 1; }
done

stop_app() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}

cleanup() {
    stop_app
    if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
    rm -rf "$DATA"
}
trap cleanup EXIT

echo "screenshots: building"
(cd "$ROOT" && mvn -B -ntp ${MVN_FLAGS--o} -q package -DskipTests)
mkdir -p "$OUT"

Xvfb "$DISPLAY_NUM" -screen 0 "$SCREEN" -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
export DISPLAY="$DISPLAY_NUM"
for _ in $(seq 1 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.2; done

reelwatch() { java -jar "$JAR" --data-dir "$DATA" "$@"; }

# Creates the database, then settings for clean shots: no pop-ups, a known theme.
set_setting() {
    if command -v sqlite3 >/dev/null; then
        sqlite3 "$DATA/reelwatch.db" \
            "INSERT OR REPLACE INTO settings(key, value) VALUES ('$1', '$2');"
    fi
}
reelwatch accounts list >/dev/null
set_setting ui.notifications.enabled false
set_setting ui.theme LIGHT

# Starts the app ($@: extra arguments) and waits for its window; sets WID and the window's geometry.
start_app() {
    REELWATCH_HOME="$DATA" java -jar "$JAR" "$@" >"$DATA/app.log" 2>&1 &
    APP_PID=$!
    WID=""
    for _ in $(seq 1 120); do
        WID="$(xdotool search --name '^Reelwatch$' 2>/dev/null | head -n 1 || true)"
        [ -n "$WID" ] && break
        kill -0 "$APP_PID" 2>/dev/null || { cat "$DATA/app.log" >&2; exit 1; }
        sleep 0.5
    done
    [ -n "$WID" ] || { echo "screenshots: the window did not appear" >&2; exit 1; }
    eval "$(xdotool getwindowgeometry --shell "$WID")"   # X, Y, WIDTH, HEIGHT
}

# Waits (bounded) until the cache lists at least $1 tasks.
wait_for_tasks() {
    for _ in $(seq 1 90); do
        count="$(reelwatch tasks 2>/dev/null | tail -n +2 | grep -c . || true)"
        [ "${count:-0}" -ge "$1" ] && return 0
        sleep 1
    done
    echo "screenshots: tasks did not arrive" >&2
    exit 1
}

shot() {
    import -window root "$DATA/root.png"
    convert "$DATA/root.png" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$OUT/$1"
    echo "screenshots: wrote $OUT/$1"
}

click_at() { xdotool mousemove $((X + $1)) $((Y + $2)) click 1; }

echo "screenshots: starting the demo"
start_app demo
wait_for_tasks 40
# Thumbnails and the first sync's counts settle a few seconds after the rows appear.
sleep 12
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT + 50)) 2>/dev/null || true
shot main-window.png

# The detail view: show the succeeded tasks (sidebar) and open the first one.
click_at 80 215
sleep 1.5
click_at 560 128
sleep 1
xdotool key Return
sleep 3
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT - 4))
sleep 0.5
shot detail-view.png

stop_app
set_setting ui.theme DARK
echo "screenshots: dark theme"
start_app
sleep 12
click_at 560 128
sleep 3
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT - 4))
sleep 0.5
shot main-window-dark.png
