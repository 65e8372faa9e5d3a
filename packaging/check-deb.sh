#!/usr/bin/env bash
# Builds the .deb with CPack from a configured build folder and checks that it holds the program,
# the desktop entry, the AppStream metainfo and the icon, and that the packaged program launches.
set -euo pipefail
build="${1:?usage: check-deb.sh BUILD_DIR}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$build" && cpack -G DEB -B "$work/out" >/dev/null)
deb=$(ls "$work"/out/shotcraft_*.deb)
echo "built $(basename "$deb")"
dpkg-deb --info "$deb" | grep -E 'Package: shotcraft|Depends:' 
contents=$(dpkg-deb --contents "$deb")
for f in ./usr/bin/shotcraft ./usr/share/applications/org.shotcraft.Shotcraft.desktop \
         ./usr/share/metainfo/org.shotcraft.Shotcraft.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/org.shotcraft.Shotcraft.svg; do
  grep -q " $f\$" <<<"$contents" || { echo "missing from the package: $f"; exit 1; }
done
dpkg-deb --extract "$deb" "$work/root"
"$work/root/usr/bin/shotcraft" --version
QT_QPA_PLATFORM=offscreen "$work/root/usr/bin/shotcraft" --help >/dev/null
echo "package ok"
