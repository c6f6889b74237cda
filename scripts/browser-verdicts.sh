#!/usr/bin/env bash
# Serves a built site on 127.0.0.1 and prints the verdict headless Chromium shows on each
# certificate page, one "ID VERDICT" line per id (valid, invalid, expired, not-yet-valid, revoked,
# suspended, unverifiable, cannot-check; "none" if the page decided nothing). Used by the browser tests and
# scripts/browser-check.sh.
#
# usage: scripts/browser-verdicts.sh SITE_FOLDER ID...
set -euo pipefail
site=$1
shift
chromium=$(command -v chromium || command -v chromium-browser) || { echo "error: chromium is not installed" >&2; exit 3; }
work=$(mktemp -d)
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$site" >"$work/server.log" 2>/dev/null &
server=$!
# SIGKILL: a test runner may start us with SIGTERM ignored, and ignored signals are inherited.
trap 'kill -KILL $server 2>/dev/null || true; rm -rf "$work"' EXIT
port=""
for _ in $(seq 600); do
  port=$(sed -n 's/.* port \([0-9]*\) .*/\1/p' "$work/server.log")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "error: the HTTP server did not start" >&2; exit 1; }
for id in "$@"; do
  verdict=""
  # A loaded machine can starve the browser before the page's script finishes; try again
  # (up to three times) rather than report a page that had no time to decide.
  for attempt in 1 2 3; do
    dom=$(timeout -s KILL 90 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-dev-shm-usage \
          --user-data-dir="$work/profile" --virtual-time-budget=$((10000 * attempt)) --dump-dom \
          "http://127.0.0.1:$port/credentials/$id/" 2>/dev/null || true)
    verdict=$(printf '%s' "$dom" | sed -n 's/.*id="verification" class="verdict" data-verdict="\([a-z-]*\)".*/\1/p' | head -n 1)
    case "$verdict" in valid|invalid|expired|revoked|suspended|unverifiable|not-yet-valid|cannot-check) break ;; esac
  done
  echo "$id ${verdict:-none}"
done
