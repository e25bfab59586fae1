import { beforeAll, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";

/**
 * A header that names more columns than the rows fill, their writer having left out each row's trailing empty
 * values: the header was taken for a title line (columns column0, column1, …), and the rows that did fill the
 * last column were set aside as too wide.
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

const rows = (count: number, full: (i: number) => boolean) =>
  Array.from({ length: count }, (_, k) => k + 1).map((i) => (full(i) ? `${i},x${i},${i}.5,note ${i}` : `${i},x${i},${i}.5`));

it.each([
  ["no row fills the last column", 8, () => false],
  ["every third row fills it", 8, (i: number) => i % 3 === 0],
  ["rows fill it far below the first lines", 30_000, (i: number) => i > 25_000 && i % 2 === 0],
])("reads the header's names over rows that end early (%s), those values empty", async (_, count, full) => {
  const table = `ragged_${count}_${full(6) ? 1 : 0}`;
  const text = ["id,name,amount,note", ...rows(count, full), '9999999,"two\nlines",1.5'].join("\n") + "\n";
  const read = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), table, `${table}.csv`);
  expect((await engine.rows(`DESCRIBE ${table}`)).map((c) => `${c.column_name}:${c.column_type}`)).toEqual(["id:BIGINT", "name:VARCHAR", "amount:DOUBLE", "note:VARCHAR"]);
  const filled = Array.from({ length: count }, (_, k) => k + 1).filter(full);
  expect(await engine.rows(`SELECT count(*)::INT AS n, count(note)::INT AS notes FROM ${table}`)).toEqual([{ n: count + 1, notes: filled.length }]);
  expect(await engine.rows(`SELECT name, note FROM ${table} WHERE id IN (6, 9999999) ORDER BY id`)).toEqual([
    { name: "x6", note: full(6) ? "note 6" : null },
    { name: "two\nlines", note: null },
  ]);
  expect(read.notes).toEqual([]);
  expect(read.options.raggedRows).toBe(true);
  expect(read.lines).toMatchObject({ header: 1, preamble: 0, setAside: 0, rows: count + 1, balanced: true });
});
