#!/usr/bin/env bash
# Runs every test of the solution. Starts what the tests need first (see infra/scripts/*.sh).
# Ends with one plain line "N passed, N failed" (", N skipped" when some were skipped).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

configuration="${TEST_CONFIGURATION:-Release}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

dotnet build TripleGain.sln -c "$configuration" -nologo -v q 2>&1 | tee -a "$log"
build_rc=${PIPESTATUS[0]}
if [ "$build_rc" -ne 0 ]; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# The PostgreSQL tests need a throwaway server: start (or reuse) one and hand its connection string to the tests.
if pg_connection="$(bash infra/scripts/postgres.sh)"; then
  export TRIPLEGAIN_TEST_POSTGRES="$pg_connection"
else
  echo "PostgreSQL could not be started (see above): the PostgreSQL tests will fail"
fi

# The end-to-end UI tests drive Debian's Chromium (headless) against a silo process.
if ! bash infra/scripts/chromium.sh; then
  echo "Chromium could not be installed (see above): the end-to-end UI tests will fail"
fi

dotnet test --solution TripleGain.sln -c "$configuration" --no-build "$@" 2>&1 | tee -a "$log"
test_rc=${PIPESTATUS[0]}

# The benchmarks' quick mode (under a minute): prints the README's figures; a crash counts as a failed test.
bench_failed=0
if [ "${SKIP_BENCHMARKS:-0}" != "1" ]; then
  echo "benchmarks (quick mode):"
  if ! dotnet run -c "$configuration" --no-build --project tests/TripleGain.Benchmarks -- --quick; then
    echo "the quick benchmark failed"
    bench_failed=1
  fi
fi

summary=$(awk '/^[[:space:]]*failed:/{f=$2} /^[[:space:]]*succeeded:/{s=$2} /^[[:space:]]*skipped:/{k=$2} END{print s+0, f+0, k+0}' "$log")
read -r passed failed skipped <<<"$summary"
if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
failed=$((failed + bench_failed))
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$test_rc" -eq 0 ] && [ "$bench_failed" -eq 0 ]
