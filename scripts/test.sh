#!/usr/bin/env bash
# Installs the dependencies, builds everything with the dev preset and runs the whole test suite
# (the README's second quick-start command). Exits non-zero on any failure. Tests labelled `corpus`
# read the public screenplay corpora from SHOTCRAFT_CORPUS_DIR (default ../shared/corpus/screenplays)
# and are reported as Skipped, with the reason, where it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
source scripts/build-env.sh
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)"
# A short fuzz run of the screenplay parsers (clang + libFuzzer), when the fuzz targets exist.
if [ -x scripts/fuzz-smoke.sh ]; then bash scripts/fuzz-smoke.sh; fi
status=0
ctest --preset dev || status=$?
# The parsers and their tests again under ASan/UBSan (the `asan` preset, only what they need).
bash scripts/asan-smoke.sh || status=$?
# ctest names skipped tests but not why; each printed its reason as its only line.
log=build/dev/Testing/Temporary/LastTest.log
if [ -f "$log" ]; then
  awk '/^[0-9]+\/[0-9]+ Test(ing)?: / { name = $NF } /^SKIP: / { print "skipped " name ": " substr($0, 7) }' "$log"
fi
exit "$status"
