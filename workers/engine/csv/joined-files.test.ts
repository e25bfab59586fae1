import { beforeAll, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { MARK_AT_START } from "./mend";
import { readCsv } from "./read";

/**
 * Files joined end to end (cat a.csv b.csv) where the first does not end its last line: the second's header,
 * and its byte-order mark when it has one, ran into the first's last row. The line was set aside, row and all.
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => `${from + i},x${from + i},${from + i}.5`);
const reason = "the header again, run into the end of this row (files joined end to end, the first without a line end), left out";

it.each([
  ["with the second file's byte-order mark", "\uFEFF", 5],
  ["without a mark", "", 5],
  ["far below the first lines", "", 30_000],
])("reads the row a header ran into, %s, and leaves the header out", async (_, mark, count) => {
  const table = `joined_${mark.length}_${count}`;
  const text = `${mark}id,name,amount\n${rows(1, count).join("\n")}${mark}id,name,amount\n${rows(count + 1, 3).join("\n")}\n`;
  const read = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), table, `${table}.csv`);
  expect((await engine.rows(`DESCRIBE ${table}`)).map((c) => `${c.column_name}:${c.column_type}`)).toEqual(["id:BIGINT", "name:VARCHAR", "amount:DOUBLE"]);
  expect(await engine.rows(`SELECT * FROM ${table} WHERE id BETWEEN ${count} AND ${count + 1} ORDER BY id`)).toEqual([
    { id: count, name: `x${count}`, amount: count + 0.5 },
    { id: count + 1, name: `x${count + 1}`, amount: count + 1.5 },
  ]);
  expect(read.notes).toEqual([{ line: count + 1, status: "repaired", reason, text: `${count},x${count},${count}.5${mark}id,name,amount` }]);
  expect(read.lines).toMatchObject({ header: 1, setAside: 0, repaired: 1, rows: count + 3, balanced: true });
});

// Headerless files joined end to end, each with its byte-order mark: the mark at the start of a row in the middle
// made the first column text ("4" was "\uFEFF4", which no number is).
it.each([
  ["among the first lines", 3],
  ["below the first lines, among the rows DuckDB's sniffer reads", 15_000],
  ["below the lines DuckDB's sniffer reads", 30_000],
])("reads a row that starts with a byte-order mark, %s, without it, and says so", async (_, count) => {
  const table = `marked_${count}`;
  const text = `\uFEFF${rows(1, count).join("\n")}\n\uFEFF${rows(count + 1, 3).join("\n")}\n`;
  const read = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), table, `${table}.csv`);
  expect((await engine.rows(`DESCRIBE ${table}`)).map((c) => c.column_type)).toEqual(["BIGINT", "VARCHAR", "DOUBLE"]);
  expect(await engine.rows(`SELECT column0 AS id, column1 AS name FROM ${table} WHERE column0 BETWEEN ${count} AND ${count + 1} ORDER BY 1`)).toEqual([
    { id: count, name: `x${count}` },
    { id: count + 1, name: `x${count + 1}` },
  ]);
  expect(read.notes).toEqual([{ line: count + 1, status: "repaired", reason: MARK_AT_START, text: `${count + 1},x${count + 1},${count + 1}.5` }]);
  expect(read.lines).toMatchObject({ header: 0, setAside: 0, repaired: 1, rows: count + 3, balanced: true });
});
