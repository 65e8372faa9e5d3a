#!/usr/bin/env bash
# Installs the dependencies, builds the application alone (no tests, benchmarks or fuzzers) and
# runs Shotcraft on the bundled demo story with the offline engines (the README's first quick-start
# command). With a display it opens the studio window on the demo project; without one it runs the
# headless main job and says where its output is.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
source scripts/build-env.sh
cmake --preset dev >/dev/null
echo "building Shotcraft (first time: a few minutes)"
cmake --build --preset dev --target shotcraft -j"$(nproc)"
out="${SHOTCRAFT_DEMO_DIR:-$PWD/demo-output}"
story=resources/demo/the-last-ferry.fountain
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  ./build/dev/app/shotcraft run "$story" -o "$out"
  exec ./build/dev/app/shotcraft "$out/project.shotcraft"
fi
./build/dev/app/shotcraft run "$story" -o "$out"
echo "Storyboard written to $out (project.shotcraft, frames/, contact-sheet.png)"
