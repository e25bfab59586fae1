// Staging the benchmark's rows written in the other formats (`--formats json,ndjson,parquet,arrow`): the same rows
// as the CSV, converted by native DuckDB, staged in the app (a fresh profile each) and read by native DuckDB.
// An Arrow IPC stream is written by parquet-wasm from DuckDB's Parquet (native DuckDB reads Arrow IPC only with an
// extension, so it has no time to compare).
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readParquet } from "parquet-wasm/node";
import { DuckDBInstance } from "@duckdb/node-api";
import { timeStarts } from "./start-marks.mjs";

const COPY = { json: "(FORMAT json, ARRAY true)", ndjson: "(FORMAT json)", parquet: "(FORMAT parquet)" };
const READ = { json: "read_json", ndjson: "read_json", parquet: "read_parquet" };
const TYPE = { json: "application/json", ndjson: "application/x-ndjson", parquet: "application/vnd.apache.parquet", arrow: "application/vnd.apache.arrow.stream" };

/** The CSV's rows written as `format` beside it, as DuckDB reads the CSV; returns the file's path and size. */
export async function convert(csvPath, format) {
  const path = csvPath.replace(/\.csv$/, `.${format}`);
  const written = format === "arrow" ? path.replace(/\.arrow$/, ".arrow.parquet") : path;
  const conn = await (await DuckDBInstance.create(":memory:")).connect();
  await conn.run(`COPY (SELECT * FROM read_csv('${csvPath}')) TO '${written}' ${COPY[format] ?? COPY.parquet}`);
  conn.closeSync();
  if (format === "arrow") {
    writeFileSync(path, readParquet(new Uint8Array(readFileSync(written))).intoIPCStream());
    rmSync(written);
  }
  return { path, bytes: statSync(path).size };
}

/** Native DuckDB reading the file into memory, on `threads` threads: seconds. */
export async function nativeRead(path, format, threads) {
  if (!READ[format]) return NaN;
  const conn = await (await DuckDBInstance.create(":memory:", { threads: String(threads) })).connect();
  const t0 = performance.now();
  await conn.run(`CREATE TABLE t AS SELECT * FROM ${READ[format]}('${path}')`);
  const seconds = (performance.now() - t0) / 1000;
  conn.closeSync();
  return seconds;
}

/** The app staging the file in a fresh profile, through its engine API as the UI calls it: seconds and rows. */
export async function stageInApp(freshProfile, base, fileUrl, fileName, format) {
  const profile = await freshProfile();
  try {
    await timeStarts(profile.page, base, 0);
    return await profile.page.evaluate(
      async ({ fileUrl, fileName, type }) => {
        const file = new File([await (await fetch(fileUrl)).blob()], fileName, { type });
        const t0 = performance.now();
        const staged = await window.stages.engine.stageFile(file, crypto.randomUUID());
        if (!staged.ok) throw new Error(staged.error.message);
        return { seconds: (performance.now() - t0) / 1000, rows: staged.value.rowCount };
      },
      { fileUrl, fileName, type: TYPE[format] },
    );
  } finally {
    await profile.close();
  }
}

/** The report's table of formats, for each CSV whose rows were staged as other formats too. */
export function renderFormats(report, median) {
  const lines = [];
  for (const r of report.filter((x) => x.formats?.length)) {
    const csvStage = r.flows.length ? median(r.flows.map((f) => f.steps["stage (checksum, IndexedDB, DuckDB read)"].seconds)) : NaN;
    const row = (name, bytes, stage, native1) => {
      const mb = bytes / 2 ** 20;
      return `| ${name} | ${mb.toFixed(0)} | ${Number.isNaN(stage) ? "—" : stage.toFixed(2)} | ${Number.isNaN(stage) ? "—" : (mb / stage).toFixed(0)} | ${Number.isNaN(native1) ? "—" : native1.toFixed(2)} | ${Number.isNaN(stage) || Number.isNaN(native1) ? "—" : `${(native1 / stage).toFixed(2)}×`} |`;
    };
    lines.push(
      `## The same ${r.rows.toLocaleString("en-US")} rows (${r.shape}) in each format, staged`,
      "",
      "| format | MB | stage (s) | MB/s | native DuckDB, 1 thread, into memory (s) | Stages ÷ native 1 thread |",
      "| --- | --- | --- | --- | --- | --- |",
      row("CSV", r.bytes, csvStage, r.native1.length ? median(r.native1) : NaN),
    );
    const failed = [];
    for (const f of r.formats) {
      const stages = f.stages.filter((s) => !s.error);
      lines.push(row(f.format.toUpperCase(), f.bytes, stages.length ? median(stages.map((s) => s.seconds)) : NaN, f.native1.length ? median(f.native1) : NaN));
      const error = f.stages.find((s) => s.error)?.error;
      if (error) failed.push(`- ${f.format}: ${error}`);
      const rows = stages.find((s) => s.rows !== r.rows);
      if (rows) failed.push(`- ${f.format}: staged ${rows.rows} rows, not ${r.rows}`);
    }
    lines.push("", ...(failed.length ? ["Not staged as it should be:", "", ...failed, ""] : []));
  }
  return lines;
}
