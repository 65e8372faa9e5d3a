#!/usr/bin/env bash
# A fuzz run of the screenplay parsers: builds the `fuzz` preset (clang-14, libFuzzer, ASan/UBSan)
# and runs each target on the inputs that once broke it, tests/data and the screenplay corpus.
#
#   bash scripts/fuzz-smoke.sh                      the test suite's smoke: seed 1, a fixed number
#                                                   of runs from a fresh corpus, so every machine
#                                                   replays much the same inputs (libFuzzer is not
#                                                   strictly deterministic)
#   FUZZ_SECONDS=900 bash scripts/fuzz-smoke.sh     a search: a random seed for that long per target,
#                                                   the corpus kept between runs
#
# Exits non-zero when a target crashes, trips a sanitizer or hangs; the input that did it is left
# in build/fuzz/ (add it to tests/fuzz/regressions/ with the fix).
set -euo pipefail
cd "$(dirname "$0")/.."
# The screenplay corpus seeds the run when it is there (SHOTCRAFT_CORPUS_DIR, default ../shared).
shared="${SHOTCRAFT_CORPUS_DIR:-$(cd .. && pwd)/shared/corpus/screenplays}"

if ! command -v clang++-14 >/dev/null; then
  echo "fuzz-smoke: clang++-14 is not installed (packaging/install-deps.sh installs it)" >&2
  exit 1
fi
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_fountain fuzz_fdx -j"$(nproc)"

if [ -n "${FUZZ_SECONDS:-}" ]; then
  work="build/fuzz/fuzz-corpus"
  limits=(-max_total_time="$FUZZ_SECONDS")
  what="${FUZZ_SECONDS}s, random seed"
else
  work="build/fuzz/smoke-corpus"
  rm -rf "$work"
  export QT_HASH_SEED=0 # QHash order would otherwise differ per process, and with it coverage
  limits=(-seed=1 -runs="${FUZZ_RUNS:-30000}" -max_total_time=600)
  what="${FUZZ_RUNS:-30000} runs, seed 1"
fi
mkdir -p "$work/fountain" "$work/fdx"
# Inputs that once broke a parser come first, so a regression fails every run, not a lucky one.
for kind in fountain fdx; do
  if [ -d "tests/fuzz/regressions/$kind" ]; then cp -n "tests/fuzz/regressions/$kind"/* "$work/$kind/"; fi
done
find tests/data -name '*.fountain' -exec cp -n {} "$work/fountain/" \; 2>/dev/null || true
find tests/data -name '*.fdx' -exec cp -n {} "$work/fdx/" \; 2>/dev/null || true
if [ -d "$shared" ]; then
  find "$shared" -name '*.fountain' -size -256k -exec cp -n {} "$work/fountain/" \;
  find "$shared" -name '*.fdx' -size -512k -exec cp -n {} "$work/fdx/" \;
fi

run() {
  local target="$1" corpus="$2"
  echo "fuzz-smoke: $target ($what) on $(ls "$corpus" | wc -l) inputs"
  # New inputs go to the scratch corpus; a crash leaves its reproducer in build/fuzz/.
  "build/fuzz/tests/fuzz/$target" "${limits[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="build/fuzz/$target-" "$corpus" 2>&1 | tail -n 12
  return "${PIPESTATUS[0]}"
}
run fuzz_fountain "$work/fountain"
run fuzz_fdx "$work/fdx"
echo "fuzz-smoke: no crashes"
