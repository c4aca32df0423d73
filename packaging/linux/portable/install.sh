#!/bin/sh
# Adds this Reelwatch folder to the current user's desktop, without root: the menu entry, the icons and the
# AppStream metainfo under ${XDG_DATA_HOME:-~/.local/share}, the command `reelwatch` in ~/.local/bin, and the
# start-up archive (lib/cds.sh). The app itself stays in this folder; to move it, run uninstall.sh, move the
# folder, run install.sh again. uninstall.sh removes everything this adds (never your data).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
case "$data" in /*) ;; *) data="$HOME/.local/share" ;; esac   # the XDG spec ignores a relative value
bindir="$HOME/.local/bin"
id=dev.reelwatch.Reelwatch
launcher="$here/bin/Reelwatch"
manifest="$here/.installed-files"
[ -x "$launcher" ] || { echo "install.sh: $launcher is missing; unpack the whole archive first" >&2; exit 1; }

# A previous install (perhaps from another folder) goes first, so nothing is left behind.
[ -f "$manifest" ] && "$here/uninstall.sh" --quiet

# Exec needs quotes when the path has spaces (Desktop Entry spec); TryExec is a plain path.
case "$launcher" in
  *[[:space:]]*) exec_value="\"$launcher\"" ;;
  *) exec_value="$launcher" ;;
esac
: >"$manifest"
mkdir -p "$data/applications"
awk -v exec_value="$exec_value" -v try_exec="$launcher" '
  /^Exec=/ { print "Exec=" exec_value; next }
  /^TryExec=/ { print "TryExec=" try_exec; next }
  { print }' "$here/share/applications/$id.desktop" >"$data/applications/$id.desktop"
echo "$data/applications/$id.desktop" >>"$manifest"
mkdir -p "$data/metainfo"
cp "$here/share/metainfo/$id.metainfo.xml" "$data/metainfo/$id.metainfo.xml"
echo "$data/metainfo/$id.metainfo.xml" >>"$manifest"
for icon in "$here"/share/icons/hicolor/*/apps/$id.*; do
  rel="${icon#"$here/share/"}"
  mkdir -p "$data/$(dirname "$rel")"
  cp "$icon" "$data/$rel"
  echo "$data/$rel" >>"$manifest"
done
# The command line, when ~/.local/bin has no other reelwatch.
if [ ! -e "$bindir/reelwatch" ] || [ -L "$bindir/reelwatch" ]; then
  mkdir -p "$bindir"
  ln -sfn "$launcher" "$bindir/reelwatch"
  echo "$bindir/reelwatch" >>"$manifest"
fi

command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" 2>/dev/null || true
touch "$data/icons/hicolor" 2>/dev/null || true
[ -f "$data/icons/hicolor/index.theme" ] && command -v gtk-update-icon-cache >/dev/null 2>&1 \
  && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true

echo "Reelwatch: preparing the start-up archive (class data sharing)..."
[ -x "$here/lib/cds.sh" ] && "$here/lib/cds.sh" enable || true

echo "Reelwatch is in your applications menu (run from $here)."
case ":$PATH:" in
  *":$bindir:"*) ;;
  *) [ -L "$bindir/reelwatch" ] && echo "For the command line, add $bindir to PATH, or run $launcher" ;;
esac
