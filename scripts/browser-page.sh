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
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$folder" >"$work/server.log" 2>/dev/null &
server=$!
trap 'kill -KILL $server 2>/dev/null || true; rm -rf "$work"' EXIT
port=""
for _ in $(seq 600); do
  port=$(sed -n 's/.* port \([0-9]*\) .*/\1/p' "$work/server.log")
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "error: the HTTP server did not start" >&2; exit 1; }
for attempt in 1 2 3; do
  dom=$(timeout -s KILL 120 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-dev-shm-usage \
        --user-data-dir="$work/profile" --virtual-time-budget=$((30000 * attempt)) --dump-dom \
        "http://127.0.0.1:$port/$page" 2>/dev/null || true)
  results=$(printf '%s' "$dom" | python3 -c 'import html,re,sys; m=re.search(r"<pre id=\"results\" data-done=\"yes\">(.*?)</pre>", sys.stdin.read(), re.S); print(html.unescape(m.group(1)) if m else "")')
  [ -n "$results" ] && break
done
printf '%s\n' "$results"
