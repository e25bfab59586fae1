// Staging the benchmark's rows written in the other formats (`--formats json,ndjson,parquet,arrow`): the same rows
// as the CSV, converted by native DuckDB, staged in the app (a fresh profile each) and read by native DuckDB.
// An Arrow IPC stream is written by parquet-wasm from DuckDB's Parquet (native DuckDB reads Arrow IPC only with an
// extension, so it has no time to compare). Statistical datasets (`dta`, `sas7bdat`, `xpt`, `sav`) are written by
// pandas (a Stata dataset) and ReadStat (the others, from it), when this machine has them (`python3` with pandas,
// `readstat`: Debian's python3-pandas and readstat); native DuckDB reads none of them. An Excel workbook (`xlsx`) is
// written by write-excel-file from the rows as native DuckDB reads them, cut to what a sheet holds; native DuckDB
// reads it only with an extension, so it has no time to compare.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readParquet } from "parquet-wasm/node";
import { DuckDBInstance } from "@duckdb/node-api";
import writeXlsxFile from "write-excel-file/node";
import { timeStarts } from "./start-marks.mjs";

const COPY = { json: "(FORMAT json, ARRAY true)", ndjson: "(FORMAT json)", parquet: "(FORMAT parquet)" };
const READ = { json: "read_json", ndjson: "read_json", parquet: "read_parquet" };
const TYPE = {
  json: "application/json",
  ndjson: "application/x-ndjson",
  parquet: "application/vnd.apache.parquet",
  arrow: "application/vnd.apache.arrow.stream",
  dta: "application/x-stata-dta",
  sas7bdat: "application/x-sas-data",
  xpt: "application/x-sas-xport",
  sav: "application/x-spss-sav",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
const DATASETS = ["dta", "sas7bdat", "xpt", "sav"];

// The CSV's rows as a Stata dataset: dates and timestamps as Stata's, true and false as 1 and 0, text as its longest
// value needs (pandas 1.5, Debian 12's).
const TO_STATA = `
import sys
import pandas as pd
frame = pd.read_csv(sys.argv[1], keep_default_na=False, na_values=[""])
for name in frame.columns:
    column = frame[name]
    if column.dtype == bool or set(column.dropna().unique()) <= {"true", "false"}:
        frame[name] = pd.to_numeric(column.map({True: 1, False: 0, "true": 1, "false": 0}), downcast="integer")
    elif column.dtype == object:
        as_time = pd.to_datetime(column, errors="coerce")
        if column.notna().any() and as_time.notna().sum() == column.notna().sum():
            frame[name] = as_time
        else:
            frame[name] = column.fillna("")
frame.to_stata(sys.argv[2], write_index=False, version=118)
`;

/** A statistical dataset of the CSV's rows: pandas writes a Stata dataset, ReadStat converts it to the others. */
function writeDataset(csvPath, format, path) {
  const dta = format === "dta" ? path : path.replace(/\.\w+$/, ".bench.dta");
  const run = (command, args) => {
    const done = spawnSync(command, args, { encoding: "utf8", maxBuffer: 2 ** 26 });
    if (done.status !== 0) throw new Error(`${command} could not write a ${format} file (${done.error?.message ?? done.stderr.trim().split("\n").at(-1)}): --formats ${format} needs python3 with pandas and readstat`);
  };
  run("python3", ["-c", TO_STATA, csvPath, dta]);
  if (format === "dta") return;
  rmSync(path, { force: true });
  run("readstat", [dta, path]);
  rmSync(dta);
}

/** A sheet's rows: its names' row and 1,048,575 of data; and no more cells than write-excel-file's take of Node's heap. */
const SHEET_ROWS = 1_048_575;
const SHEET_CELLS = 8_000_000;

/** The cell of a value of a DuckDB type, as write-excel-file takes it: numbers, booleans, dates and timestamps as such. */
function sheetColumn(name, type) {
  const quoted = `"${name.replaceAll('"', '""')}"`;
  if (/INT|DECIMAL|DOUBLE|FLOAT|REAL/.test(type)) return { sql: `CAST(${quoted} AS DOUBLE)`, cell: (value) => ({ value }) };
  if (type === "BOOLEAN") return { sql: quoted, cell: (value) => ({ value }) };
  if (type === "DATE") return { sql: `CAST(${quoted} AS TIMESTAMP)`, cell: (value) => ({ value, type: Date, format: "yyyy-mm-dd" }) };
  if (type.startsWith("TIMESTAMP")) return { sql: `CAST(${quoted} AS TIMESTAMP)`, cell: (value) => ({ value, type: Date, format: "yyyy-mm-dd hh:mm:ss" }) };
  return { sql: `CAST(${quoted} AS VARCHAR)`, cell: (value) => ({ value }) };
}

/** The CSV's rows as an Excel workbook of one sheet, as many as it holds: returns the rows written. */
async function writeWorkbook(csvPath, path) {
  const conn = await (await DuckDBInstance.create(":memory:")).connect();
  const from = `read_csv('${csvPath}')`;
  const columns = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjectsJS().map((c) => ({ name: c.column_name, ...sheetColumn(c.column_name, c.column_type) }));
  const limit = Math.min(SHEET_ROWS, Math.floor(SHEET_CELLS / columns.length));
  const rows = (await conn.runAndReadAll(`SELECT ${columns.map((c) => c.sql).join(", ")} FROM ${from} LIMIT ${limit}`)).getRowsJS();
  conn.closeSync();
  const data = [columns.map((c) => ({ value: c.name })), ...rows.map((row) => row.map((value, i) => (value === null ? null : columns[i].cell(value))))];
  writeFileSync(path, await writeXlsxFile(data).toBuffer());
  return rows.length;
}

/**
 * The CSV's rows written as `format` beside it, as DuckDB reads the CSV; returns the file's path and size, and its
 * rows where it holds fewer than the CSV (a workbook's sheet).
 */
export async function convert(csvPath, format) {
  const path = csvPath.replace(/\.csv$/, `.${format}`);
  if (format === "xlsx") {
    const rows = await writeWorkbook(csvPath, path);
    return { path, bytes: statSync(path).size, rows };
  }
  if (DATASETS.includes(format)) {
    writeDataset(csvPath, format, path);
    return { path, bytes: statSync(path).size };
  }
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
    const cut = [];
    for (const f of r.formats) {
      const stages = f.stages.filter((s) => !s.error);
      lines.push(row(f.format.toUpperCase(), f.bytes, stages.length ? median(stages.map((s) => s.seconds)) : NaN, f.native1.length ? median(f.native1) : NaN));
      const error = f.stages.find((s) => s.error)?.error;
      if (error) failed.push(`- ${f.format}: ${error}`);
      const expected = f.rows ?? r.rows;
      const rows = stages.find((s) => s.rows !== expected);
      if (rows) failed.push(`- ${f.format}: staged ${rows.rows} rows, not ${expected}`);
      if (f.rows !== undefined && f.rows !== r.rows) cut.push(`- ${f.format.toUpperCase()}: its first ${f.rows.toLocaleString("en-US")} rows (all a sheet or write-excel-file holds).`);
    }
    lines.push("", ...(cut.length ? [...cut, ""] : []), ...(failed.length ? ["Not staged as it should be:", "", ...failed, ""] : []));
  }
  return lines;
}
