import { beforeAll, expect, test } from "vitest";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "@/workers/engine/csv/engine";
import { nearTypeFindings } from "@/workers/engine/near-types";

// A CSV of 1,000 columns and 50 rows took 27 s to stage (its 1,000 columns of "0-1" looked like dates), and one
// whose 1,000 columns of numbers each had a "TBD" took six minutes: each 50 columns' sample was a statement of
// 14 aggregates a column (a second to plan, whatever its rows), and each finding's values one check of the whole
// table, numbering every row's line over all its columns. Now the columns' values are scanned as one column and
// the findings' values are found in one check a batch: the statements sent no longer grow with the columns.
const COLUMNS = 300;
const ROWS = 50;
let engine: CsvEngine;
let sent: string[];
beforeAll(async () => {
  const wasm = await wasmReadEngine();
  const rows = wasm.rows.bind(wasm);
  engine = { ...wasm, rows: (sql: string) => (sent.push(sql), rows(sql)) };
  const columns = Array.from({ length: COLUMNS }, (_, c) => `CASE WHEN range = ${c % ROWS} THEN 'TBD' ELSE (range * ${c + 1})::VARCHAR END AS c${c}`);
  await rows(`CREATE TABLE wide AS SELECT ${columns.join(", ")} FROM range(${ROWS})`);
});

test("a file of 300 columns of numbers, each with a word, has each column's finding, in a few statements", async () => {
  sent = [];
  const names = Array.from({ length: COLUMNS }, (_, c) => `c${c}`);
  const columns = names.map((name) => ({ name, type: "VARCHAR" }));
  const findings = await nearTypeFindings(engine, "wide", columns, { candidates: names, delimiter: ",", linesBefore: 1, lineTable: false, multiline: true });
  expect(findings.map((f) => f.column)).toEqual(names);
  expect(findings.every((f) => f.type === "BIGINT")).toBe(true);
  // Line 1 is the header: the word in row r + 1 is on line r + 2.
  expect(findings.map((f) => f.values)).toEqual(names.map((_, c) => [{ line: (c % ROWS) + 2, value: "TBD" }]));
  // The sample, the whole columns by the kinds they try, and the misfits of each 500 findings.
  expect(sent.length).toBeLessThanOrEqual(5);
}, 60_000);
