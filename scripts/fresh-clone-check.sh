#!/usr/bin/env bash
# Clones the current commit (HEAD) into an empty temporary folder with no ../shared beside it, runs
# the README's test command there (`bash scripts/test.sh`) and reports the pass/fail/skip counts.
# Exits non-zero when that run fails. Uncommitted changes are not part of the check.
set -euo pipefail
cd "$(dirname "$0")/.."
commit=$(git rev-parse HEAD)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone --quiet --no-checkout "$PWD" "$tmp/shotcraft"
git -C "$tmp/shotcraft" checkout --quiet --detach "$commit"
echo "fresh-clone-check: $commit in $tmp/shotcraft"
status=0
(
  cd "$tmp/shotcraft"
  unset SHOTCRAFT_CORPUS_DIR
  bash scripts/test.sh
) >"$tmp/test.log" 2>&1 || status=$?
tail -n 40 "$tmp/test.log"
log="$tmp/shotcraft/build/dev/Testing/Temporary/LastTest.log"
if [ -f "$log" ]; then
  passed=$(grep -c '^Test Passed\.' "$log" || true)
  failed=$(grep -c '^Test Failed\.' "$log" || true)
  skipped=$(grep -c '^SKIP: ' "$log" || true)
  echo "fresh-clone-check: $passed passed, $failed failed, $skipped skipped (exit $status)"
else
  echo "fresh-clone-check: the test suite did not run (exit $status)"
  [ "$status" -ne 0 ] || status=1
fi
exit "$status"
