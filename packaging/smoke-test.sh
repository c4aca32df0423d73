#!/usr/bin/env bash
# Smoke test of the Linux desktop packages, end to end: builds the app-image, .deb, .rpm and portable tarball
# with `mvn -Ppackage package`; inspects the .deb and .rpm; validates the desktop entry and AppStream metainfo
# (desktop-file-validate, appstreamcli); installs the .deb with apt-get, starts the INSTALLED launcher the way
# the menu does (the desktop entry's Exec line) under Xvfb with a window manager (openbox), checks the window's
# title, WM class and icon, closes it, removes the package and checks that the user's data directory stays;
# then unpacks the tarball, runs its install.sh into a temporary HOME, starts what that installed, and checks
# that uninstall.sh takes it all away again. Exits non-zero with a message on the first failure.
#
# Needs: JDK 17+ with jpackage, Maven, dpkg-deb, fakeroot, rpm (rpmbuild), apt-get and root (or sudo),
# xvfb-run (xvfb, xauth), openbox, xdotool, python3, desktop-file-validate (desktop-file-utils), appstreamcli
# (appstream). Optional: gtk-launch (libgtk-3-bin) to start the installed entry as a menu does (else its Exec
# line), xprop (x11-utils) for the icon check, ImageMagick's import for screenshots.
# Usage: packaging/smoke-test.sh [--no-build]   (--no-build reuses target/jpackage from an earlier build)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

APP_ID=dev.reelwatch.Reelwatch
WINDOW_TIMEOUT="${SMOKE_WINDOW_TIMEOUT:-180}"   # seconds; a cold JVM + JavaFX on a busy 2-core box is slow
CLOSE_GRACE=20

fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }
info() { echo "smoke-test: $*"; }
. "$root/packaging/linux/x11-window.sh"

# The program a desktop entry's Exec line starts, without field codes (%U, %f, ...) and quotes.
exec_of() {
  sed -n 's/^Exec=//p' "$1" | head -n 1 | sed -E 's/ %[a-zA-Z]//g; s/^"(.*)"$/\1/'
}

