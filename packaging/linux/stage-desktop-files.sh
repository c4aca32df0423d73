#!/usr/bin/env bash
# Puts Reelwatch's desktop integration under SHARE_DIR (a .../share folder), filled in for one release:
#   applications/dev.reelwatch.Reelwatch.desktop      Exec and TryExec set to LAUNCHER
#   metainfo/dev.reelwatch.Reelwatch.metainfo.xml      release VERSION, dated by $SOURCE_DATE_EPOCH, else the
#                                                      last commit, else today
#   icons/hicolor/{16x16..512x512,scalable}/apps/dev.reelwatch.Reelwatch.{png,svg}
# Used for the .deb (add-desktop-entry.sh), the .rpm (rpm/reelwatch.spec) and the portable tarball.
# Usage: packaging/linux/stage-desktop-files.sh SHARE_DIR VERSION LAUNCHER
set -euo pipefail
share="$1" version="$2" launcher="$3"
here="$(cd "$(dirname "$0")" && pwd)"
icons="$here/../icons"
id=dev.reelwatch.Reelwatch

if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
  epoch="$SOURCE_DATE_EPOCH"
else
  epoch="$(git -C "$here" log -1 --format=%ct 2>/dev/null || date +%s)"
fi
release_date="$(date -u -d "@$epoch" +%F)"

install -D -m 644 "$here/$id.desktop" "$share/applications/$id.desktop"
sed -i "s|^Exec=.*|Exec=$launcher|; s|^TryExec=.*|TryExec=$launcher|" "$share/applications/$id.desktop"
install -D -m 644 "$here/$id.metainfo.xml" "$share/metainfo/$id.metainfo.xml"
sed -i "s|@VERSION@|$version|; s|@DATE@|$release_date|" "$share/metainfo/$id.metainfo.xml"
for size in 16 24 32 48 64 128 256 512; do
  install -D -m 644 "$icons/png/reelwatch-$size.png" "$share/icons/hicolor/${size}x${size}/apps/$id.png"
done
install -D -m 644 "$icons/reelwatch.svg" "$share/icons/hicolor/scalable/apps/$id.svg"
