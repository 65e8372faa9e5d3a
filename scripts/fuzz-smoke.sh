#!/usr/bin/env bash
# A short fuzz run of the screenplay parsers: builds the `fuzz` preset (clang-14, libFuzzer,
# ASan/UBSan) and runs each target for FUZZ_SECONDS (default 20) on the shared screenplay corpus.
# Exits non-zero when a target crashes, trips a sanitizer or hangs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-20}"
shared="$(cd .. && pwd)/shared/corpus/screenplays"

if ! command -v clang++-14 >/dev/null; then
  echo "fuzz-smoke: clang++-14 is not installed (packaging/install-deps.sh installs it)" >&2
  exit 1
fi
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_fountain fuzz_fdx -j"$(nproc)"

work="build/fuzz/fuzz-corpus"
mkdir -p "$work/fountain" "$work/fdx"
# Inputs that once broke a parser come first, so a regression fails every run, not a lucky one.
cp -n tests/fuzz/regressions/fdx/* "$work/fdx/"
if [ -d "$shared" ]; then
  find "$shared" -name '*.fountain' -size -256k -exec cp -n {} "$work/fountain/" \;
  find "$shared" -name '*.fdx' -size -512k -exec cp -n {} "$work/fdx/" \;
fi

run() {
  local target="$1" corpus="$2"
  echo "fuzz-smoke: $target for ${seconds}s on $(ls "$corpus" | wc -l) inputs"
  # New inputs go to the scratch corpus; a crash leaves its reproducer in build/fuzz/.
  "build/fuzz/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=0 -artifact_prefix="build/fuzz/$target-" "$corpus" 2>&1 | tail -n 5
  return "${PIPESTATUS[0]}"
}
run fuzz_fountain "$work/fountain"
run fuzz_fdx "$work/fdx"
echo "fuzz-smoke: no crashes"
