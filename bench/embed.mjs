// npm run bench:embed [-- --mb 100]
// A file of `--mb` megabytes imported through the embedded importer (issue #23): the host page of
// another site (scripts/embed-demo.mjs, served on localhost) opens Stages (served on 127.0.0.1) in an
// iframe, the user allows it, adds the file, and submits; the rows reach the host in acknowledged
// chunks. Chromium keeps each site in its own renderer process, so the frame's memory is measured
// apart from the host's (which holds what it received). Prints a Markdown table; builds nothing itself.
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { serve } from "../scripts/static-server.mjs";
import { launchOptions, rendererMemory as renderers } from "./chromium.mjs";

const mb = Number(process.argv[process.argv.indexOf("--mb") + 1] || 100) || 100;
const stagesUrl = "http://127.0.0.1:3310";
// The host is another site (localhost, not 127.0.0.1): Chromium gives it a renderer process of its own.
const hostUrl = "http://localhost:3311";

async function writeCsv(path, bytes) {
  const out = createWriteStream(path);
  out.write("email,amount\n");
  let written = 13;
  for (let i = 0; written < bytes; i++) {
    const line = `${i % 10_000 === 7 ? "" : `person${i}@example.org`},${i}.5\n`;
    written += line.length;
    if (!out.write(line)) await new Promise((r) => out.once("drain", r));
  }
  await new Promise((r) => out.end(r));
}

const dir = mkdtempSync(join(os.tmpdir(), "stages-embed-bench-"));
const file = join(dir, `import-${mb}mb.csv`);
await writeCsv(file, mb * 1e6);
const servers = [await serve("out", 3310), await serve(".embed-demo", 3311)];
const GiB = 2 ** 30;
const fmt = (bytes) => `${(bytes / GiB).toFixed(2)} GiB`;
try {
  // This Chromium blocks third-party storage by default, and the importer is a page of another site here:
  // the profile allows it, as browsers that partition third-party storage (Firefox, Safari) do.
  mkdirSync(join(dir, "profile", "Default"), { recursive: true });
  writeFileSync(join(dir, "profile", "Default", "Preferences"), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  const context = await chromium.launchPersistentContext(join(dir, "profile"), launchOptions);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${hostUrl}/?stages=${encodeURIComponent(stagesUrl)}`);
  const frame = page.frameLocator("#importer");
  await frame.getByRole("button", { name: `Allow ${hostUrl}` }).click({ timeout: 60_000 });
  console.error("allowed; adding the file");
  const stagedAt = Date.now();
  await frame.getByLabel("File to import").setInputFiles(file);
  const counts = frame.getByTestId("embed-counts");
  await counts.waitFor({ timeout: 600_000 });
  const submit = frame.getByRole("button", { name: /^Submit / });
  await submit.waitFor({ timeout: 600_000 });
  const ready = (Date.now() - stagedAt) / 1000;
  console.error(`ready to submit after ${ready.toFixed(1)} s: ${await counts.textContent()}`);
  const before = renderers();
  // The frame's process is the one that runs DuckDB: the largest before Submit.
  const framePid = [...before.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const peaks = new Map(before);
  const timer = setInterval(() => {
    for (const [pid, rss] of renderers()) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, rss));
  }, 100);
  const sentAt = Date.now();
  await submit.click();
  await frame.getByRole("status").filter({ hasText: /^Sent / }).waitFor({ timeout: 600_000 });
  const sent = (Date.now() - sentAt) / 1000;
  clearInterval(timer);
  const received = await page.locator("#received").evaluate((el) => el.textContent?.length ?? 0);
  const size = statSync(file).size;
  const frameGrowth = peaks.get(framePid) - before.get(framePid);
  const hostGrowth = [...peaks.entries()].filter(([pid]) => pid !== framePid && before.has(pid)).reduce((m, [pid, peak]) => Math.max(m, peak - before.get(pid)), 0);
  console.log(`| file | staged, checked and ready to submit | submitted (export + chunks to the host) | characters the host received | frame's renderer before Submit | frame's peak while sending | frame's growth | host's renderer growth |`);
  console.log(`| --- | --- | --- | --- | --- | --- | --- | --- |`);
  console.log(`| ${(size / 1e6).toFixed(0)} MB CSV | ${ready.toFixed(1)} s | ${sent.toFixed(1)} s | ${received.toLocaleString("en-US")} | ${fmt(before.get(framePid))} | ${fmt(peaks.get(framePid))} | ${(frameGrowth / 2 ** 20).toFixed(0)} MB (${((100 * frameGrowth) / size).toFixed(0)} % of the file) | ${(hostGrowth / 2 ** 20).toFixed(0)} MB |`);
  await context.close();
} finally {
  for (const s of servers) s.stop();
  rmSync(dir, { recursive: true, force: true });
}
