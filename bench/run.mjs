// npm run bench [-- --sizes 100,1000 --runs 3 --shapes orders --formats json,ndjson,parquet,arrow,xlsx]
// Builds nothing itself: `npm run bench` builds first. Writes docs/BENCHMARKS.md.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { chromium } from "@playwright/test";
import { runFlow, runPapa } from "./browser.mjs";
import { buildBarePage, buildYardstick, runBare, runBareYardstick } from "./bare.mjs";
import { render } from "./report.mjs";
import { generateCsv } from "./generate.mjs";
import { serve } from "../scripts/static-server.mjs";
import { launchOptions, rendererMemory } from "./chromium.mjs";
import { timeReload, timeStarts } from "./start-marks.mjs";
import { convert, nativeRead, stageInApp } from "./formats.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizesMb = arg("sizes", "100,1000").split(",").map(Number);
// Shapes of file (bench/generate.mjs): orders by default; `--shapes orders,events,wide,text` runs every one at every size.
const shapes = arg("shapes", "orders").split(",");
// Other formats of the same rows (bench/formats.mjs): `--formats json,ndjson,parquet,arrow,xlsx` stages each beside the CSV.
const formats = arg("formats", "").split(",").filter(Boolean);
// One count for every size, or one per size ("3,3,1").
const runCounts = arg("runs", "3").split(",").map(Number);
const runsFor = (i) => runCounts[Math.min(i, runCounts.length - 1)];
// Where the report goes: docs/BENCHMARKS.md unless `--out` says otherwise (a run of other shapes or sizes beside it).
const outFile = arg("out", "docs/BENCHMARKS.md");
// `--app-only`: the app's own flow alone, without Papa Parse, native DuckDB or bare DuckDB-WASM beside it (a quick look; not for docs/BENCHMARKS.md).
const appOnly = process.argv.includes("--app-only");
const port = 3300;
const base = `http://127.0.0.1:${port}`;
const dataDir = join("out", "bench-data");

/**
 * A fresh Chromium profile on disk, as a user has. (A Playwright `newContext()` is off the record:
 * Chromium keeps its IndexedDB and OPFS in the browser process's memory, which grew by everything the
 * app wrote until the browser died in the middle of the 2 GB flow.)
 */
