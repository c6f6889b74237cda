#!/usr/bin/env bash
# Serves FOLDER on 127.0.0.1 (a secure context, so WebCrypto exists), opens PAGE in headless
# Chromium and prints the text of the element with id="results" once the page has written it.
# Used by the browser parity test (every bad credential, same verdict as the CLI).
#
# usage: scripts/browser-page.sh FOLDER PAGE
set -euo pipefail
folder=$1
page=$2
chromium=$(command -v chromium || command -v chromium-browser) || { echo "error: chromium is not installed" >&2; exit 3; }
work=$(mktemp -d)
server=""
trap 'kill -KILL $server 2>/dev/null || true; rm -rf "$work"' EXIT
results=""
# Each attempt starts its own server: on a loaded machine a server was seen killed mid-start
# during the full test suite, and a retry with the same (dead) server could not recover.
for attempt in 1 2 3; do
  mkdir -p "$work"
  python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$folder" >"$work/server.log" 2>/dev/null &
  server=$!
  port=""
  for _ in $(seq 600); do
    port=$(sed -n 's/.* port \([0-9]*\) .*/\1/p' "$work/server.log" 2>/dev/null || true)
    [ -n "$port" ] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  if [ -n "$port" ]; then
    dom=$(timeout -s KILL 120 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-dev-shm-usage \
          --user-data-dir="$work/profile-$attempt" --virtual-time-budget=$((30000 * attempt)) --dump-dom \
          "http://127.0.0.1:$port/$page" 2>/dev/null || true)
    results=$(printf '%s' "$dom" | python3 -c 'import html,re,sys; m=re.search(r"<pre id=\"results\" data-done=\"yes\">(.*?)</pre>", sys.stdin.read(), re.S); print(html.unescape(m.group(1)) if m else "")')
  fi
  kill -KILL "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  [ -n "$results" ] && break
done
[ -n "$results" ] || { echo "error: no results from $page after 3 attempts (server or Chromium failed)" >&2; exit 1; }
printf '%s\n' "$results"