# ---- GUI phase: runs inside xvfb-run (the script calls itself) ------------------------------------------
# __gui LAUNCHER WM_CLASS TITLE HOME SHOT: starts LAUNCHER (a program, or "gtk-launch:DESKTOP_ID" to start
# the desktop entry as a menu does) with HOME as the user's home (the default data directory under it, no
# REELWATCH_HOME), under openbox; waits for the window, checks title and icon, takes
# a screenshot to SHOT, closes the window as the window manager's close button does, expects exit status 0
# and no exception in the log.
if [ "${1:-}" = "__gui" ]; then
  launcher="$2"; wm_class="$3"; title="$4"; home="$5"; shot="$6"
  log="$home/app.log"
  openbox >/dev/null 2>&1 &
  wm=$!
  trap 'kill "$wm" 2>/dev/null || true' EXIT
  sleep 1
  start=$SECONDS
  # Java takes user.home from the password database, not $HOME, so the XDG variables carry the fresh home
  # (set to their defaults under it): the data directory is then $home/.local/share/reelwatch.
  user_env=(env -u REELWATCH_HOME HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
            XDG_CACHE_HOME="$home/.cache" XDG_DATA_DIRS="${XDG_DATA_DIRS:-/usr/local/share:/usr/share}")
  child=1
  case "$launcher" in
    gtk-launch:*)
      # gtk-launch finds the entry by its id in XDG_DATA_DIRS, runs its Exec and returns; the app is not our
      # child, so its process is found from the window (_NET_WM_PID) and its exit status is not known.
      "${user_env[@]}" gtk-launch "${launcher#gtk-launch:}" >"$log" 2>&1 \
        || { cat "$log" >&2; fail "gtk-launch ${launcher#gtk-launch:} failed"; }
      pid=$$ child=0 ;;
    *)
      "${user_env[@]}" "$launcher" >"$log" 2>&1 &
      pid=$! ;;
  esac
  status=0
  wid="$(x11_wait_window "$pid" "$wm_class" "$WINDOW_TIMEOUT")" || status=$?
  if [ "$child" = 0 ] && [ "$status" -eq 0 ]; then
    pid="$(xdotool getwindowpid "$wid" 2>/dev/null || true)"
    [ -n "$pid" ] || fail "the window started by gtk-launch names no process (_NET_WM_PID)"
    info "gtk-launch started $(readlink "/proc/$pid/exe" 2>/dev/null || echo "process $pid")"
  fi
  if [ "$status" -ne 0 ]; then
    echo "--- visible windows:" >&2
    for w in $(xdotool search --onlyvisible --name '.*' 2>/dev/null); do
      echo "  $w name='$(xdotool getwindowname "$w" 2>/dev/null)' $(command -v xprop >/dev/null && xprop -id "$w" WM_CLASS 2>/dev/null)" >&2
    done
    echo "--- app log:" >&2; tail -n 40 "$log" >&2
    kill -9 "$pid" 2>/dev/null || true
    [ "$status" -eq 1 ] && fail "the launcher exited before showing a window (log above)"
    fail "no visible window with WM_CLASS '$wm_class' (StartupWMClass of $APP_ID.desktop) within ${WINDOW_TIMEOUT}s"
  fi
  info "window $wid appeared after $((SECONDS - start))s with WM_CLASS '$wm_class' (under openbox)"
  command -v xprop >/dev/null && xprop -id "$wid" WM_CLASS _NET_WM_NAME | sed 's/^/smoke-test:   /'

  # The title may gain a suffix later (e.g. a count), but must start with the app's name.
  actual_title="$(xdotool getwindowname "$wid")"
  case "$actual_title" in
    "$title"*) info "title '$actual_title'" ;;
    *) kill -9 "$pid" 2>/dev/null || true; fail "window title is '$actual_title', expected it to start with '$title'" ;;
  esac
  if command -v xprop >/dev/null; then
    # The icon property may follow the first map by a moment on a busy machine.
    icon_set=0
    for _ in $(seq 40); do
      xprop -id "$wid" _NET_WM_ICON 2>/dev/null | grep -q 'Icon (' && { icon_set=1; break; }
      sleep 0.25
    done
    if [ "$icon_set" = 1 ]; then
      info "window icon set (_NET_WM_ICON)"
    else
      kill -9 "$pid" 2>/dev/null || true
      fail "the window sets no icon (_NET_WM_ICON); the main window must call stage.getIcons().addAll(AppIcons.load())"
    fi
  fi
  sleep 2
  # Reported, not failed: the window's size is the app's business (MainView), not the package's.
  geometry="$(xdotool getwindowgeometry "$wid" 2>/dev/null | sed -n 's/^ *Geometry: //p')"
  if [ -n "$geometry" ] && { [ "${geometry%x*}" -lt 640 ] || [ "${geometry#*x}" -lt 400 ]; }; then
    info "WARNING: the main window is only $geometry two seconds after it appeared"
  else
    info "window size $geometry"
  fi
  if [ -x /usr/bin/import ]; then
    /usr/bin/import -window root "$shot" 2>/dev/null && info "screenshot: ${shot#"$root"/}"
  fi

  x11_close_window "$wid" || info "could not send WM_DELETE_WINDOW"
  if [ "$child" = 0 ]; then
    for _ in $(seq $((CLOSE_GRACE * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { kill -9 "$pid" 2>/dev/null || true; fail "the app still runs ${CLOSE_GRACE}s after its window was closed"; }
    info "closing the window ended the app"
  elif x11_wait_exit "$pid" "$CLOSE_GRACE"; then
    [ "$X11_STATUS" -eq 0 ] || { tail -n 40 "$log" >&2; fail "the app exited with status $X11_STATUS after its window was closed"; }
    info "closing the window ended the app (exit 0)"
  else
    info "WARNING: the app still runs ${CLOSE_GRACE}s after its window was closed; sending SIGTERM"
    kill -TERM "$pid" 2>/dev/null || true
    x11_wait_exit "$pid" 10 || { info "WARNING: SIGTERM ignored; sending SIGKILL"; kill -9 "$pid" 2>/dev/null || true; }
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

need=(dpkg-deb fakeroot rpmbuild rpm apt-get xvfb-run openbox xdotool python3 desktop-file-validate appstreamcli mvn)
for tool in "${need[@]}"; do
  command -v "$tool" >/dev/null \
    || fail "$tool is missing (apt-get install -y dpkg fakeroot rpm xvfb xauth openbox xdotool python3 desktop-file-utils appstream maven)"
done
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || fail "installing the .deb needs root or sudo"
  SUDO="sudo"
fi
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
[ -x "$java_home/bin/jpackage" ] || fail "no jpackage in $java_home/bin (needs a full JDK 17+)"

version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)"
[ -n "$version" ] || fail "cannot read the project version from pom.xml"
out="$root/target/jpackage"

if [ "$build" -eq 1 ]; then
  info "building the app-image, .deb, .rpm and tarball (mvn -Ppackage package -DskipTests)"
  mkdir -p "$root/target"   # a fresh clone has none yet
  # Fast gzip for the .deb and the tarball here; release builds keep dpkg's xz and gzip -9.
  DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1 TARBALL_GZIP_LEVEL=1 REELWATCH_REQUIRE_RPM=1 \
    mvn -B -ntp -Ppackage package -DskipTests >"$root/target/smoke-build.log" 2>&1 \
    || { tail -n 60 "$root/target/smoke-build.log" >&2; fail "mvn -Ppackage package failed (log: target/smoke-build.log)"; }
  grep -E -o '(cds-train|build-rpm|build-tarball|add-desktop-entry): .*' "$root/target/smoke-build.log" | sed 's/^/smoke-test:   /' || true
  info "built in $((SECONDS - start))s"
fi

image_launcher="$out/Reelwatch/bin/Reelwatch"
[ -x "$image_launcher" ] || fail "app-image launcher $image_launcher missing"
one() {  # one FILE matching a glob, or fail
  local files=($1)
  [ "${#files[@]}" -eq 1 ] && [ -f "${files[0]}" ] || fail "expected exactly one $(basename "$1") in $out"
  echo "${files[0]}"
}
deb="$(one "$out/reelwatch_*.deb")"
rpmfile="$(one "$out/reelwatch-*.rpm")"
tarball="$(one "$out/reelwatch-*-linux-*.tar.gz")"
[ "$(basename "$deb")" = "reelwatch_${version}-1_amd64.deb" ] || fail ".deb is named $(basename "$deb"), expected reelwatch_${version}-1_amd64.deb"
[ "$(basename "$rpmfile")" = "reelwatch-${version}-1.x86_64.rpm" ] || fail ".rpm is named $(basename "$rpmfile")"
[ "$(basename "$tarball")" = "reelwatch-${version}-linux-x64.tar.gz" ] || fail "tarball is named $(basename "$tarball")"

work="$(mktemp -d)"
installed=0
cleanup() {
  # A failure between install and remove must not leave the package on the machine.
  if [ "$installed" = 1 ]; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq reelwatch >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# ---- .deb contents ----
info "inspecting $(basename "$deb") ($(du -h "$deb" | cut -f1))"
listing="$(dpkg-deb -c "$deb")"
expect_in_deb() {
  grep -q -E " \./$1( |$)" <<<"$listing" || fail ".deb lacks $1"
}
expect_in_deb "opt/reelwatch/bin/Reelwatch"
expect_in_deb "opt/reelwatch/lib/app/reelwatch.jar"
expect_in_deb "opt/reelwatch/lib/app/reelwatch.classlist"
expect_in_deb "opt/reelwatch/lib/cds.sh"
expect_in_deb "opt/reelwatch/lib/runtime/lib/modules"
expect_in_deb "opt/reelwatch/lib/runtime/lib/server/classes.jsa"
expect_in_deb "usr/share/applications/$APP_ID.desktop"
expect_in_deb "usr/share/metainfo/$APP_ID.metainfo.xml"
for size in 16 24 32 48 64 128 256 512; do
  expect_in_deb "usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
expect_in_deb "usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
grep -q -E ' \./usr/bin/reelwatch -> /opt/reelwatch/bin/Reelwatch$' <<<"$listing" || fail ".deb lacks the /usr/bin/reelwatch link"
grep -q -E ' \./opt/reelwatch/lib/app/reelwatch\.jsa( |$)' <<<"$listing" && fail ".deb ships a start-up archive; it must be made where installed"
[ "$(dpkg-deb -f "$deb" Package)" = reelwatch ] || fail "package name is not reelwatch"
[ "$(dpkg-deb -f "$deb" Version)" = "$version-1" ] || fail "package version $(dpkg-deb -f "$deb" Version) is not $version-1"
dpkg-deb -f "$deb" Depends | grep -q libgtk-3-0 || fail "package does not depend on libgtk-3-0"
dpkg-deb -I "$deb" postinst | grep -q 'cds.sh enable' || fail ".deb postinst does not make the start-up archive"
dpkg-deb -I "$deb" prerm | grep -q 'cds.sh disable' || fail ".deb prerm does not remove the start-up archive"

dpkg-deb -x "$deb" "$work/deb"
desktop="$work/deb/usr/share/applications/$APP_ID.desktop"
metainfo="$work/deb/usr/share/metainfo/$APP_ID.metainfo.xml"
entry() { sed -n "s/^$1=//p" "$2" | head -n 1; }
[ "$(entry Exec "$desktop")" = /opt/reelwatch/bin/Reelwatch ] || fail "desktop entry Exec is '$(entry Exec "$desktop")'"
[ "$(entry Icon "$desktop")" = "$APP_ID" ] || fail "desktop entry Icon is '$(entry Icon "$desktop")', expected $APP_ID"
[ "$(entry Name "$desktop")" = Reelwatch ] || fail "desktop entry Name is '$(entry Name "$desktop")'"
[ "$(entry Terminal "$desktop")" = false ] || fail "desktop entry must say Terminal=false"
wm_class="$(entry StartupWMClass "$desktop")"
[ -n "$wm_class" ] || fail "desktop entry has no StartupWMClass"
grep -q "<release version=\"$version\" date=\"[0-9-]*\"" "$metainfo" || fail "metainfo release is not $version"
info ".deb holds the launcher, runtime, class list, desktop entry, metainfo, icons and /usr/bin/reelwatch"

# ---- Linux metadata: both validators, no complaints ----
validate_desktop() {
  local out_text
  out_text="$(desktop-file-validate "$1" 2>&1)" || { echo "$out_text" >&2; fail "desktop-file-validate rejects $1"; }
  [ -z "$out_text" ] || { echo "$out_text" >&2; fail "desktop-file-validate warns about $(basename "$1") (above)"; }
}
validate_desktop "$desktop"
info "desktop-file-validate: $APP_ID.desktop clean"
as_out="$(appstreamcli validate --no-net "$metainfo" 2>&1)" || { echo "$as_out" >&2; fail "appstreamcli validate rejects the metainfo"; }
grep -v '^[[:space:]]*$' <<<"$as_out" | sed 's/^/smoke-test:   appstreamcli: /'
! grep -E -q '^[EW]: ' <<<"$as_out" || fail "appstreamcli validate reports errors or warnings (above)"
info "appstreamcli validate --no-net: metainfo clean (no errors, no warnings)"

# ---- .rpm contents ----
info "inspecting $(basename "$rpmfile") ($(du -h "$rpmfile" | cut -f1)) with rpm -qlp"
rpm_list="$(rpm -qlp "$rpmfile" 2>/dev/null)"
for f in /opt/reelwatch/bin/Reelwatch /opt/reelwatch/lib/app/reelwatch.jar /opt/reelwatch/lib/app/reelwatch.classlist \
         /opt/reelwatch/lib/cds.sh /opt/reelwatch/lib/runtime/lib/modules /usr/bin/reelwatch \
         "/usr/share/applications/$APP_ID.desktop" "/usr/share/metainfo/$APP_ID.metainfo.xml" \
         "/usr/share/icons/hicolor/256x256/apps/$APP_ID.png" "/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"; do
  grep -q -x -F "$f" <<<"$rpm_list" || fail ".rpm lacks $f"
done
grep -q -x -F /usr/share/applications <<<"$rpm_list" && fail ".rpm owns /usr/share/applications (a distribution directory)"
[ "$(rpm -qp --queryformat '%{NAME} %{VERSION} %{RELEASE}' "$rpmfile" 2>/dev/null)" = "reelwatch $version 1" ] \
  || fail ".rpm is $(rpm -qp --queryformat '%{NAME} %{VERSION} %{RELEASE}' "$rpmfile" 2>/dev/null), expected reelwatch $version 1"
rpm -qp --requires "$rpmfile" 2>/dev/null | grep -q -x gtk3 || fail ".rpm does not require gtk3"
rpm -qp --scripts "$rpmfile" 2>/dev/null | grep -q 'cds.sh enable' || fail ".rpm %post does not make the start-up archive"
[ "$(rpm -qp --queryformat '[%{FILELINKTOS} %{FILENAMES}\n]' "$rpmfile" 2>/dev/null | grep ' /usr/bin/reelwatch$')" = \
  "/opt/reelwatch/bin/Reelwatch /usr/bin/reelwatch" ] || fail ".rpm's /usr/bin/reelwatch does not point to /opt/reelwatch/bin/Reelwatch"
info ".rpm holds $(wc -l <<<"$rpm_list") paths: the app under /opt/reelwatch, desktop entry, metainfo, icons, /usr/bin/reelwatch"

# ---- CLI: --help prints usage, with no display at all ----
info "checking '$image_launcher --help'"
help_status=0
help_out="$(env -u DISPLAY -u WAYLAND_DISPLAY HOME="$work" XDG_DATA_HOME="$work/data" REELWATCH_HOME="$work/reelwatch" \
  timeout 60 "$image_launcher" --help 2>&1)" || help_status=$?
if grep -E -q '^(Exception in thread|Caused by:)|^[[:space:]]+at [a-z]+\.' <<<"$help_out"; then
  echo "$help_out" >&2; fail "'Reelwatch --help' crashed (output above)"
fi
[ "$help_status" -eq 0 ] || { echo "$help_out" >&2; fail "'Reelwatch --help' exited with status $help_status"; }
grep -q -i 'usage' <<<"$help_out" || { echo "$help_out" >&2; fail "'Reelwatch --help' printed no usage text (output above)"; }
info "--help prints the CLI usage"

# ---- the installed .deb ----
if dpkg-query -W -f='${Status}' reelwatch 2>/dev/null | grep -q "install ok installed"; then
  info "removing the reelwatch package a previous run left installed"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq reelwatch >/dev/null
fi
info "apt-get install -y ./$(basename "$deb")"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/apt-install.log" 2>&1 \
  || { tail -n 30 "$work/apt-install.log" >&2; installed=1; fail "apt-get install of the .deb failed"; }
installed=1
grep -i 'reelwatch' "$work/apt-install.log" | grep -v -i '^\(Selecting\|Preparing\|Unpacking\|Setting up\|(Reading\)' \
  | sed 's/^/smoke-test:   apt: /' || true
installed_entry="/usr/share/applications/$APP_ID.desktop"
[ -f "$installed_entry" ] || fail "the installed package has no $installed_entry"
menu_cmd="$(exec_of "$installed_entry")"
[ -x "$menu_cmd" ] || fail "the menu entry's Exec ('$menu_cmd') is not an executable file"
info "the menu entry resolves: Exec=$menu_cmd is an executable file"
# Start it as a menu does when gtk-launch (libgtk-3-bin) is there, else by the entry's Exec line.
if command -v gtk-launch >/dev/null; then
  deb_start="gtk-launch:$APP_ID"
else
  deb_start="$menu_cmd"
fi
[ "$(readlink -f /usr/bin/reelwatch)" = "$(readlink -f "$menu_cmd")" ] || fail "/usr/bin/reelwatch does not lead to the launcher"
[ "$(reelwatch --version 2>&1)" = "reelwatch $version" ] || fail "installed 'reelwatch --version' printed '$(reelwatch --version 2>&1)', expected 'reelwatch $version'"
info "installed 'reelwatch --version' prints 'reelwatch $version'"
[ -s /opt/reelwatch/lib/app/reelwatch.jsa ] || fail "postinst made no start-up archive /opt/reelwatch/lib/app/reelwatch.jsa"
grep -q 'SharedArchiveFile=$APPDIR/reelwatch.jsa' /opt/reelwatch/lib/app/Reelwatch.cfg || fail "the installed launcher does not use the archive"
JAVA_TOOL_OPTIONS=-Xshare:on reelwatch --version >"$work/xshare.log" 2>&1 \
  || { cat "$work/xshare.log" >&2; fail "the installed launcher cannot map its start-up archive (-Xshare:on)"; }
info "start-up archive $(du -h /opt/reelwatch/lib/app/reelwatch.jsa | cut -f1), mapped by the installed launcher (-Xshare:on)"

deb_home="$work/deb-home"
mkdir -p "$deb_home"
info "starting the installed app (${deb_start/gtk-launch:/gtk-launch }) under Xvfb + openbox"
xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" __gui "$deb_start" "$wm_class" Reelwatch "$deb_home" \
  "$out/smoke-window-deb.png" || fail "GUI check of the installed .deb failed"
data_dir="$deb_home/.local/share/reelwatch"
[ -d "$data_dir" ] && [ -n "$(ls -A "$data_dir")" ] || fail "the app made no data directory at $data_dir"
info "the app keeps its data in ~/.local/share/reelwatch ($(ls "$data_dir" | xargs))"

info "apt-get remove -y reelwatch"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq reelwatch >"$work/apt-remove.log" 2>&1 \
  || { tail -n 30 "$work/apt-remove.log" >&2; fail "apt-get remove reelwatch failed"; }
installed=0
dpkg-query -W -f='${Status}' reelwatch 2>/dev/null | grep -q "install ok installed" && fail "reelwatch is still installed"
[ ! -e /opt/reelwatch ] || { find /opt/reelwatch | head >&2; fail "/opt/reelwatch is left after removal (above)"; }
[ ! -e "$installed_entry" ] && [ ! -e /usr/bin/reelwatch ] && [ ! -e "/usr/share/icons/hicolor/256x256/apps/$APP_ID.png" ] \
  || fail "removal left the menu entry, /usr/bin/reelwatch or the icons behind"
[ -d "$data_dir" ] && [ -f "$data_dir/reelwatch.db" ] || fail "removing the package took the user's data directory ($data_dir)"
info "removed: /opt/reelwatch, the menu entry, icons and /usr/bin/reelwatch are gone; the user's data directory stays"

# ---- the portable tarball: install.sh / uninstall.sh for one user ----
info "unpacking $(basename "$tarball") ($(du -h "$tarball" | cut -f1))"
mkdir -p "$work/portable" "$work/tar-home"
tar -C "$work/portable" -xzf "$tarball"
top="$work/portable/reelwatch-$version"
[ -x "$top/install.sh" ] && [ -x "$top/uninstall.sh" ] && [ -x "$top/bin/Reelwatch" ] || fail "the tarball lacks install.sh, uninstall.sh or bin/Reelwatch"
tar_home="$work/tar-home"
tar_data="$tar_home/.local/share"
run_as_user() { env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u REELWATCH_HOME HOME="$tar_home" "$@"; }
run_as_user "$top/install.sh" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "install.sh failed"; }
sed 's/^/smoke-test:   install.sh: /' "$work/install.log"
user_entry="$tar_data/applications/$APP_ID.desktop"
[ -f "$user_entry" ] || fail "install.sh put no desktop entry at $user_entry"
validate_desktop "$user_entry"
user_cmd="$(exec_of "$user_entry")"
[ "$user_cmd" = "$top/bin/Reelwatch" ] && [ -x "$user_cmd" ] || fail "the installed entry's Exec is '$user_cmd', expected $top/bin/Reelwatch"
for size in 16 24 32 48 64 128 256 512; do
  [ -f "$tar_data/icons/hicolor/${size}x${size}/apps/$APP_ID.png" ] || fail "install.sh put no ${size}px icon under $tar_data/icons"
done
[ -f "$tar_data/icons/hicolor/scalable/apps/$APP_ID.svg" ] || fail "install.sh put no scalable icon"
[ -f "$tar_data/metainfo/$APP_ID.metainfo.xml" ] || fail "install.sh put no metainfo"
[ "$(readlink "$tar_home/.local/bin/reelwatch")" = "$top/bin/Reelwatch" ] || fail "install.sh made no ~/.local/bin/reelwatch"
[ -s "$top/lib/app/reelwatch.jsa" ] || fail "install.sh made no start-up archive"
info "install.sh: desktop entry (valid, Exec=$user_cmd), 9 icons and metainfo under ~/.local/share, ~/.local/bin/reelwatch, start-up archive"
info "starting what install.sh installed under Xvfb + openbox"
xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" __gui "$user_cmd" "$wm_class" Reelwatch "$tar_home" \
  "$out/smoke-window-portable.png" || fail "GUI check of the portable install failed"
run_as_user "$top/uninstall.sh" >"$work/uninstall.log" 2>&1 || { cat "$work/uninstall.log" >&2; fail "uninstall.sh failed"; }
sed 's/^/smoke-test:   uninstall.sh: /' "$work/uninstall.log"
left="$(find "$tar_data" "$tar_home/.local/bin" -name "$APP_ID*" -o -name reelwatch -type l 2>/dev/null || true)"
[ -z "$left" ] || { echo "$left" >&2; fail "uninstall.sh left files behind (above)"; }
[ ! -e "$top/lib/app/reelwatch.jsa" ] || fail "uninstall.sh left the start-up archive"
[ -f "$tar_data/reelwatch/reelwatch.db" ] || fail "uninstall.sh took the user's data directory"
info "uninstall.sh: desktop entry, icons, metainfo, ~/.local/bin/reelwatch and the archive removed; the data directory stays"

info "PASS in $((SECONDS - start))s"
