// npm run bench [-- --sizes 100,1000 --runs 3]
// Builds nothing itself: `npm run bench` builds first. Writes docs/BENCHMARKS.md.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { chromium } from "@playwright/test";
import { runFlow, runPapa, TEN_RULES, TRANSFORM } from "./browser.mjs";
import { buildBarePage, renderBare, runBare } from "./bare.mjs";
import { generateCsv } from "./generate.mjs";
import { serveArgs } from "../scripts/static-server.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizesMb = arg("sizes", "100,1000").split(",").map(Number);
// One count for every size, or one per size ("3,3,1").
const runCounts = arg("runs", "3").split(",").map(Number);
const runsFor = (i) => runCounts[Math.min(i, runCounts.length - 1)];
const port = 3300;
const base = `http://127.0.0.1:${port}`;
const dataDir = join("out", "bench-data");
const executablePath = process.env.STAGES_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Peak resident memory of Chromium's renderer processes, sampled from /proc while `work` runs. */
async function withRendererPeak(work) {
  let peak = 0;
  const sample = () => {
    let total = 0;
    for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--type=renderer")) continue;
        total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
      } catch {
        // The process ended while being read.
      }
    }
    peak = Math.max(peak, total);
  };
  const timer = setInterval(sample, 250);
  try {
    return { result: await work(), peak };
  } finally {
    clearInterval(timer);
    sample();
  }
}