async function freshProfile() {
  const dir = mkdtempSync(join(os.tmpdir(), "stages-bench-"));
  const context = await chromium.launchPersistentContext(dir, launchOptions);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Peak resident memory of Chromium's renderer processes, sampled from /proc while `work` runs;
 * `meter.sinceMark()` gives the peak since it was last called (a step's own peak).
 */
async function withRendererPeak(work, meter = {}) {
  let peak = 0;
  let sinceMark = 0;
  meter.sinceMark = () => {
    sample();
    const p = sinceMark;
    sinceMark = 0;
    return p;
  };
  const sample = () => {
    const total = [...rendererMemory().values()].reduce((sum, rss) => sum + rss, 0);
    peak = Math.max(peak, total);
    sinceMark = Math.max(sinceMark, total);
  };
  const timer = setInterval(sample, 250);
  try {
    return { result: await work(), peak };
  } finally {
    clearInterval(timer);
    sample();
  }
}

/** The yardstick's steps (bench/yardstick.ts) in native DuckDB, in memory: seconds per step. */
async function nativeYardstick(yardstick, path, threads, shape) {
  const conn = await (await DuckDBInstance.create(":memory:", { threads: String(threads) })).connect();
  const out = mkdtempSync(join(os.tmpdir(), "stages-yardstick-"));
  const sql = { run: async (text) => (await conn.runAndReadAll(text)).getRowObjectsJS() };
  const seconds = {};
  try {
    for (const step of yardstick.yardstickSteps(path, join(out, "download.csv"), true, yardstick.FLOWS[shape])) {
      const t0 = performance.now();
      await step.run(sql);
      seconds[step.name] = (performance.now() - t0) / 1000;
    }
  } catch (error) {
    // Said in the report; the steps before it keep their times.
    seconds.error = String(error.message ?? error).split("\n")[0];
  } finally {
    conn.closeSync();
    rmSync(out, { recursive: true, force: true });
  }
  return seconds;
}

async function native(path, threads) {
  const conn = await (await DuckDBInstance.create(":memory:", { threads: String(threads) })).connect();
  const t0 = performance.now();
  await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv('${path}')`);
  return (performance.now() - t0) / 1000;
}

async function main() {
  if (!existsSync("out/index.html")) throw new Error("Run `npm run build` first (npm run bench does).");
  mkdirSync(dataDir, { recursive: true });
  const bare = await buildBarePage(dataDir, "/bench-data");
  const yardstick = await buildYardstick(dataDir);
  const server = await serve("out", port);
  const browser = await chromium.launch(launchOptions);
  const chromiumVersion = browser.version();
  await browser.close();
  const papaSource = readFileSync("node_modules/papaparse/papaparse.min.js", "utf8");
  const report = [];
  try {
    for (const [sizeIndex, mb] of sizesMb.entries()) for (const shape of shapes) {
      const runs = runsFor(sizeIndex);
      const fileName = `bench-${shape}-${mb}mb.csv`;
      const path = join(dataDir, fileName);
      const { rows, bytes, columns } = await generateCsv(path, mb * 1024 * 1024, shape);
      const { rules, transform } = yardstick.FLOWS[shape];
      console.log(`${fileName}: ${rows} rows, ${bytes} bytes`);
      const flows = [];
      const papa = [];
      const colds = [];
      const warms = [];
      const usables = [];
      const warmsAfterFlow = [];
      const peaks = [];
      let failure = null;
      for (let run = 0; run < runs; run++) {
        const profile = await freshProfile();
        const { page } = profile;
        const said = [];
        const meter = {};
        const stepPeaks = {};
        page.on("console", (m) => {
          if (!m.text().startsWith("bench:")) return;
          const text = m.text().slice(7);
          const peak = meter.sinceMark?.() ?? 0;
          stepPeaks[text.slice(0, text.lastIndexOf(":"))] = peak;
          said.push(text);
          console.log(`  ${text} · renderer peak ${(peak / 2 ** 30).toFixed(2)} GiB`);
        });
        const started = await timeStarts(page, base, 1);
        colds.push(started.cold);
        warms.push(...started.warm);
        usables.push(...started.usable);
        const { result, peak } = await withRendererPeak(() =>
          page.evaluate(runFlow, { fileUrl: `/bench-data/${fileName}`, fileName, rules, transform }).catch((error) => ({ error: String(error.message ?? error).split("\n")[0] })),
          meter,
        );
        if (result.error) {
          // The file did not go through the whole flow: say how far it got, and stop this size.
          failure = { message: result.error, steps: said, peak };
          console.log(`  run ${run + 1} failed: ${result.error}`);
          await profile.close();
          break;
        }
        for (const [name, step] of Object.entries(result.steps)) step.peak = stepPeaks[name] ?? 0;
        flows.push(result);
        peaks.push(peak);
        if (!appOnly) papa.push(await page.evaluate(runPapa, { fileUrl: `/bench-data/${fileName}`, papaSource }));
        // A returning visit after real work: by now the browser keeps the code it compiled for DuckDB's busiest functions.
        warmsAfterFlow.push((await timeReload(page)).ready);
        await profile.close();
        console.log(`  run ${run + 1}: ${JSON.stringify(Object.fromEntries(Object.entries(result.steps).map(([k, v]) => [k, +v.seconds.toFixed(2)])))}`);
      }
      const bares = [];
      const references = appOnly ? 0 : runs;
      for (let run = 0; run < references; run++) {
        bares.push(await runBare(freshProfile, base, bare, `/bench-data/${fileName}`, fileName).catch((error) => ({ memory: { error: String(error.message ?? error).split("\n")[0] } })));
        console.log(`  bare DuckDB-WASM: ${JSON.stringify(bares.at(-1))}`);
      }
      const native1 = [];
      const nativeAll = [];
      const steps = { native1: [], nativeAll: [], bare: [] };
      for (let run = 0; run < references; run++) {
        native1.push(await native(path, 1));
        nativeAll.push(await native(path, os.cpus().length));
        steps.native1.push(await nativeYardstick(yardstick, path, 1, shape));
        steps.nativeAll.push(await nativeYardstick(yardstick, path, os.cpus().length, shape));
        steps.bare.push(await runBareYardstick(freshProfile, base, bare, `/bench-data/${fileName}`, fileName, shape).catch((error) => ({ error: String(error.message ?? error).split("\n")[0] })));
        console.log(`  yardstick, run ${run + 1}: native 1 thread ${JSON.stringify(steps.native1.at(-1))}; bare DuckDB-WASM ${JSON.stringify(steps.bare.at(-1))}`);
      }
      const other = [];
      for (const format of formats) {
        const converted = await convert(path, format);
        const name = `${fileName.replace(/\.csv$/, "")}.${format}`;
        const stages = [];
        const native1s = [];
        for (let run = 0; run < runs; run++) {
          stages.push(await stageInApp(freshProfile, base, `/bench-data/${name}`, name, format).catch((error) => ({ error: String(error.message ?? error).split("\n")[0] })));
          native1s.push(await nativeRead(converted.path, format, 1));
          console.log(`  ${format}: ${JSON.stringify(stages.at(-1))}, native 1 thread ${native1s.at(-1).toFixed(2)} s`);
        }
        other.push({ format, bytes: converted.bytes, rows: converted.rows, stages, native1: native1s });
        rmSync(converted.path);
      }
      report.push({ mb, shape, columns, rows, bytes, runs, flows, papa, colds, warms, usables, warmsAfterFlow, peaks, native1, nativeAll, bares, steps, failure, formats: other });
      rmSync(path);
    }
    writeFileSync(outFile, render(report, chromiumVersion));
    console.log(`Wrote ${outFile}`);
  } finally {
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
