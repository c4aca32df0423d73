#!/usr/bin/env bash
# Regenerates the README screenshots from the demo: builds the app, runs it under a private Xvfb screen with a
# window manager (openbox, so windows get frames, focus and real placement as on a desktop) and a fresh data
# directory, waits until tasks are listed, and captures at 1440x900:
#   main-window, detail-view, gallery, usage, compare, accounts, preferences, rules (the Preferences' Rules
#   page), bulk-summary (a batch Star, Ctrl+Shift+S, over Ctrl+A), failures (the sidebar's Failures view), main-window-dark
# and at 1024x768: main-window-1024.
#
# Needs: Xvfb, openbox, xdotool, wmctrl, ImageMagick (import, convert); sqlite3 is used if present to turn off
# the "Video ready" pop-ups for the shots. The demo has Japanese and Chinese prompts: without a CJK font they show
# as boxes, so install one first (Debian/Ubuntu: apt-get install fonts-noto-cjk; Fedora: google-noto-sans-cjk-fonts).
# On Debian/Ubuntu: apt-get install xvfb openbox xdotool wmctrl x11-utils imagemagick sqlite3 fonts-noto-cjk
# Run from anywhere: scripts/screenshots.sh [output-dir]
# MVN_FLAGS (default "-o") is passed to Maven; set it empty to let Maven download. SKIP_BUILD=1 skips the build.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/docs/screenshots}"
DISPLAY_NUM="${SCREENSHOT_DISPLAY:-:93}"
JAR="$ROOT/target/reelwatch.jar"
DATA="$(mktemp -d -t reelwatch-shots.XXXXXX)"
XVFB_PID=""
WM_PID=""
APP_PID=""

for tool in Xvfb openbox xdotool wmctrl xwininfo import convert java mvn; do
    command -v "$tool" >/dev/null || { echo "screenshots: '$tool' is missing" >&2; exit 1; }
done
if command -v fc-list >/dev/null && ! fc-list :lang=ja family | grep -q .; then
    echo "screenshots: no CJK font installed (e.g. fonts-noto-cjk): Japanese and Chinese prompts will show as boxes" >&2
fi

stop_app() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        wmctrl -c Reelwatch 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}

stop_screen() {
    if [ -n "$WM_PID" ]; then kill "$WM_PID" 2>/dev/null || true; WM_PID=""; fi
    if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true; XVFB_PID=""; fi
}

cleanup() {
    stop_app
    stop_screen
    rm -rf "$DATA"
}
trap cleanup EXIT

# A screen of $1 (e.g. 1440x900) with openbox running on it.
start_screen() {
    Xvfb "$DISPLAY_NUM" -screen 0 "$1x24" -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    export DISPLAY="$DISPLAY_NUM"
    for _ in $(seq 1 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.2; done
    openbox >/dev/null 2>&1 &
    WM_PID=$!
    for _ in $(seq 1 50); do wmctrl -m >/dev/null 2>&1 && break; sleep 0.2; done
}

if [ -z "${SKIP_BUILD:-}" ]; then   # SKIP_BUILD=1: use the jar already in target/
    echo "screenshots: building"
    (cd "$ROOT" && mvn -B -ntp ${MVN_FLAGS--o} -q package -DskipTests)
fi
mkdir -p "$OUT"

reelwatch() { java -jar "$JAR" --data-dir "$DATA" "$@"; }

# Creates the database, then settings for clean shots: no pop-ups, a known theme.
set_setting() {
    if command -v sqlite3 >/dev/null; then
        sqlite3 "$DATA/reelwatch.db" \
            "INSERT OR REPLACE INTO settings(key, value) VALUES ('$1', '$2');"
    fi
}
clear_setting() {
    if command -v sqlite3 >/dev/null; then sqlite3 "$DATA/reelwatch.db" "DELETE FROM settings WHERE key = '$1';"; fi
}
reelwatch accounts list >/dev/null
set_setting ui.notifications.enabled false
set_setting ui.theme LIGHT

# The id of the first window titled exactly $1 (waits up to $2 half-seconds), or nothing.
window_named() {
    local id=""
    for _ in $(seq 1 "${2:-20}"); do
        id="$(xdotool search --name "^$1\$" 2>/dev/null | head -n 1 || true)"
        [ -n "$id" ] && break
        sleep 0.5
    done
    echo "$id"
}

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
    sleep 2   # the window manager settles the first size
    geometry "$WID"
}

