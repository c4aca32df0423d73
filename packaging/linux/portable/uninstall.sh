#!/bin/sh
# Removes what install.sh added for the current user: the menu entry, icons, metainfo, ~/.local/bin/reelwatch
# and the start-up archive. Keeps your data (tasks, settings, keys, archived videos in
# ~/.local/share/reelwatch or $REELWATCH_HOME) and this folder; delete the folder yourself afterwards.
# Usage: uninstall.sh [--quiet]
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
manifest="$here/.installed-files"
quiet=0
[ "${1:-}" = --quiet ] && quiet=1
if [ ! -f "$manifest" ]; then
  [ "$quiet" = 1 ] || echo "uninstall.sh: nothing to remove (install.sh was not run from $here)"
  exit 0
fi
while IFS= read -r file; do
  [ -n "$file" ] || continue
  if [ -L "$file" ]; then
    # Only our own link: another install may have taken the name since.
    [ "$(readlink "$file")" = "$here/bin/Reelwatch" ] && rm -f "$file"
  else
    rm -f "$file"
  fi
done <"$manifest"
rm -f "$manifest"
[ -x "$here/lib/cds.sh" ] && "$here/lib/cds.sh" disable || true
data="${XDG_DATA_HOME:-$HOME/.local/share}"
case "$data" in /*) ;; *) data="$HOME/.local/share" ;; esac
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" 2>/dev/null || true
touch "$data/icons/hicolor" 2>/dev/null || true
[ "$quiet" = 1 ] || echo "Reelwatch is no longer in your menu; your data stays in ${REELWATCH_HOME:-$data/reelwatch}. Delete $here to remove the app."
