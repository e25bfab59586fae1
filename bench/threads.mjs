// npm run bench:threads [-- --sizes 100,500 --runs 3 --out docs/BENCHMARKS-THREADS.md --bundle coi --debug]
// Issue #16, item 4: DuckDB-WASM's threaded bundle (coi, which needs cross-origin isolation) measured
// beside the single-threaded one the app ships (eh), on this machine, in the same Chromium, reading the
// same CSV: through a registered File (how the app stages) or its bytes in DuckDB's heap, into memory or
// into a database file in OPFS (the app's setup). The page is served with COOP and COEP.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { build } from "rolldown";
import { launchOptions } from "./chromium.mjs";
import { generateCsv } from "./generate.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizesMb = arg("sizes", "100,500").split(",").map(Number);
const runs = Number(arg("runs", "3"));
const outFile = arg("out", "docs/BENCHMARKS-THREADS.md");

// `--bundle coi` runs one bundle's variants only; `--debug` prints the pages' console.
const onlyBundle = arg("bundle", null);
const debug = process.argv.includes("--debug");

const VARIANTS = [
  { bundle: "eh", threads: 1, how: "file", database: "memory" },
  { bundle: "eh", threads: 1, how: "file", database: "opfs" },
  { bundle: "coi", threads: 1, how: "file", database: "memory" },
  { bundle: "coi", threads: 2, how: "file", database: "memory" },
  { bundle: "coi", threads: 1, how: "buffer", database: "memory" },
  { bundle: "coi", threads: 2, how: "buffer", database: "memory" },
  { bundle: "coi", threads: 1, how: "file", database: "opfs" },
  { bundle: "coi", threads: 2, how: "file", database: "opfs" },
  { bundle: "coi", threads: 2, how: "buffer", database: "opfs" },
  { bundle: "eh", threads: 1, how: "buffer", database: "memory" },
].filter((v) => !onlyBundle || v.bundle === onlyBundle);

/** A variant that has not answered by then is stopped and recorded as failed (the coi bundle's OPFS database with two threads never answers). */
const TIMEOUT_S = 60;

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".csv": "text/csv" };

