#!/usr/bin/env bash
# Smoke test of the Linux desktop packages: builds the app-image and the .deb with `mvn -Ppackage package`,
# inspects the .deb, starts the packaged launcher under Xvfb, checks the main window's title and WM class
# against the desktop entry, closes the window, and checks that `bin/Reelwatch --help` prints the CLI usage.
# Exits non-zero with a message on the first failure.
#
# Needs: JDK 17+ with jpackage, Maven, dpkg-deb, fakeroot, xvfb-run (xvfb, xauth), xdotool, python3.
# Optional: xprop (x11-utils) for diagnostics, desktop-file-validate, ImageMagick's import for a screenshot.
# Usage: packaging/smoke-test.sh [--no-build]   (--no-build reuses target/jpackage from an earlier build)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

APP_ID=dev.reelwatch.Reelwatch
WINDOW_TIMEOUT="${SMOKE_WINDOW_TIMEOUT:-120}"   # seconds; a cold JVM + JavaFX on a busy 2-core box is slow
CLOSE_GRACE=20

fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }
info() { echo "smoke-test: $*"; }

# Sends WM_DELETE_WINDOW, as a window manager's close button does (xdotool 3.2016's windowclose destroys
# the window instead, and xvfb-run starts no window manager that would honour wmctrl -c).
close_window() {
  python3 - "$1" <<'PY'
import ctypes, sys
x = ctypes.CDLL("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
x.XFlush.argtypes = [ctypes.c_void_p]

class ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5), ("pad", ctypes.c_long * 16)]

display = x.XOpenDisplay(None)
if not display:
    sys.exit("cannot open display")
window = int(sys.argv[1])
event = ClientMessage(type=33, send_event=1, display=display, window=window,
                      message_type=x.XInternAtom(display, b"WM_PROTOCOLS", 0), format=32)
event.data[0] = x.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
if not x.XSendEvent(display, window, 0, 0, ctypes.byref(event)):
    sys.exit("XSendEvent failed")
x.XFlush(display)
PY
}

# ---- GUI phase: runs inside xvfb-run (the script calls itself) ------------------------------------------
if [ "${1:-}" = "__gui" ]; then
  launcher="$2"; wm_class="$3"; title="$4"; home="$5"
  log="$home/app.log"
  HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
    REELWATCH_HOME="$home/reelwatch" "$launcher" >"$log" 2>&1 &
  pid=$!
  class_regex="^$(printf '%s' "$wm_class" | sed 's/[].[^$*+?(){}|\\]/\\&/g')\$"

  wid=""
  deadline=$((SECONDS + WINDOW_TIMEOUT))
  while [ -z "$wid" ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; fail "the launcher exited before showing a window (log above)"; }
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "--- visible windows:" >&2
      for w in $(xdotool search --onlyvisible --name '.*' 2>/dev/null); do
        echo "  $w name='$(xdotool getwindowname "$w" 2>/dev/null)' $(command -v xprop >/dev/null && xprop -id "$w" WM_CLASS 2>/dev/null)" >&2
      done
      echo "--- app log:" >&2; tail -n 40 "$log" >&2
      kill -9 "$pid" 2>/dev/null || true
      fail "no visible window with WM_CLASS '$wm_class' (StartupWMClass of $APP_ID.desktop) within ${WINDOW_TIMEOUT}s"
    fi
    wid="$(xdotool search --onlyvisible --class "$class_regex" 2>/dev/null | head -n 1 || true)"
    [ -n "$wid" ] || sleep 0.5
  done
  info "window $wid appeared after ${SECONDS}s with WM_CLASS '$wm_class'"
  command -v xprop >/dev/null && xprop -id "$wid" WM_CLASS _NET_WM_NAME | sed 's/^/smoke-test:   /'

  # The title may gain a suffix later (e.g. a count), but must start with the app's name.
  actual_title="$(xdotool getwindowname "$wid")"
  case "$actual_title" in
    "$title"*) info "title '$actual_title'" ;;
    *) kill -9 "$pid" 2>/dev/null || true; fail "window title is '$actual_title', expected it to start with '$title'" ;;
  esac
  if command -v xprop >/dev/null; then
    if xprop -id "$wid" _NET_WM_ICON 2>/dev/null | grep -q 'Icon ('; then
      info "window icon set (_NET_WM_ICON)"
    else
      kill -9 "$pid" 2>/dev/null || true
      fail "the window sets no icon (_NET_WM_ICON); the main window must call stage.getIcons().addAll(AppIcons.load())"
    fi
  fi
  if [ -x /usr/bin/import ]; then
    sleep 1
    /usr/bin/import -window root "$root/target/jpackage/smoke-window.png" 2>/dev/null && info "screenshot: target/jpackage/smoke-window.png"
  fi

  close_window "$wid" || info "could not send WM_DELETE_WINDOW"
  for _ in $(seq $((CLOSE_GRACE * 2))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    info "WARNING: the app still runs ${CLOSE_GRACE}s after its window was closed; sending SIGTERM"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { info "WARNING: SIGTERM ignored; sending SIGKILL"; kill -9 "$pid" 2>/dev/null || true; }
    wait "$pid" 2>/dev/null || true
  else
    status=0; wait "$pid" || status=$?
    [ "$status" -eq 0 ] || { tail -n 40 "$log" >&2; fail "the app exited with status $status after its window was closed"; }
    info "closing the window ended the app (exit 0)"
  fi
  if grep -E -q '^(Exception in thread|Caused by:)|^[[:space:]]+at [a-z]+\.' "$log"; then
    cat "$log" >&2; fail "the app logged an exception while starting or closing (log above)"
  fi
  exit 0
fi

# ---- Main phase ---------------------------------------------------------------------------------------
start=$SECONDS
build=1
[ "${1:-}" = "--no-build" ] && build=0

need=(dpkg-deb fakeroot xvfb-run xdotool python3 mvn)
for tool in "${need[@]}"; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install -y dpkg fakeroot xvfb xauth xdotool python3 maven)"
done
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
[ -x "$java_home/bin/jpackage" ] || fail "no jpackage in $java_home/bin (needs a full JDK 17+)"

