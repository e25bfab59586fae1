import { beforeAll, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
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
