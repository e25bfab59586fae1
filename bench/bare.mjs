// Builds the bare DuckDB-WASM reference page (bench/bare-entry.mjs) into the
// served build, using the DuckDB worker and wasm files the app itself ships.
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "rolldown";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Bundle the page into `dir` (served at `urlBase`); resolves with what the page needs to run. */
export async function buildBarePage(dir, urlBase) {
  await build({
    input: join(root, "bench/bare-entry.mjs"),
    platform: "browser",
    resolve: { alias: { "@": root } },
    output: { file: join(dir, "bare.js"), format: "esm" },
    logLevel: "silent",
  });
  writeFileSync(join(dir, "bare.html"), '<!doctype html><meta charset="utf-8"><title>bare DuckDB-WASM</title><script type="module" src="bare.js"></script>\n');
  const media = readdirSync(join(root, "out/_next/static/media"));
  const find = (re) => `/_next/static/media/${media.find((f) => re.test(f))}`;
  return { pageUrl: `${urlBase}/bare.html`, workerUrl: find(/^duckdb-browser-eh\.worker\..*\.js$/), wasmUrl: find(/^duckdb-eh\..*\.wasm$/) };
}

/** Bundle the yardstick (bench/yardstick.ts) for Node into `dir`, and load it. */
export async function buildYardstick(dir) {
  const file = join(dir, "yardstick.mjs");
  await build({
    input: join(root, "bench/yardstick.ts"),
    platform: "node",
    resolve: { alias: { "@": root } },
    external: [/^@duckdb\//],
    output: { file, format: "esm" },
    logLevel: "silent",
  });
  return import(pathToFileURL(file).href);
}

/**
 * The yardstick's steps in the bare DuckDB-WASM page, in a fresh profile: seconds per step, or { error }. In
 * memory first; a file DuckDB-WASM cannot hold there (1 GB) is run again in a database file in OPFS, as the
 * app runs it, and its result says so (`opfs`).
 */
export async function runBareYardstick(freshProfile, base, bare, fileUrl, fileName, shape) {
  const once = async (inOpfs) => {
    const { page, close } = await freshProfile();
    try {
      await page.goto(`${base}${bare.pageUrl}`);
      await page.waitForFunction(() => window.bareYardstick !== undefined);
      return await page.evaluate((args) => window.bareYardstick(args), { fileUrl, fileName, workerUrl: bare.workerUrl, wasmUrl: bare.wasmUrl, shape, inOpfs });
    } finally {
      await close();
    }
  };
  try {
    return await once(false);
  } catch (error) {
    if (!/Out of Memory/i.test(String(error?.message ?? error))) throw error;
    return { ...(await once(true)), opfs: String(error.message ?? error).split("\n")[0].replace(/^page\.evaluate: Error: /, "") };
  }
}

/** Each variant adds one cost to the one before it (see bare-entry.mjs). */
export const BARE_VARIANTS = [
  ["memory", "bare DuckDB-WASM: CREATE TABLE AS read_csv(registered File), in-memory database"],
  ["compressed", "+ tables stored as in a database file (in-memory database with COMPRESS; uncompressed for a CSV of 16 to 256 MB and without FSST up to 1 GB, as the app stores it)"],
  ["opfs", "+ written to a database file in OPFS (the engine's setup)"],
  ["options", "+ the app's read_csv call (dialect given, bad lines kept, 32 MB line limit)"],
  ["contention", "+ SHA-256 and IndexedDB copy of the file at the same time"],
];

/** Runs the variants once in a fresh browser profile; resolves with { variant: { seconds, rows } | { error } }. */
export async function runBare(freshProfile, base, bare, fileUrl, fileName) {
  const { page, close } = await freshProfile();
  try {
    await page.goto(`${base}${bare.pageUrl}`);
    await page.waitForFunction(() => window.bareDuckdb !== undefined);
    const variants = BARE_VARIANTS.map(([v]) => v);
    return await page.evaluate((args) => window.bareDuckdb(args), { fileUrl, fileName, workerUrl: bare.workerUrl, wasmUrl: bare.wasmUrl, variants });
  } finally {
    await close();
  }
}

/** The table of where staging's time goes, from the runs' results and the app's own staging time. */
export function renderBare(runs, stageSeconds, mbs, median) {
  const lines = ["| where staging's time goes, same file, same Chromium | seconds | MB/s | added by this line (s) |", "| --- | --- | --- | --- |"];
  let before = null;
  for (const [variant, label] of BARE_VARIANTS) {
    const done = runs.map((r) => r[variant]).filter((v) => v && v.seconds !== undefined);
    if (done.length === 0) {
      lines.push(`| ${label} | ${runs.map((r) => r[variant]?.error).find(Boolean) ?? "not run"} | — | — |`);
      continue;
    }
    const s = median(done.map((v) => v.seconds));
    lines.push(`| ${label} | ${s.toFixed(2)} | ${(mbs / s).toFixed(0)} | ${before === null ? "—" : (s - before).toFixed(2)} |`);
    before = s;
  }
  lines.push(`| the app's staging (adds the sniff, the head preview, counting, the date check, bookkeeping) | ${stageSeconds.toFixed(2)} | ${(mbs / stageSeconds).toFixed(0)} | ${before === null ? "—" : (stageSeconds - before).toFixed(2)} |`);
  return lines;
}
