#!/usr/bin/env bash
# Benchmark (not a test): how fast `lantern check` reads a curriculum.
#
# Generates the reference workload of ../shared/bench (gen.py, seed 42) — N modules, 20
# sections — turns it into a Lantern workspace (bodies unchanged), builds lantern in release
# mode, runs `lantern check` RUNS times and prints the median wall time, MB/s and peak memory.
#
# usage: scripts/bench-check.sh [N] [RUNS]      (defaults: 1000 modules, 7 runs)
set -euo pipefail
modules=${1:-1000}
runs=${2:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${LANTERN_SHARED:-$root/../shared}
[ -f "$shared/bench/gen.py" ] || { echo "error: $shared/bench/gen.py not found (set LANTERN_SHARED)" >&2; exit 1; }

(cd "$root" && swift build -c release --product lantern >/dev/null)
lantern="$root/.build/release/lantern"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$shared/bench/gen.py" "$work/generated" "$modules" 20 42 >/dev/null
python3 "$root/scripts/bench/make_workspace.py" "$work/generated" "$work/ws"
bytes=$(cat "$work"/ws/curriculum/*.md | wc -c)

"$lantern" check "$work/ws" >/dev/null 2>&1 || true   # warm the file cache
times=()
peak=0
for _ in $(seq "$runs"); do
  /usr/bin/time -o "$work/time" -f "%e %M" "$lantern" check "$work/ws" >/dev/null 2>&1 || true
  out=$(tail -n 1 "$work/time")
  times+=("${out% *}")
  kb=${out#* }
  [ "$kb" -gt "$peak" ] && peak=$kb
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
diagnostics=$("$lantern" check "$work/ws" 2>/dev/null | tail -n 1 || true)
python3 - "$modules" "$bytes" "$median" "$peak" "$runs" "$(nproc)" <<'PY'
import sys
modules, size, median, peak, runs, cores = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
print(f"lantern check on {modules} modules ({size/1e6:.2f} MB of Markdown), median of {runs} runs, {cores} cores")
print(f"  wall time   {median:.3f} s")
print(f"  throughput  {size/1e6/median:.1f} MB/s")
print(f"  peak memory {peak/1024:.1f} MB")
PY
echo "  result      $diagnostics"
echo "  (the reference workload links to Hugo section folders such as ../module-16/, which"
echo "   lantern check reports as links outside the curriculum: the error path is measured too)"
