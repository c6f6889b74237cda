#!/usr/bin/env bash
# Runs lantern under valgrind's memcheck on the shipped workspace, to show that libcmark's
# memory is released: no invalid reads or writes, nothing definitely or indirectly lost.
# valgrind 3.19 cannot read the DWARF 5 debug info Swift 6.3 emits, so a stripped release
# binary is checked. ("Possibly lost" blocks are libdispatch's worker-thread stacks.)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "error: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
swift build -c release --product lantern >/dev/null
binary=$(mktemp)
trap 'rm -f "$binary"' EXIT
strip -o "$binary" .build/release/lantern
chmod +x "$binary"
for args in "check" "read communication --html" "read crisis --width 60"; do
  printf '%-28s ' "lantern $args:"
  # shellcheck disable=SC2086
  valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=9 \
    "$binary" $args 2>&1 >/dev/null | grep -E "definitely lost|indirectly lost|ERROR SUMMARY" | tr -s ' ' | cut -d' ' -f2- | paste -sd';'
done
