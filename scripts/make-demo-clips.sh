#!/usr/bin/env bash
# Regenerates the demo clips the simulators serve (video only, H.264, small) and the test clip with audio.
# Needs ffmpeg with libx264. Usage: scripts/make-demo-clips.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/main/resources/dev/reelwatch/sim/clips
mkdir -p "$out" src/test/resources/media
enc=(-c:v libx264 -profile:v baseline -pix_fmt yuv420p -crf 30 -preset veryslow -movflags +faststart -an -y)
ffmpeg -hide_banner -loglevel error -f lavfi -i "testsrc2=size=320x180:rate=24:duration=3" "${enc[@]}" "$out/testcard.mp4"
ffmpeg -hide_banner -loglevel error -f lavfi -i "smptehdbars=size=320x180:rate=24:duration=3" \
  -vf "drawbox=x='mod(t*120,320)':y=0:w=24:h=180:color=white@0.8:t=fill" "${enc[@]}" "$out/bars.mp4"
ffmpeg -hide_banner -loglevel error -f lavfi -i "mandelbrot=size=320x180:rate=24:end_scale=0.01" -t 3 "${enc[@]}" "$out/mandel.mp4"
ffmpeg -hide_banner -loglevel error -f lavfi -i "gradients=size=320x180:rate=24:speed=0.05:c0=0x1b2a49:c1=0xf6c945:c2=0x2ec4b6:nb_colors=3" \
  -t 3 "${enc[@]}" "$out/aurora.mp4"
# A clip with an audio track: playing it needs a sound device, which headless CI lacks.
ffmpeg -hide_banner -loglevel error -f lavfi -i "testsrc2=size=160x90:rate=24:duration=2" -f lavfi -i "sine=frequency=440:duration=2" \
  -c:v libx264 -profile:v baseline -pix_fmt yuv420p -crf 32 -c:a aac -b:a 48k -shortest -movflags +faststart -y src/test/resources/media/with-audio.mp4
ls -l "$out" src/test/resources/media
# Last frames, served as thumbnails / last_frame_url by the simulators.
for c in testcard bars mandel aurora; do
  ffmpeg -hide_banner -loglevel error -sseof -0.2 -i "$out/$c.mp4" -frames:v 1 -q:v 5 -y "$out/$c.jpg"
done
