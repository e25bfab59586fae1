#!/usr/bin/env bash
# Make sure the browsers the tests drive exist, installed from Debian's packages when missing (as root):
# Chromium (Playwright; STAGES_CHROMIUM_PATH overrides), Firefox ESR (puppeteer-core over WebDriver BiDi;
# STAGES_FIREFOX_PATH overrides), WebKitGTK's WebKitWebDriver and Xvfb (the WebKit smoke test), and Python's
# GObject bindings for WebKitGTK (the WebKit test whose data is kept on disk: e2e/browsers/webkit-view.py).
set -euo pipefail
if [ -n "${STAGES_CHROMIUM_PATH:-}" ] && [ ! -x "$STAGES_CHROMIUM_PATH" ]; then
  echo "STAGES_CHROMIUM_PATH=$STAGES_CHROMIUM_PATH is not an executable" >&2
  exit 1
fi
missing=()
[ -n "${STAGES_CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ] || missing+=(chromium)
[ -n "${STAGES_FIREFOX_PATH:-}" ] || [ -x /usr/bin/firefox-esr ] || [ -x /usr/bin/firefox ] || missing+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
/usr/bin/python3 -c "import gi; gi.require_version('Gtk', '3.0'); gi.require_version('WebKit2', '4.1')" 2>/dev/null || missing+=(python3-gi gir1.2-gtk-3.0 gir1.2-webkit2-4.1)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing from Debian's packages: ${missing[*]}…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "Missing browsers: run 'sudo apt-get install -y ${missing[*]}' (or set STAGES_CHROMIUM_PATH / STAGES_FIREFOX_PATH)." >&2
exit 1