version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)"
[ -n "$version" ] || fail "cannot read the project version from pom.xml"
out="$root/target/jpackage"

if [ "$build" -eq 1 ]; then
  info "building the app-image and .deb (mvn -Ppackage package -DskipTests)"
  mkdir -p "$root/target"   # a fresh clone has none yet
  # The .deb gets a fast gzip here; release builds keep dpkg's default xz.
  DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1 \
    mvn -B -ntp -q -Ppackage package -DskipTests >"$root/target/smoke-build.log" 2>&1 \
    || { tail -n 60 "$root/target/smoke-build.log" >&2; fail "mvn -Ppackage package failed (log: target/smoke-build.log)"; }
  info "built in $((SECONDS - start))s"
fi

launcher="$out/Reelwatch/bin/Reelwatch"
[ -x "$launcher" ] || fail "app-image launcher $launcher missing"
debs=("$out"/reelwatch_*.deb)
[ "${#debs[@]}" -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected exactly one reelwatch_*.deb in $out"
deb="${debs[0]}"

# ---- .deb contents ----
info "inspecting $(basename "$deb") ($(du -h "$deb" | cut -f1))"
listing="$(dpkg-deb -c "$deb")"
expect_in_deb() {
  grep -q -E " \./$1( |$)" <<<"$listing" || fail ".deb lacks $1"
}
expect_in_deb "opt/reelwatch/bin/Reelwatch"
expect_in_deb "opt/reelwatch/lib/app/reelwatch.jar"
expect_in_deb "opt/reelwatch/lib/runtime/lib/modules"
expect_in_deb "usr/share/applications/$APP_ID.desktop"
expect_in_deb "usr/share/metainfo/$APP_ID.metainfo.xml"
for size in 16 24 32 48 64 128 256 512; do
  expect_in_deb "usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
expect_in_deb "usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
grep -q -E ' \./usr/bin/reelwatch -> /opt/reelwatch/bin/Reelwatch$' <<<"$listing" || fail ".deb lacks the /usr/bin/reelwatch link"
[ "$(dpkg-deb -f "$deb" Package)" = reelwatch ] || fail "package name is not reelwatch"
[ "$(dpkg-deb -f "$deb" Version)" = "$version-1" ] || fail "package version $(dpkg-deb -f "$deb" Version) is not $version-1"
dpkg-deb -f "$deb" Depends | grep -q libgtk-3-0 || fail "package does not depend on libgtk-3-0"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/deb"
desktop="$work/deb/usr/share/applications/$APP_ID.desktop"
entry() { sed -n "s/^$1=//p" "$desktop" | head -n 1; }
[ "$(entry Exec)" = /opt/reelwatch/bin/Reelwatch ] || fail "desktop entry Exec is '$(entry Exec)'"
[ "$(entry Icon)" = "$APP_ID" ] || fail "desktop entry Icon is '$(entry Icon)', expected $APP_ID"
[ "$(entry Name)" = Reelwatch ] || fail "desktop entry Name is '$(entry Name)'"
[ "$(entry Terminal)" = false ] || fail "desktop entry must say Terminal=false"
wm_class="$(entry StartupWMClass)"
[ -n "$wm_class" ] || fail "desktop entry has no StartupWMClass"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" || fail "desktop-file-validate rejects $APP_ID.desktop"
fi
grep -q "<release version=\"$version\"" "$work/deb/usr/share/metainfo/$APP_ID.metainfo.xml" \
  || fail "metainfo release is not $version"
info ".deb holds the launcher, runtime, desktop entry, metainfo, icons and /usr/bin/reelwatch"

# ---- CLI: --help prints usage, with no display at all ----
info "checking '$launcher --help'"
help_status=0
help_out="$(env -u DISPLAY -u WAYLAND_DISPLAY HOME="$work" XDG_DATA_HOME="$work/data" REELWATCH_HOME="$work/reelwatch" \
  timeout 60 "$launcher" --help 2>&1)" || help_status=$?
if grep -E -q '^(Exception in thread|Caused by:)|^[[:space:]]+at [a-z]+\.' <<<"$help_out"; then
  echo "$help_out" >&2; fail "'Reelwatch --help' crashed (output above)"
fi
[ "$help_status" -eq 0 ] || { echo "$help_out" >&2; fail "'Reelwatch --help' exited with status $help_status"; }
grep -q -i 'usage' <<<"$help_out" || { echo "$help_out" >&2; fail "'Reelwatch --help' printed no usage text (output above)"; }
info "--help prints the CLI usage"

# ---- GUI: window title, WM class, close ----
info "starting the launcher under Xvfb; expecting WM_CLASS '$wm_class'"
mkdir -p "$work/home"
xvfb-run -a -s "-screen 0 1280x800x24" "$0" __gui "$launcher" "$wm_class" Reelwatch "$work/home" \
  || fail "GUI check failed"

info "PASS in $((SECONDS - start))s"
