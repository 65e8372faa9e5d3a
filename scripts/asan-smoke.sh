#!/usr/bin/env bash
# The parsers under AddressSanitizer and UndefinedBehaviorSanitizer (the `asan` preset, g++): builds
# only the screenplay library and the tests that feed it untrusted bytes, then runs them. Among
# them tst_parserinputs replays the fuzz corpora (tests/fuzz/regressions, tests/data, the screenplay
# corpus when it is there) and the hostile scripts. Any sanitizer report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/build-env.sh
tests=(tst_parserinputs tst_fixturescripts tst_scriptimport tst_reimport)
cmake --preset asan >/dev/null
cmake --build --preset asan --target "${tests[@]}" -j"$(nproc)"
pattern="^($(IFS='|'; echo "${tests[*]}"))\$"
echo "asan-smoke: ${tests[*]}"
ctest --preset asan -R "$pattern"
