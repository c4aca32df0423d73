#!/usr/bin/env bash
# Builds reelwatch-<version>-1.<arch>.rpm from the app-image `mvn -Ppackage package` made (the same image as
# the .deb: no second jlink), with jpackage --type rpm and rpm/reelwatch.spec. Needs rpmbuild (Debian and
# Ubuntu: apt-get install rpm). Without it the .rpm is skipped with a warning, unless REELWATCH_REQUIRE_RPM=1
# (CI and release builds), which makes that an error.
# Usage: packaging/linux/build-rpm.sh JPACKAGE PACKAGE_DIR VERSION   (run from the project root)
set -euo pipefail
jpackage="$1" dir="$2" version="$3"
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v rpmbuild >/dev/null; then
  [ "${REELWATCH_REQUIRE_RPM:-0}" = 1 ] && { echo "build-rpm: rpmbuild is missing (apt-get install rpm)" >&2; exit 1; }
  echo "build-rpm: WARNING: no rpmbuild on PATH, so no .rpm (apt-get install rpm)"
  exit 0
fi
share="$dir/rpm-share"
rm -rf "$share"
"$here/stage-desktop-files.sh" "$share" "$version" /opt/reelwatch/bin/Reelwatch
rm -f "$dir"/reelwatch-*.rpm
echo "build-rpm: jpackage --type rpm"
REELWATCH_SHARE="$share" "$jpackage" --type rpm --app-image "$dir/Reelwatch" --dest "$dir" \
  "@$dir/common.options" --license-file LICENSE @packaging/linux/rpm.options
rm -rf "$share"
rpms=("$dir"/reelwatch-*.rpm)
[ -f "${rpms[0]}" ] || { echo "build-rpm: jpackage made no .rpm" >&2; exit 1; }
echo "build-rpm: $(basename "${rpms[0]}") ($(du -h "${rpms[0]}" | cut -f1))"
