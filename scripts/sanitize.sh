#!/usr/bin/env bash
# The test suite under a sanitizer:   scripts/sanitize.sh address|thread [extra swift test arguments]
#
# Builds into .build-asan or .build-tsan (never .build) and runs `swift test` there. Every process
# the tests start (the built `lantern` included) inherits the sanitizer's options and writes its
# reports to files under SCRATCH/sanitizer-logs/, so a report from a child whose exit status a test
# tolerates (a fuzz regression may exit 1, a killed process anything) is still seen. Exits non-zero
# when the tests fail or any report was written; prints the wall time and the test count.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
kind=${1:?usage: scripts/sanitize.sh address|thread [swift test arguments]}
shift
case $kind in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
    *) echo "unknown sanitizer '$kind': address or thread" >&2; exit 2 ;;
esac
logs=$root/$scratch/sanitizer-logs
rm -rf "$logs"
mkdir -p "$logs"

# Leaks are checked too (LeakSanitizer, at the exit of every process). Suppressions, for leaks and
# races outside Lantern only, are each explained in their file and in SECURITY.md.
export ASAN_OPTIONS="detect_leaks=1:log_path=$logs/asan:abort_on_error=0"
export LSAN_OPTIONS="suppressions=$root/scripts/lsan-suppressions.txt:print_suppressions=0"
export TSAN_OPTIONS="suppressions=$root/scripts/tsan-suppressions.txt:log_path=$logs/tsan:second_deadlock_stack=1:history_size=4"

started=$(date +%s)
swift test --sanitize="$kind" --scratch-path "$scratch" "$@" 2>&1 | tee "$logs/../sanitize-$kind.log"
status=${PIPESTATUS[0]}
elapsed=$(( $(date +%s) - started ))

reports=$(find "$logs" -type f | sort)
summary=$(grep -Eo 'Test run with [0-9]+ tests? in [0-9]+ suites? (passed|failed)[^.]*' "$logs/../sanitize-$kind.log" | tail -1)
echo "== $kind sanitizer: ${summary:-no test summary}; wall ${elapsed}s (build included)"
if [[ -n $reports ]]; then
    echo "== $kind sanitizer reports ($(echo "$reports" | wc -l) files):"
    for file in $reports; do echo "--- $file"; cat "$file"; done
    exit 1
fi
exit "$status"
