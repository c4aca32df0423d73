#!/usr/bin/env bash
# Renders the app icon from its hand-written SVG sources into every file the packages and the app use:
# PNGs (16-512 px), the Windows ICO, the macOS ICNS and the window icons the running app loads.
# Needs rsvg-convert (librsvg2-bin), ImageMagick's convert and png2icns (icnsutils):
#   apt-get install -y librsvg2-bin imagemagick icnsutils
# Usage: packaging/icons/render-icons.sh   (the outputs are committed; run it after editing an SVG)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
png="$here/png"
app="$root/src/main/resources/dev/reelwatch/app/icons"
mkdir -p "$png" "$app"

for tool in rsvg-convert png2icns; do
  command -v "$tool" >/dev/null || { echo "render-icons: $tool is missing (apt-get install -y librsvg2-bin icnsutils)" >&2; exit 1; }
done
# /usr/local/bin/convert may be a stand-in that only previews PNGs; use ImageMagick's own.
convert=/usr/bin/convert
[ -x "$convert" ] || convert="$(command -v convert || true)"
"$convert" -version 2>/dev/null | grep -q ImageMagick || { echo "render-icons: ImageMagick is missing (apt-get install -y imagemagick)" >&2; exit 1; }

# Below 32 px the sprocket holes only blur, so the small sizes come from the simplified drawing.
for size in 16 24 32 48 64 128 256 512; do
  src="$here/reelwatch.svg"
  [ "$size" -lt 32 ] && src="$here/reelwatch-small.svg"
  rsvg-convert --width "$size" --height "$size" --format png "$src" --output "$png/reelwatch-$size.png"
done

"$convert" "$png"/reelwatch-{16,24,32,48,64,128,256}.png "$root/packaging/windows/reelwatch.ico"
png2icns "$root/packaging/macos/reelwatch.icns" "$png"/reelwatch-{16,32,48,128,256,512}.png >/dev/null

for size in 16 24 32 48 64 128 256; do
  cp "$png/reelwatch-$size.png" "$app/reelwatch-$size.png"
done
echo "render-icons: wrote $png, packaging/windows/reelwatch.ico, packaging/macos/reelwatch.icns and $app"
