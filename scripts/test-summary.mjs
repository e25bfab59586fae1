// Adds up the test reports into one closing line: Vitest's (unit tests; Firefox and WebKit) and
// Playwright's (Chromium), with each part's own count after it.
import { existsSync, readFileSync } from "node:fs";

const [unitPath, e2ePath, browsersPath] = process.argv.slice(2);
const parts = [];

/** A Vitest JSON report; a missing one counts as a failure. */
function vitest(path, name) {
  if (!existsSync(path)) return parts.push({ name, passed: 0, failed: 1, skipped: 0 });
  const report = JSON.parse(readFileSync(path, "utf8"));
  parts.push({ name, passed: report.numPassedTests, failed: report.numFailedTests + (report.success || report.numFailedTests ? 0 : 1), skipped: report.numPendingTests + report.numTodoTests });
}

vitest(unitPath, "unit");
if (existsSync(e2ePath)) {
  const { stats, errors = [] } = JSON.parse(readFileSync(e2ePath, "utf8"));
  // Errors outside any test (a web server that would not start, a broken config) count as failures.
  parts.push({ name: "Chromium", passed: stats.expected, failed: stats.unexpected + stats.flaky + errors.length, skipped: stats.skipped });
} else parts.push({ name: "Chromium", passed: 0, failed: 1, skipped: 0 });
if (browsersPath) vitest(browsersPath, "Firefox and WebKit");

const sum = (key) => parts.reduce((total, part) => total + part[key], 0);
const [passed, failed, skipped] = [sum("passed"), sum("failed"), sum("skipped")];
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped (${parts.map((p) => `${p.name} ${p.passed}/${p.passed + p.failed}`).join(", ")})`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
