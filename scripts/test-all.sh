#!/usr/bin/env bash
# Every test: unit tests (Vitest), the production build, then end-to-end tests
# against the static build: Playwright in real Chromium, then Firefox ESR and
# WebKitGTK driven from Vitest (vitest.browsers.config.ts). Ends with one line:
# "Tests: N passed, N failed, N skipped" (and each browser's own count).
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bash scripts/ensure-browsers.sh || exit 1
rm -rf .reports && mkdir -p .reports
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/unit.json || status=1
# The site built for a sub-path (/stages) and with the test hooks (next.config.js), kept in .subpath/ for the
# hosting test and the tests that drive the engine directly (its embed allow-list names the demo host's origin);
# then the production build, which the other tests use, and the page of another origin that embeds it (from the
# README's example).
port=${STAGES_TEST_PORT:-3100}
if STAGES_BASE_PATH=/stages STAGES_TEST_HOOKS=1 NEXT_PUBLIC_STAGES_EMBED_ORIGINS="http://127.0.0.1:$((port + 2))" npm run build && rm -rf .subpath && mkdir -p .subpath && mv out .subpath/stages && npm run build && node scripts/embed-demo.mjs; then
  PLAYWRIGHT_JSON_OUTPUT_NAME=.reports/e2e.json npx playwright test --reporter=list,json || status=1
  npx vitest run --config vitest.browsers.config.ts --reporter=default --reporter=json --outputFile.json=.reports/browsers.json || status=1
else
  status=1
fi
node scripts/support-table.mjs || true
node scripts/test-summary.mjs .reports/unit.json .reports/e2e.json .reports/browsers.json || status=1
exit $status