# X, Y, WIDTH, HEIGHT of a window's content. xwininfo, not xdotool: under a reparenting window manager
# xdotool's Y counts the title bar twice.
geometry() {
    local info
    info="$(xwininfo -id "$1")"
    X="$(sed -n 's/.*Absolute upper-left X: *//p' <<<"$info")"
    Y="$(sed -n 's/.*Absolute upper-left Y: *//p' <<<"$info")"
    WIDTH="$(sed -n 's/.*Width: *//p' <<<"$info")"
    HEIGHT="$(sed -n 's/.*Height: *//p' <<<"$info")"
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

# The window $2 (default: the main window) with the frame the window manager draws around it.
shot() {
    import -frame -window "${2:-$WID}" "$OUT/$1"
    echo "screenshots: wrote $OUT/$1"
}

# The whole screen: a dialog over its main window.
screen_shot() {
    import -window root "$OUT/$1"
    echo "screenshots: wrote $OUT/$1"
}

click_at() { xdotool mousemove $((X + $1)) $((Y + $2)) click 1; }
# Keys go to the focused window as a user's would (JavaFX ignores events sent to a window directly).
key_to() { xdotool windowactivate --sync "$1" 2>/dev/null || true; xdotool windowfocus --sync "$1" 2>/dev/null || true; shift; xdotool key "$@"; }
key() { key_to "$WID" "$@"; }
# Closes window $1 with the keys $2 as a user would; if it is still mapped after that, as its close button does.
close_window() {
    key_to "$1" "$2"
    sleep 1
    if xwininfo -id "$1" 2>/dev/null | grep -q 'IsViewable'; then
        # Worth knowing: the keys are what a user presses (a test covers them); the fallback only keeps the run going.
        echo "screenshots: $2 did not close window $1; closing it as its close button does" >&2
        wmctrl -ic "$1" 2>/dev/null || true
        sleep 1
    else
        echo "screenshots: $2 closed window $1"
    fi
    # By title too: the id xdotool found may be one of the toolkit's inner windows.
    if [ -n "${3:-}" ]; then
        wmctrl -l | awk -v t="$3" 'index($0, t) { print $1 }' | while read -r w; do wmctrl -ic "$w" || true; done
        sleep 1
    fi
}
park_mouse() { xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT - 4)) 2>/dev/null || true; sleep 0.5; }

# ---- 1440x900 ------------------------------------------------------------------------------------------
start_screen 1440x900
# The window as a user leaves it: most of the screen, not maximised (so its frame shows).
set_setting ui.window "24,30,1392,840,false"
echo "screenshots: starting the demo"
start_app demo
wait_for_tasks 40
# Thumbnails and the first sync's counts settle a few seconds after the rows appear.
sleep 12
park_mouse
shot main-window.png

echo "screenshots: gallery (Ctrl+G)"
key ctrl+g
# The pointer over the status bar, not over a card (its tooltip would show in the shot).
xdotool mousemove $((X + WIDTH - 200)) $((Y + HEIGHT - 8)) 2>/dev/null || true
sleep 4
shot gallery.png
key ctrl+g
sleep 1

echo "screenshots: usage (Ctrl+U)"
key ctrl+u
USAGE="$(window_named 'Usage — Reelwatch' 20)"
if [ -n "$USAGE" ]; then
    sleep 4
    shot usage.png "$USAGE"
    close_window "$USAGE" ctrl+w "Usage — Reelwatch"   # tool windows close with Ctrl+W
else
    echo "screenshots: the usage window did not open" >&2
fi

