// npm run bench:profile -- <file> [--top 15] [--dir out] [--out /tmp/stages-profile]
// Where a file's staging spends its time, worker by worker: the built site (a fresh profile) stages the file as a user
// drops it, with Chromium's CPU profiler on each of the page's workers (the engine's, DuckDB's), through
// puppeteer-core's session with a worker (Playwright's CDP sessions reach pages only). Prints the seconds from the
// drop until staging ends, then per worker the functions that took the most time themselves, with the start of their
// minified source; writes each worker's profile (`worker-<n>.cpuprofile`, for Chromium's DevTools) to --out.
// It found read-excel-file's `concat` of its rows and the 156 date formats tried on every value (docs/SPEED.md).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import puppeteer from "puppeteer-core";
import { serve } from "../scripts/static-server.mjs";
import { launchOptions } from "./chromium.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const file = process.argv.slice(2).find((a, i, all) => !a.startsWith("--") && !all[i - 1]?.startsWith("--"));
if (!file) throw new Error("Usage: npm run bench:profile -- <file> [--top 15] [--dir out] [--out /tmp/stages-profile]");
const dir = arg("dir", "out");
const top = Number(arg("top", "15"));
const outDir = arg("out", "/tmp/stages-profile");

const server = await serve(dir, 3312);
const browser = await puppeteer.launch({ executablePath: launchOptions.executablePath ?? chromium.executablePath(), args: launchOptions.args });
try {
  const page = await browser.newPage();
  const workers = [];
  page.on("workercreated", (worker) => workers.push(worker));
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.innerText.includes("Engine ready"), { timeout: 60_000 });
  for (const worker of workers) {
    await worker.client.send("Profiler.enable");
    await worker.client.send("Profiler.setSamplingInterval", { interval: 1000 });
    await worker.client.send("Profiler.start");
  }
  // Staging shows a "Cancel adding …" button until it ends.
  const staging = (shown) => [...document.querySelectorAll("button")].some((b) => /^Cancel adding /.test(b.getAttribute("aria-label") ?? b.textContent ?? "")) === shown;
  const started = Date.now();
  await (await page.$('input[type="file"]')).uploadFile(file);
  await page.waitForFunction(staging, { timeout: 60_000 }, true).catch(() => undefined);
  await page.waitForFunction(staging, { timeout: 600_000, polling: 100 }, false);
  console.log(`${file}: staged ${((Date.now() - started) / 1000).toFixed(2)} s after the drop`);
  mkdirSync(outDir, { recursive: true });
  for (const [n, worker] of workers.entries()) {
    const { profile } = await worker.client.send("Profiler.stop");
    writeFileSync(join(outDir, `worker-${n}.cpuprofile`), JSON.stringify(profile));
    console.log(`\nworker ${n} (${worker.url().split("/").pop().split("#")[0]}):`);
    for (const [name, seconds] of selfTimes(profile).slice(0, top)) console.log(`  ${seconds.toFixed(2)} s  ${name}`);
  }
} finally {
  await browser.close();
  server.stop();
}

/** Each function's own time in the profile (seconds), most first, named with the start of its source in the build. */
function selfTimes(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const sources = new Map();
  const times = new Map();
  profile.samples.forEach((id, k) => {
    const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
    let source = "";
    if (url.includes("/_next/static/chunks/")) {
      const path = join(dir, new URL(url).pathname);
      if (!sources.has(path)) sources.set(path, readFileSync(path, "utf8").split("\n"));
      source = (sources.get(path)[lineNumber] ?? "").slice(columnNumber, columnNumber + 60);
    }
    const name = `${functionName || "(anonymous)"} ${url.split("/").pop().split("#")[0]}:${lineNumber}:${columnNumber} ${source}`.trim();
    times.set(name, (times.get(name) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1e6);
  });
  return [...times].sort((a, b) => b[1] - a[1]);
}
