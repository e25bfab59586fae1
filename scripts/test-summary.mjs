// Adds up the Vitest and Playwright JSON reports into one closing line.
import { existsSync, readFileSync } from "node:fs";

const [unitPath, e2ePath] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

if (existsSync(unitPath)) {
  const unit = JSON.parse(readFileSync(unitPath, "utf8"));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
} else failed += 1;

if (existsSync(e2ePath)) {
  const { stats, errors = [] } = JSON.parse(readFileSync(e2ePath, "utf8"));
  passed += stats.expected;
  // Errors outside any test (a web server that would not start, a broken config) count as failures.
  failed += stats.unexpected + stats.flaky + errors.length;
  skipped += stats.skipped;
} else failed += 1;

console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