/** A static server that makes its pages cross-origin isolated (COOP same-origin, COEP require-corp). */
function isolatedServer(dir) {
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname));
    let body;
    try {
      body = readFileSync(path);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[extname(path)] ?? "application/octet-stream",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
    });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${server.address().port}`, stop: () => server.close() })));
}

async function buildPage(dir) {
  await build({ input: join(root, "bench/threads-entry.mjs"), platform: "browser", output: { file: join(dir, "threads.js"), format: "esm" }, logLevel: "silent" });
  writeFileSync(join(dir, "threads.html"), '<!doctype html><meta charset="utf-8"><title>DuckDB-WASM threads</title><script type="module" src="threads.js"></script>\n');
  const dist = join(root, "node_modules/@duckdb/duckdb-wasm/dist");
  for (const f of ["duckdb-browser-eh.worker.js", "duckdb-eh.wasm", "duckdb-browser-coi.worker.js", "duckdb-browser-coi.pthread.worker.js", "duckdb-coi.wasm"]) copyFileSync(join(dist, f), join(dir, f));
  return {
    eh: { worker: "/duckdb-browser-eh.worker.js", wasm: "/duckdb-eh.wasm" },
    coi: { worker: "/duckdb-browser-coi.worker.js", wasm: "/duckdb-coi.wasm", pthread: "/duckdb-browser-coi.pthread.worker.js" },
  };
}

/** Every variant once, each in a page of its own (a variant that crashes its page says so), in a fresh browser profile. */
async function runOnce(url, bundles, fileUrl) {
  const profile = mkdtempSync(join(os.tmpdir(), "stages-threads-"));
  const context = await chromium.launchPersistentContext(profile, launchOptions);
  const results = [];
  try {
    for (const variant of VARIANTS) {
      const page = await context.newPage();
      if (debug) page.on("console", (m) => console.log("  page:", m.text()));
      try {
        await page.goto(`${url}/threads.html`);
        await page.waitForFunction(() => window.threadsBench !== undefined);
        const answer = page.evaluate((args) => window.threadsBench(args), { fileUrl, bundles, variant });
        const silence = new Promise((resolve) => setTimeout(() => resolve({ error: `no answer in ${TIMEOUT_S} s` }), TIMEOUT_S * 1000));
        results.push(await Promise.race([answer, silence]));
      } catch (error) {
        results.push({ error: `the page failed: ${String(error.message).split("\n")[0]}` });
      } finally {
        await page.close().catch(() => undefined);
      }
    }
    return results;
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const label = (v) => `${v.bundle}, ${v.threads} thread${v.threads > 1 ? "s" : ""}, ${v.how === "file" ? "registered File" : "bytes in DuckDB's heap"}, ${v.database === "opfs" ? "OPFS database" : "in memory"}`;

const dir = mkdtempSync(join(os.tmpdir(), "stages-threads-site-"));
const bundles = await buildPage(dir);
const server = await isolatedServer(dir);
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const lines = [
  "# DuckDB-WASM's threaded bundle, measured (issue #16, item 4)",
  "",
  `Measured by \`npm run bench:threads\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium (${launchOptions.executablePath ?? "Playwright's"}), DuckDB-WASM ${JSON.parse(readFileSync(join(root, "node_modules/@duckdb/duckdb-wasm/package.json"), "utf8")).version}. Each row is \`CREATE TABLE t AS SELECT * FROM read_csv('bench.csv')\`, timed in a page served with COOP \`same-origin\` and COEP \`require-corp\`; medians of ${runs} runs, each in a fresh browser profile. The thread count is given when the database opens (\`maximumThreads\`; a \`SET threads\` query never answered in the coi bundle), and "DuckDB's threads" is \`current_setting('threads')\` after it. A variant that does not answer in ${TIMEOUT_S} s is stopped and counted as failed. No test asserts a time.`,
];
try {
  for (const mb of sizesMb) {
    const csv = join(dir, `bench-${mb}.csv`);
    const { rows, bytes } = await generateCsv(csv, mb * 1024 * 1024, "orders");
    const results = [];
    let isolated = false;
    for (let i = 0; i < runs; i++) {
      const run = await runOnce(server.url, bundles, `/bench-${mb}.csv`);
      isolated ||= run.some((r) => r.isolated);
      results.push(run);
      console.log(`${mb} MB run ${i + 1}:`, run.map((r, j) => `${label(VARIANTS[j])}: ${r.error ?? r.seconds.toFixed(2)}`).join("; "));
    }
    const mbs = bytes / 2 ** 20;
    lines.push("", `## ${Math.round(mbs)} MB CSV (orders), ${rows.toLocaleString("en-US")} rows; page cross-origin isolated: ${isolated}`, "");
    lines.push("| bundle, threads, how the file reaches DuckDB, database | seconds | MB/s | DuckDB's threads | rows read |", "| --- | --- | --- | --- | --- |");
    VARIANTS.forEach((v, i) => {
      const all = results.map((r) => r[i]);
      const done = all.filter((r) => r.seconds !== undefined);
      const errors = [...new Set(all.filter((r) => r.error).map((r) => r.error))];
      const failed = errors.length ? `failed in ${all.length - done.length} of ${all.length} runs: ${errors.join("; ")}` : "";
      if (done.length === 0) {
        lines.push(`| ${label(v)} | ${failed} | — | — | — |`);
        return;
      }
      const s = median(done.map((r) => r.seconds));
      lines.push(`| ${label(v)} | ${s.toFixed(2)}${failed ? ` (${failed})` : ""} | ${(mbs / s).toFixed(0)} | ${done[0].threads} | ${done[0].rows.toLocaleString("en-US")} |`);
    });
    rmSync(csv);
  }
} finally {
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
mkdirSync(dirname(resolve(root, outFile)), { recursive: true });
writeFileSync(resolve(root, outFile), `${lines.join("\n")}\n`);
console.log(`Written to ${outFile}`);
