#!/usr/bin/env bash
# Prepares a Linux app-image for class-data sharing (AppCDS): starts the image's launcher once in demo mode under
# X (Xvfb when there is no display) with -XX:DumpLoadedClassList, lets the main window fill, closes it as a
# user would, and keeps the list of the classes a start loads as lib/app/reelwatch.classlist. It also copies
# image-cds.sh into the image as lib/cds.sh, which the installers run to dump the archive from that list where
# the files end up (an archive names the absolute path of each jar, so it cannot be made here for /opt), and
# proves once here that the dump works and the launcher maps it, then removes that trial archive again.
# Run by `mvn -Ppackage package` after the app-image and before the installers, which all copy the image.
# Usage: packaging/linux/cds-train.sh IMAGE_DIR     Needs: xvfb-run (xvfb, xauth), xdotool, python3.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
self="$here/$(basename "$0")"
image="$(readlink -f "$1")"
launcher="$image/bin/Reelwatch"
cfg="$image/lib/app/Reelwatch.cfg"
jsa="$image/lib/app/reelwatch.jsa"
wm_class="$(sed -n 's/^StartupWMClass=//p' "$here/dev.reelwatch.Reelwatch.desktop")"
fail() { echo "cds-train: $*" >&2; exit 1; }
[ -x "$launcher" ] && [ -f "$cfg" ] || fail "no launcher or config in $image"

if [ -z "${DISPLAY:-}" ]; then
  for tool in xvfb-run xdotool python3; do
    command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install -y xvfb xauth xdotool python3), or build with -Dpackage.cds=false"
  done
  exec xvfb-run -a -s "-screen 0 1440x900x24" bash "$self" "$@"
fi
. "$here/x11-window.sh"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
list="$image/lib/app/reelwatch.classlist"
rm -f "$list"
echo "cds-train: training run of $launcher (demo mode)"
start=$SECONDS
HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config" XDG_CACHE_HOME="$work/home/cache" \
  REELWATCH_HOME="$work/reelwatch" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list" \
  "$launcher" demo >"$work/train.log" 2>&1 &
pid=$!
wid="" status=0
wid="$(x11_wait_window "$pid" "$wm_class" 180)" || status=$?
if [ "$status" -ne 0 ]; then
  kill -9 "$pid" 2>/dev/null || true
  tail -n 40 "$work/train.log" >&2
  fail "no window within 180 s (status $status; log above)"
fi
# Let the demo fill the table, thumbnails and status bar: those classes belong in the archive too.
sleep 10
x11_close_window "$wid"
x11_wait_exit "$pid" 120 || { kill -9 "$pid" 2>/dev/null || true; fail "the app did not exit after its window was closed"; }
[ "$X11_STATUS" -eq 0 ] || { tail -n 40 "$work/train.log" >&2; fail "the training run exited with status $X11_STATUS"; }
[ -s "$list" ] || { tail -n 40 "$work/train.log" >&2; fail "the JVM wrote no class list to $list"; }
chmod 644 "$list"
install -m 755 "$here/image-cds.sh" "$image/lib/cds.sh"
# The archive without compressed oops serves heaps over 32 GB only (the launcher caps the heap far below).
rm -f "$image/lib/runtime/lib/server/classes_nocoops.jsa"
# jlink --generate-cds-archive kept bin/java, which cds.sh needs for the dump; the other commands can go.
find "$image/lib/runtime/bin" -type f ! -name java -delete

"$image/lib/cds.sh" enable
grep -q SharedArchiveFile "$cfg" && [ -s "$jsa" ] || fail "lib/cds.sh enable made no archive"
# -Xshare:on turns "archive unusable" into a start-up failure instead of a quiet fallback.
JAVA_TOOL_OPTIONS="-Xshare:on" HOME="$work/home" REELWATCH_HOME="$work/reelwatch" "$launcher" --version >"$work/check.log" 2>&1 \
  || { cat "$work/check.log" >&2; fail "the launcher cannot map the archive (-Xshare:on)"; }
size="$(du -h "$jsa" | cut -f1)"
"$image/lib/cds.sh" disable
grep -q SharedArchiveFile "$cfg" && fail "lib/cds.sh disable left the option in $cfg"
echo "cds-train: $(wc -l <"$list") classes listed in $((SECONDS - start)) s; a trial archive ($size) mapped; lib/cds.sh ready"
