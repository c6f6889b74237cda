#!/bin/sh
# Records benchmark: 1,000,000 attempts for 10,000 trainees by default.
# Usage: scripts/bench-records.sh [--attempts N] [--trainees N] [--db PATH]
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product lantern-bench-records >&2
exec .build/release/lantern-bench-records "$@"
