#!/usr/bin/env bash
# Installs the system libraries Lantern builds against, if they are missing:
# libcmark (Markdown), libsqlite3 (records), zlib (status lists) and libqrencode (the QR code
# on printed certificates), plus pkg-config to find them; and OpenSSH's client (ssh, ssh-keygen),
# which the tests of `lantern serve` connect with.
# Uses apt-get (Debian/Ubuntu), with sudo when not run as root. Safe to run again.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if command -v pkg-config >/dev/null 2>&1; then
  pkg-config --exists libcmark 2>/dev/null || missing+=(libcmark-dev)
  pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
  pkg-config --exists zlib 2>/dev/null || missing+=(zlib1g-dev)
  pkg-config --exists libqrencode 2>/dev/null || missing+=(libqrencode-dev)
else
  missing+=(libcmark-dev libsqlite3-dev zlib1g-dev libqrencode-dev)
fi

command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: Lantern needs ${missing[*]}, and this system has no apt-get to install them." >&2
  echo "  hint: install the libcmark, SQLite 3, zlib and libqrencode development files with your package manager." >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "error: installing ${missing[*]} needs root, and sudo is not available." >&2
    exit 1
  fi
fi

echo "==> Installing ${missing[*]} (apt-get)"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
