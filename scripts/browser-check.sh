#!/usr/bin/env bash
# Opens certificate verification pages in headless Chromium and checks the verdict each shows
# (valid, tampered → invalid, revoked; and a site without the verifier never says valid).
#
# The same checks run inside `swift test` whenever Debian's chromium is installed, and are
# skipped with a message when it is not; this script installs chromium first (apt-get, with
# sudo when not root) and runs just those tests. About 30 s once built.
#
# usage: scripts/browser-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "==> Installing chromium (apt-get)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
swift build --build-tests >/dev/null
swift test --skip-build --filter BrowserVerificationTests