// Runs in the page before its own scripts: the moment "Engine ready" first shows, from the start of the
// navigation (performance.now() counts from it). Polling for the text from outside would add its own delay.
function whenEngineReady() {
  new MutationObserver((_, observer) => {
    if (!document.body?.innerText.includes("Engine ready")) return;
    window.__engineReadyAt = performance.now();
    observer.disconnect();
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

async function engineReadyAfter(page) {
  await page.waitForFunction(() => window.__engineReadyAt !== undefined, null, { timeout: 60_000 });
  return (await page.evaluate(() => window.__engineReadyAt)) / 1000;
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
  const server = spawn("npx", serveArgs("out", port), { stdio: "ignore" });
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  const papaSource = readFileSync("node_modules/papaparse/papaparse.min.js", "utf8");
  const report = [];
  try {
    for (let i = 0; i < 100 && !(await fetch(base).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 200));
    for (const [sizeIndex, mb] of sizesMb.entries()) {
      const runs = runsFor(sizeIndex);
      const fileName = `bench-${mb}mb.csv`;
      const path = join(dataDir, fileName);
      const { rows, bytes } = await generateCsv(path, mb * 1024 * 1024);
      console.log(`${fileName}: ${rows} rows, ${bytes} bytes`);
      const flows = [];
      const papa = [];
      const colds = [];
      const warms = [];
      const peaks = [];
      let failure = null;
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const said = [];
        page.on("console", (m) => {
          if (!m.text().startsWith("bench:")) return;
          said.push(m.text().slice(7));
          console.log(`  ${m.text().slice(7)}`);
        });
        await page.addInitScript(whenEngineReady);
        await page.goto(base);
        colds.push(await engineReadyAfter(page));
        // Warm start: the same profile loads the page again, with the wasm module in the HTTP cache.
        await page.reload();
        warms.push(await engineReadyAfter(page));
        // A fresh Chromium profile here gets a 10 GB quota; a real profile gets up to 60% of the disk. The 1 GB
        // flow keeps ~1 GB in IndexedDB, DuckDB's work database, Parquet and a CSV at once: give it a real profile's room.
        await (await context.newCDPSession(page)).send("Storage.overrideQuotaForOrigin", { origin: base, quotaSize: 40 * 2 ** 30 });
        const { result, peak } = await withRendererPeak(() =>
          page.evaluate(runFlow, { fileUrl: `/bench-data/${fileName}`, fileName, rules: TEN_RULES, transform: TRANSFORM }).catch((error) => ({ error: String(error.message ?? error).split("\n")[0] })),
        );
        if (result.error) {
          // The file did not go through the whole flow: say how far it got, and stop this size.
          failure = { message: result.error, steps: said, peak };
          console.log(`  run ${run + 1} failed: ${result.error}`);
          await context.close();
          break;
        }
        flows.push(result);
        peaks.push(peak);
        papa.push(await page.evaluate(runPapa, { fileUrl: `/bench-data/${fileName}`, papaSource }));
        await context.close();
        console.log(`  run ${run + 1}: ${JSON.stringify(Object.fromEntries(Object.entries(result.steps).map(([k, v]) => [k, +v.seconds.toFixed(2)])))}`);
      }
      const bares = [];
      for (let run = 0; run < runs; run++) {
        bares.push(await runBare(browser, base, bare, `/bench-data/${fileName}`, fileName));
        console.log(`  bare DuckDB-WASM: ${JSON.stringify(bares.at(-1))}`);
      }
      const native1 = [];
      const nativeAll = [];
      for (let run = 0; run < runs; run++) {
        native1.push(await native(path, 1));
        nativeAll.push(await native(path, os.cpus().length));
      }
      report.push({ mb, rows, bytes, runs, flows, papa, colds, warms, peaks, native1, nativeAll, bares, failure });
      rmSync(path);
    }
    writeFileSync("docs/BENCHMARKS.md", render(report, await browser.version()));
    console.log("Wrote docs/BENCHMARKS.md");
  } finally {
    await browser.close();
    server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const verdict = (met, text) => `- ${met ? "met" : "**missed**"}: ${text}`;

function render(report, chromiumVersion) {
  const cpu = os.cpus();
  const lines = [
    "# Benchmarks",
    "",
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, Chromium ${chromiumVersion} (headless), DuckDB-WASM 1.32.0, native DuckDB via @duckdb/node-api 1.5. Figures are medians of the runs given per size; each browser run is a fresh profile (its quota set to 40 GB, as a real profile on a large disk has). No test asserts a time.`,
    "",
    "The app is driven through its own engine API (`window.stages.engine`), exactly as the UI calls it. The file is fetched into the page before timing starts. \"Longest task\" is the longest main-thread task (PerformanceObserver `longtask`, 50 ms and up) seen during the step; 0 means none.",
    "",
  ];
  const whole = report.filter((r) => r.flows.length > 0 && !r.failure).map((r) => r.mb);
  lines.push(`Largest file that went through the whole flow (stage, validate, transform, promote, download): ${whole.length ? `${Math.max(...whole)} MB` : "none"}.`, "");
  for (const r of report) {
    const mbs = r.bytes / 2 ** 20;
    if (r.failure && r.flows.length === 0) {
      lines.push(
        `## ${Math.round(mbs)} MB CSV, ${r.rows.toLocaleString("en-US")} rows, 10 columns: did not go through the whole flow`,
        "",
        `It stopped with: ${r.failure.message}`,
        "",
        "Steps done before it stopped:",
        "",
        ...r.failure.steps.map((s) => `- ${s}`),
        "",
        `Peak renderer memory (sum of Chromium renderer RSS): ${(r.failure.peak / 2 ** 30).toFixed(2)} GiB. Native DuckDB on the same file, 1 thread: ${median(r.native1).toFixed(2)} s; ${os.cpus().length} threads: ${median(r.nativeAll).toFixed(2)} s.`,
        "",
        ...renderBare(r.bares, Number(/^stage[^:]*: ([\d.]+) s/.exec(r.failure.steps.find((x) => x.startsWith("stage")) ?? "")?.[1] ?? NaN), mbs, median),
        "",
      );
      continue;
    }
    const names = Object.keys(r.flows[0].steps);
    lines.push(`## ${Math.round(mbs)} MB CSV, ${r.rows.toLocaleString("en-US")} rows, 10 columns (median of ${r.runs} run${r.runs > 1 ? "s" : ""})`, "", "| step | seconds | MB/s | longest main-thread task (ms) |", "| --- | --- | --- | --- |");
    for (const n of names) {
      const s = median(r.flows.map((f) => f.steps[n].seconds));
      const t = Math.max(...r.flows.map((f) => f.steps[n].longTaskMs));
      const restarts = r.flows.filter((f) => f.steps[n].restarted).length;
      lines.push(`| ${n}${restarts ? ` (in ${restarts} of ${r.flows.length} runs the engine ran out of memory first and restarted; the retry is timed)` : ""} | ${s.toFixed(2)} | ${n.startsWith("stage") || n.startsWith("profile") || n.startsWith("validate") || n.startsWith("promote") || n.startsWith("download") ? (mbs / s).toFixed(0) : "—"} | ${t.toFixed(0)} |`);
    }
    const stage = median(r.flows.map((f) => f.steps["stage (checksum, IndexedDB, DuckDB read)"].seconds));
    const n1 = median(r.native1);
    const nAll = median(r.nativeAll);
    const papa = median(r.papa.map((p) => p.seconds));
    lines.push(
      "",
      "| reference, same file | seconds | MB/s | stage in Stages relative to it |",
      "| --- | --- | --- | --- |",
      `| native DuckDB, 1 thread, CREATE TABLE AS read_csv | ${n1.toFixed(2)} | ${(mbs / n1).toFixed(0)} | ${(n1 / stage).toFixed(2)}× its speed |`,
      `| native DuckDB, ${os.cpus().length} threads | ${nAll.toFixed(2)} | ${(mbs / nAll).toFixed(0)} | ${(nAll / stage).toFixed(2)}× its speed |`,
      `| Papa Parse 5 in a Web Worker (header, dynamicTyping, rows ${r.papa[0].kept ? "kept" : "counted, not kept"}) | ${papa.toFixed(2)} | ${(mbs / papa).toFixed(0)} | ${(papa / stage).toFixed(2)}× faster than it |`,
      "",
      ...renderBare(r.bares, stage, mbs, median),
      "",
      r.failure ? `One run did not complete, and is not in the medians: ${r.failure.message}\n\n` : "",
      `Engine cold start (page load to first query, fresh profile): ${median(r.colds).toFixed(2)} s; warm start (reload, wasm in the HTTP cache): ${median(r.warms).toFixed(2)} s. Peak renderer memory (sum of Chromium renderer RSS): ${(Math.max(...r.peaks) / 2 ** 30).toFixed(2)} GiB. Browser storage in use at the end of a run (IndexedDB + OPFS): ${(median(r.flows.map((f) => f.storageBytes)) / 2 ** 20).toFixed(0)} MB.`,
      "",
      "Against the issue's targets:",
      "",
      verdict(n1 / stage >= 0.7, `stage ≥ 0.7× native DuckDB, 1 thread: ${(n1 / stage).toFixed(2)}×`),
      verdict(nAll / stage >= 0.5, `stage ≥ 0.5× native DuckDB, all threads: ${(nAll / stage).toFixed(2)}×`),
      verdict(papa / stage >= 3, `stage ≥ 3× Papa Parse: ${(papa / stage).toFixed(2)}×`),
      verdict(median(r.colds) < 1.5, `engine cold start < 1.5 s: ${median(r.colds).toFixed(2)} s`),
      verdict(median(r.warms) < 0.5, `engine warm start < 0.5 s: ${median(r.warms).toFixed(2)} s`),
      verdict(median(r.flows.map((f) => f.firstRows)) < 1, `first rows visible < 1 s after the drop (the file's head, read while the whole file is staged): ${median(r.flows.map((f) => f.firstRows)).toFixed(2)} s`),
      verdict(median(r.flows.map((f) => f.steps["first rows (a page of 100)"].seconds)) < 1, "a page of the staged table < 1 s once staged"),
      verdict(median(r.flows.map((f) => f.steps["a page at the end"].seconds)) < 0.05, `a page of rows < 50 ms at ${r.rows.toLocaleString("en-US")} rows, right after staging: ${(1000 * median(r.flows.map((f) => f.steps["a page at the end"].seconds))).toFixed(0)} ms`),
      verdict(median(r.flows.map((f) => f.steps["a page at the end, engine idle"].seconds)) < 0.05, `a page of rows < 50 ms at ${r.rows.toLocaleString("en-US")} rows, engine idle: ${(1000 * median(r.flows.map((f) => f.steps["a page at the end, engine idle"].seconds))).toFixed(0)} ms`),
      verdict(Math.max(...r.flows.map((f) => f.steps["scroll the staged grid (20 jumps over the whole table)"].longTaskMs)) <= 50, "no main-thread task over 50 ms while scrolling"),
      verdict(Math.max(...names.map((n) => Math.max(...r.flows.map((f) => f.steps[n].longTaskMs)))) <= 50, "no main-thread task over 50 ms in any step"),
      "",
    );
  }
  lines.push(
    "## Reading these figures",
    "",
    "- \"stage\" is DuckDB's full parse of the file into a table in its OPFS database, overlapped with the SHA-256 of the whole file and its copy into IndexedDB (DuckDB runs in a worker of its own); native DuckDB only parses, into memory. DuckDB-WASM is single-threaded here (no cross-origin isolation), so the 2-thread figure is out of reach by design.",
    "- \"first rows after the drop\" is the moment the file's first rows (read by DuckDB from a 256 KB slice of its start) reach the page, while the whole file is still being staged.",
    "- The benchmark drives the app page itself, so the UI reacts as in a real session: when a file is staged it runs its recipe and profiles it, on the same engine, while the next steps are timed. The first-page, profile and validation figures include that work: DuckDB-WASM has one thread, so the page's own queries wait for the statement running at that moment.",
    "- \"profile\" is every column's counts, bounds and mean (one scan), then top values and a histogram per column (one grouping each); columns whose values are (nearly) all distinct skip the top values.",
    "- Cold start includes fetching and compiling DuckDB's 34 MB wasm module from the local server in a fresh profile (no HTTP cache); warm start is a reload of the same profile. Most of either is instantiating DuckDB and opening its OPFS database; a tab that stays open pays it once.",
    "- CSV download converts every value to text (DuckDB casts, JavaScript quotes) and writes it to an OPFS scratch file; a version just promoted is read from the run's final table, an older one is loaded back from its Parquet file first.",
    "",
    "## Why targets are missed, and what would close them",
    "",
    "- Stage against native DuckDB (≈ 0.3× one thread): DuckDB-WASM runs one thread (the threaded build needs cross-origin isolation and cannot read registered files); the table is written, compressed, into an OPFS database rather than memory (which is what lets 1 GB go through the whole flow); and the checksum and the IndexedDB copy share the machine's 2 cores with the parse. A bare in-memory `CREATE TABLE AS` from a registered File measured ≈ 140 MB/s on this kind of machine (the stack notes) against ≈ 60 MB/s here. Not separated further yet: the next step is timing the parse alone into OPFS and into memory in the same run.",
    "- Stage against Papa Parse (≈ 1.1×): Papa only parses (and at 1 GB only counts rows); staging also checksums, stores the bytes and writes a typed table to disk. A fair comparison would time DuckDB's parse alone.",
    "- Cold and warm start (≈ 1.8 s and 1.5 s): most of it is compiling and instantiating DuckDB's 34 MB wasm module, which a reload does again; opening the OPFS database adds to it. Caching the compiled module (a `WebAssembly.Module` can be kept in IndexedDB) or starting DuckDB in a service worker would close it.",
    "- A page right after staging (≈ 1.2 s for the first, ≈ 70 ms at the end, at 1 GB): DuckDB-WASM has one thread and the UI's own recipe run and profile hold it right after staging; a page waits for the statement that is running (compare the same page once the engine is idle). Running page reads first (a priority queue in the engine) or from a second DuckDB instance would close it.",
    "- 2 GB: staging, the first rows and scrolling work; the profile and the recipe run then run out of memory (window sorts and hash tables of 23 M rows exceed the 2 GB buffer pool, and DuckDB-WASM cannot spill to disk: duckdb-wasm issue 2061). The engine restarts and says so, and does not run the same work again by itself. Spilling to OPFS upstream, or running rules and profiles over row ranges, would close it.",
    "- Peak renderer memory at 1 GB (≈ 4 GiB, the sum of Chromium's renderer processes): DuckDB's heap grows to its limit and never shrinks, plus the page's copy of the file the benchmark fetched; a lower buffer pool would trade speed for memory.",
    "",
    "Sizes not listed were not measured in this run; `npm run bench -- --sizes 100,1000 --runs 3` runs the issue's defaults.",
    "",
  );
  return lines.join("\n");
}

await main();
