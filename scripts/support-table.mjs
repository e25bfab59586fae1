// The README's browser support table, from the last test run (`npm test`): the versions and storage the
// browser tests recorded (.reports/browsers/*.json) and each part's results (.reports/e2e.json for
// Chromium, .reports/browsers.json for Firefox and WebKit). Prints it; `--write` puts it into README.md.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null);
const recorded = (name) => read(`.reports/browsers/${name}.json`);

function playwrightCounts() {
  const report = read(".reports/e2e.json");
  return report ? { passed: report.stats.expected, total: report.stats.expected + report.stats.unexpected + report.stats.flaky } : null;
}

function vitestCounts(file) {
  const report = read(".reports/browsers.json");
  const results = report?.testResults.find((r) => r.name.endsWith(file))?.assertionResults;
  return results ? { passed: results.filter((r) => r.status === "passed").length, total: results.length } : null;
}

const rows = [
  ["chromium", "Playwright: every end-to-end test (all flows, keyboard, accessibility, offline, embed)", playwrightCounts()],
  ["firefox", "puppeteer-core over WebDriver BiDi: stage every format, validate, transform, promote, download, reload, a share link", vitestCounts("firefox.test.ts")],
  ["webkit", "WebKitWebDriver under Xvfb (an ephemeral session, as a private window), Storage API features on: start, stage, promote", vitestCounts("webkit.test.ts")],
  ["webkit-kept", "a WebKitGTK web view with its data kept on disk (Python's GObject bindings) under Xvfb, file system features on: stage every format, validate, transform, promote, download, reload, a share link", vitestCounts("webkit-kept.test.ts")],
];

const lines = ["| browser | version tested | what runs in `npm test` | passed | storage |", "| --- | --- | --- | --- | --- |"];
for (const [name, what, counts] of rows) {
  const record = recorded(name);
  if (!record) continue;
  const storage = record.storageNote ? `degraded: ${record.storageNote}` : "full: OPFS, IndexedDB";
  lines.push(`| ${record.browser} | ${record.version} | ${what} | ${counts ? `${counts.passed}/${counts.total}` : "not run"} | ${storage} |`);
}
const table = lines.join("\n");
console.log(table);

if (process.argv.includes("--write")) {
  const readme = readFileSync("README.md", "utf8");
  const start = "<!-- browser-support:start -->";
  const end = "<!-- browser-support:end -->";
  if (!readme.includes(start) || !readme.includes(end)) throw new Error("README.md has no browser support markers");
  writeFileSync("README.md", readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${table}\n${end}`));
}
