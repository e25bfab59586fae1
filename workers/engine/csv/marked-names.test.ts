import { beforeAll, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";

/**
 * A first name with a byte-order mark inside its quotes ("\uFEFFid"), as a file gets when a tool reads a
 * file with a mark, keeps it in its first name, and writes every value quoted (found by the combined-fault test).
 * DuckDB named the column with the mark, and names come back through Arrow without it (its decoder drops
 * a leading mark), so the read's next statement named a column that was not there, and the file failed.
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

const rows = Array.from({ length: 12 }, (_, i) => `"${1000 + i}","0${i}7","x${i}"`);

it.each([
  ["inside the first name's quotes", ['"\uFEFFid","code","name"', ...rows]],
  ["before the first quote", ['\uFEFF"id","code","name"', ...rows]],
])("reads a file with a byte-order mark %s, its first column named without the mark", async (_, lines) => {
  const table = `marked_${lines[0]!.indexOf("\uFEFF")}`;
  const result = await readCsv(engine, new Blob([lines.join("\n") + "\n"]), parseOptionsSchema.parse({ format: "csv" }), table, `${table}.csv`);
  const names = (await engine.rows(`DESCRIBE ${table}`)).map((r) => String(r.column_name));
  expect(names).toEqual(["id", "code", "name"]);
  expect(await engine.rows(`SELECT id, code FROM ${table} ORDER BY id LIMIT 2`)).toEqual([{ id: 1000, code: "007" }, { id: 1001, code: "017" }]);
  expect(result.lines).toMatchObject({ total: 13, header: 1, rows: 12, balanced: true });
});
