#!/usr/bin/env bash
# Make sure a Chromium exists for the end-to-end tests: STAGES_CHROMIUM_PATH if
# set, else Debian's /usr/bin/chromium, installed with apt-get when missing.
set -euo pipefail
if [ -n "${STAGES_CHROMIUM_PATH:-}" ]; then
  [ -x "$STAGES_CHROMIUM_PATH" ] && exit 0
  echo "STAGES_CHROMIUM_PATH=$STAGES_CHROMIUM_PATH is not an executable" >&2
  exit 1
fi
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium from Debian's packages…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is missing: run 'sudo apt-get install -y chromium', or set STAGES_CHROMIUM_PATH." >&2
exit 1