# The detail view: show the succeeded tasks (sidebar) and open the first one.
click_at 80 245
sleep 1.5
click_at 560 128
sleep 1
key Return
sleep 3
park_mouse
shot detail-view.png

echo "screenshots: compare (two succeeded tasks, View → Compare…)"
click_at 560 128
xdotool keydown shift key Down keyup shift
sleep 0.5
click_at 117 14
sleep 1
# Compare… is third from the bottom of the View menu (… Compare…, Usage…, separator, Pause all): Up wraps to
# Pause all, then Usage…, then Compare….
xdotool key Up Up Up Return
COMPARE="$(xdotool search --name ' — Reelwatch$' 2>/dev/null | while read -r w; do
    n="$(xdotool getwindowname "$w")"; [ "$n" != "Usage — Reelwatch" ] && echo "$w"; done | head -n 1 || true)"
for _ in $(seq 1 10); do
    [ -n "$COMPARE" ] && break
    sleep 1
    COMPARE="$(xdotool search --name 'Compare' 2>/dev/null | head -n 1 || true)"
done
if [ -n "$COMPARE" ]; then
    sleep 5
    shot compare.png "$COMPARE"
    close_window "$COMPARE" Escape "Compare"
else
    echo "screenshots: the compare window did not open" >&2
fi

echo "screenshots: accounts (File → Accounts…, Ctrl+Shift+A; else Add account, Ctrl+N)"
key ctrl+shift+a
ACCOUNTS="$(window_named 'Accounts' 8)"
if [ -z "$ACCOUNTS" ]; then
    key ctrl+n
    ACCOUNTS="$(window_named 'Accounts' 20)"
fi
if [ -n "$ACCOUNTS" ]; then
    sleep 2
    # Show the first account (a demo one) rather than an empty form.
    geometry "$ACCOUNTS"; AX=$X; AY=$Y
    xdotool mousemove $((AX + 90)) $((AY + 60)) click 1
    sleep 2
    geometry "$WID"
    screen_shot accounts.png
    close_window "$ACCOUNTS" Escape "Accounts"
else
    echo "screenshots: the accounts dialog did not open" >&2
fi

echo "screenshots: preferences (File → Preferences…, Ctrl+,)"
key ctrl+comma
PREFS="$(window_named 'Preferences.*' 10)"
if [ -n "$PREFS" ]; then
    sleep 2
    screen_shot preferences.png
    # The Rules page: the last entry of the page list on the left.
    geometry "$PREFS"; PX=$X; PY=$Y
    xdotool mousemove $((PX + 60)) $((PY + 24)) click 1
    sleep 0.5
    key_to "$PREFS" End
    sleep 3
    geometry "$WID"
    screen_shot rules.png
    close_window "$PREFS" Escape "Preferences — Reelwatch"
else
    echo "screenshots: no Preferences window in this build; preferences.png left as it was"
fi

echo "screenshots: bulk summary (Ctrl+A in the table, then Star the selection: Ctrl+Shift+S)"
click_at 80 "${ALL_TASKS_Y:-130}"      # the sidebar's "All tasks"
sleep 1.5
click_at 560 128
key ctrl+a
sleep 1
# The row menu's batch Star (its accelerator): one batch over the selection, its summary strip under the list.
key ctrl+shift+s
sleep 3
park_mouse
shot bulk-summary.png

echo "screenshots: failures (the sidebar's Failures entry)"
click_at 80 "${FAILURES_Y:-338}"
sleep 3
park_mouse
shot failures.png

stop_app
set_setting ui.theme DARK
echo "screenshots: dark theme"
start_app
sleep 20
click_at 560 128
sleep 8
park_mouse
shot main-window-dark.png
stop_app
stop_screen

# ---- 1024x768: the first-run size on a small screen ---------------------------------------------------
set_setting ui.theme LIGHT
clear_setting ui.window
clear_setting ui.window.dividers
start_screen 1024x768
echo "screenshots: 1024x768"
start_app
sleep 25
park_mouse
shot main-window-1024.png
stop_app
