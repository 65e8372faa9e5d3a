#!/usr/bin/env bash
# Installs the dependencies, builds with the dev preset and runs the whole test suite
# (the README's second quick-start command). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)"
# A short fuzz run of the screenplay parsers (clang + libFuzzer), when the fuzz targets exist.
if [ -x scripts/fuzz-smoke.sh ]; then bash scripts/fuzz-smoke.sh; fi
ctest --preset dev
