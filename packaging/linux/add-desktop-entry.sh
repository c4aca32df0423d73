#!/usr/bin/env bash
# Adds Reelwatch's desktop integration to the .deb jpackage built, as files the package owns (so dpkg removes
# them on uninstall and Debian's triggers refresh the menu and icon caches):
#   /usr/share/applications/dev.reelwatch.Reelwatch.desktop
#   /usr/share/metainfo/dev.reelwatch.Reelwatch.metainfo.xml
#   /usr/share/icons/hicolor/{16x16..512x512,scalable}/apps/dev.reelwatch.Reelwatch.{png,svg}
#   /usr/bin/reelwatch -> /opt/reelwatch/bin/Reelwatch   (the command line)
# jpackage's own control, maintainer scripts and /opt tree are kept as they are.
# Usage: packaging/linux/add-desktop-entry.sh DIR|PACKAGE.deb VERSION   (run by `mvn -Ppackage package`)
set -euo pipefail
deb="$1"
if [ -d "$deb" ]; then
  debs=("$deb"/reelwatch_*.deb)
  [ "${#debs[@]}" -eq 1 ] && [ -f "${debs[0]}" ] || { echo "add-desktop-entry: expected one reelwatch_*.deb in $deb" >&2; exit 1; }
  deb="${debs[0]}"
fi
deb="$(readlink -f "$deb")"
version="$2"
here="$(cd "$(dirname "$0")" && pwd)"
icons="$here/../icons"
id=dev.reelwatch.Reelwatch

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
dpkg-deb --raw-extract "$deb" "$root"

launcher="$(find "$root/opt" -path '*/bin/Reelwatch' -type f | head -n 1)"
[ -n "$launcher" ] || { echo "add-desktop-entry: no bin/Reelwatch under /opt in $deb" >&2; exit 1; }
launcher="/${launcher#"$root"/}"

install -D -m 644 "$here/$id.desktop" "$root/usr/share/applications/$id.desktop"
sed -i "s|^Exec=.*|Exec=$launcher|; s|^TryExec=.*|TryExec=$launcher|" "$root/usr/share/applications/$id.desktop"

release_date="$(date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%F)"
install -D -m 644 "$here/$id.metainfo.xml" "$root/usr/share/metainfo/$id.metainfo.xml"
sed -i "s|@VERSION@|$version|; s|@DATE@|$release_date|" "$root/usr/share/metainfo/$id.metainfo.xml"

for size in 16 24 32 48 64 128 256 512; do
  install -D -m 644 "$icons/png/reelwatch-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/$id.png"
done
install -D -m 644 "$icons/reelwatch.svg" "$root/usr/share/icons/hicolor/scalable/apps/$id.svg"

mkdir -p "$root/usr/bin"
ln -sfn "$launcher" "$root/usr/bin/reelwatch"

# Installed-Size is in KiB and must count what was just added.
size_kib="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
sed -i "s/^Installed-Size:.*/Installed-Size: $size_kib/" "$root/DEBIAN/control"

# xz unless DPKG_DEB_COMPRESSOR_TYPE / DPKG_DEB_COMPRESSOR_LEVEL say otherwise (the smoke test asks for a fast gzip).
dpkg-deb --root-owner-group --build "$root" "$work/out.deb" >/dev/null
mv "$work/out.deb" "$deb"
echo "add-desktop-entry: added desktop entry, metainfo, icons and /usr/bin/reelwatch to $(basename "$deb")"
