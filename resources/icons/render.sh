#!/usr/bin/env bash
# Renders amqp-explorer.svg into the icons the program and its installers use (run it after editing the SVG and
# commit the results; the build itself needs neither ImageMagick nor Python):
#   resources/src/main/resources/org/amqpexplorer/icons/amqp-explorer-N.png  the window's icons
#   installer/src/jpackage/linux/resources/amqp-explorer.png                  Linux launcher and menu entry
#   installer/src/jpackage/windows/amqp-explorer.ico                          Windows launcher and installer
#   installer/src/jpackage/mac/amqp-explorer.icns                             macOS application bundle
# Needs ImageMagick (convert) and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
png_dir="$root/resources/src/main/resources/org/amqpexplorer/icons"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$png_dir" "$root/installer/src/jpackage/linux/resources" "$root/installer/src/jpackage/windows" "$root/installer/src/jpackage/mac"

# One large rendering, scaled down: small sizes come out sharper than from ImageMagick's SVG renderer at low density.
convert -background none -density 288 "$here/amqp-explorer.svg" -resize 1024x1024 "$work/large.png"
for size in 16 24 32 48 64 128 256 512 1024; do
  convert "$work/large.png" -resize "${size}x${size}" -strip -define png:exclude-chunks=date,time "PNG32:$work/$size.png"
done
for size in 16 24 32 48 64 128 256; do cp "$work/$size.png" "$png_dir/amqp-explorer-$size.png"; done
cp "$work/256.png" "$root/installer/src/jpackage/linux/resources/amqp-explorer.png"

convert "$work"/{16,24,32,48,64,128,256}.png "$root/installer/src/jpackage/windows/amqp-explorer.ico"

# ICNS: 'icns', total length, then (type, length, PNG data) entries; lengths are big-endian and include the header.
python3 - "$work" "$root/installer/src/jpackage/mac/amqp-explorer.icns" <<'PY'
import struct, sys
work, out = sys.argv[1], sys.argv[2]
types = [("icp4", 16), ("icp5", 32), ("ic11", 32), ("ic12", 64), ("ic07", 128), ("ic13", 256),
         ("ic08", 256), ("ic14", 512), ("ic09", 512), ("ic10", 1024)]
body = b""
for kind, size in types:
    data = open(f"{work}/{size}.png", "rb").read()
    body += kind.encode("ascii") + struct.pack(">I", len(data) + 8) + data
open(out, "wb").write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY
echo "icons written under $png_dir and installer/src/jpackage/{linux/resources,windows,mac}"
