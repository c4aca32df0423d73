#!/usr/bin/env bash
# Builds the portable reelwatch-<version>-linux-<arch>.tar.gz from the app-image: one folder
# reelwatch-<version>/ holding the app-image (bin/, lib/), install.sh and uninstall.sh (portable/), the
# desktop entry, metainfo and icons they install (share/), LICENSE and README. Needs no root to use.
# Compression: gzip -$TARBALL_GZIP_LEVEL (default 9; the smoke test asks for 1).
# Usage: packaging/linux/build-tarball.sh PACKAGE_DIR VERSION   (run from the project root)
set -euo pipefail
dir="$1" version="$2"
here="$(cd "$(dirname "$0")" && pwd)"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=aarch64 ;;
  *) arch="$(uname -m)" ;;
esac
name="reelwatch-$version-linux-$arch"
top="reelwatch-$version"
stage="$dir/tarball"
rm -rf "$stage" "$dir/$name.tar.gz"
mkdir -p "$stage/$top"
cp -a "$dir/Reelwatch/." "$stage/$top/"
# install.sh fills in @LAUNCHER@ with where the folder is.
"$here/stage-desktop-files.sh" "$stage/$top/share" "$version" @LAUNCHER@
install -m 755 "$here/portable/install.sh" "$here/portable/uninstall.sh" "$stage/$top/"
install -m 644 "$here/portable/README.txt" "$stage/$top/README.txt"
install -m 644 LICENSE "$stage/$top/LICENSE"
tar -C "$stage" --owner=0 --group=0 -cf - "$top" | gzip -"${TARBALL_GZIP_LEVEL:-9}" >"$dir/$name.tar.gz"
rm -rf "$stage"
echo "build-tarball: $name.tar.gz ($(du -h "$dir/$name.tar.gz" | cut -f1))"
