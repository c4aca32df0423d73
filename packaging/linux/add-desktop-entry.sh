#!/usr/bin/env bash
# Adds Reelwatch's desktop integration to the .deb jpackage built, as files the package owns (so dpkg removes
# them on uninstall and Debian's triggers refresh the menu and icon caches):
#   /usr/share/applications/dev.reelwatch.Reelwatch.desktop
#   /usr/share/metainfo/dev.reelwatch.Reelwatch.metainfo.xml
#   /usr/share/icons/hicolor/{16x16..512x512,scalable}/apps/dev.reelwatch.Reelwatch.{png,svg}
#   /usr/bin/reelwatch -> /opt/reelwatch/bin/Reelwatch   (the command line)
# jpackage's control (from deb/control), maintainer scripts (deb/postinst and deb/prerm: the start-up archive,
# lib/cds.sh) and /opt tree are kept as they are.
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

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
dpkg-deb --raw-extract "$deb" "$root"

launcher="$(find "$root/opt" -path '*/bin/Reelwatch' -type f | head -n 1)"
[ -n "$launcher" ] || { echo "add-desktop-entry: no bin/Reelwatch under /opt in $deb" >&2; exit 1; }
launcher="/${launcher#"$root"/}"

"$here/stage-desktop-files.sh" "$root/usr/share" "$version" "$launcher"

mkdir -p "$root/usr/bin"
ln -sfn "$launcher" "$root/usr/bin/reelwatch"

# Installed-Size is in KiB and must count what was just added.
size_kib="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
sed -i "s/^Installed-Size:.*/Installed-Size: $size_kib/" "$root/DEBIAN/control"

# xz unless DPKG_DEB_COMPRESSOR_TYPE / DPKG_DEB_COMPRESSOR_LEVEL say otherwise (the smoke test asks for a fast gzip).
dpkg-deb --root-owner-group --build "$root" "$work/out.deb" >/dev/null
mv "$work/out.deb" "$deb"
echo "add-desktop-entry: added desktop entry, metainfo, icons and /usr/bin/reelwatch to $(basename "$deb")"
