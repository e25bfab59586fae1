import { beforeAll, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";
import { createTable } from "./table";

/**
 * duckdb/duckdb issue 25824: DuckDB's sniffer types a column from the first 20,480 rows, and its reader rounds a
 * value with a fraction further down to the column's whole-number type (12.5 read as 13), without a word.
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

const file = (late: string) => new Blob([["id,qty,note", ...Array.from({ length: 30_100 }, (_, i) => `${i + 1},${i < 30_000 ? 12 : late},x`)].join("\n") + "\n"]);
const read = async (table: string, late: string) => {
  const result = await readCsv(engine, file(late), parseOptionsSchema.parse({ format: "csv" }), table, "stock.csv");
  const types = (await engine.rows(`DESCRIBE ${table}`)).map((c) => c.column_type);
  const values = (await engine.rows(`SELECT CAST(qty AS VARCHAR) AS qty, CAST(count(*) AS INTEGER) AS n FROM ${table} GROUP BY ALL ORDER BY 2 DESC`)).map((r) => [r.qty, r.n]);
  return { types, values, rows: result.lines.rows, findings: result.typeFindings.map((f) => f.column) };
};

it("keeps the fractions of a column of whole numbers further down than DuckDB's sample", async () => {
  expect(await read("fractions", "12.5")).toEqual({ types: ["BIGINT", "DOUBLE", "VARCHAR"], values: [["12.0", 30_000], ["12.5", 100]], rows: 30_100, findings: [] });
});

it("keeps a column of whole numbers BIGINT, those too long for a DOUBLE exact", async () => {
  expect(await read("whole", "13")).toEqual({ types: ["BIGINT", "BIGINT", "VARCHAR"], values: [["12", 30_000], ["13", 100]], rows: 30_100, findings: [] });
  expect(await read("long", "12345678901234567")).toEqual({ types: ["BIGINT", "BIGINT", "VARCHAR"], values: [["12", 30_000], ["12345678901234567", 100]], rows: 30_100, findings: [] });
});

it("still reads a column with words further down as text, naming them", async () => {
  expect(await read("words", "many")).toEqual({ types: ["BIGINT", "VARCHAR", "VARCHAR"], values: [["12", 30_000], ["many", 100]], rows: 30_100, findings: ["qty"] });
});

it("reads a file with fractions in several columns twice, not once a column, each column typed by its values", async () => {
  const reads: string[] = [];
  const counting: CsvEngine = { ...engine, rows: (sql) => (sql.startsWith('CREATE OR REPLACE TABLE "several" ') && reads.push(sql), engine.rows(sql)) };
  const lines = ["id,price,discount,qty,ref", ...Array.from({ length: 30_100 }, (_, i) => (i < 30_000 ? `${i + 1},10,0,2,7` : `${i + 1},10.25,0.5,3,8`))];
  await readCsv(counting, new Blob([lines.join("\n") + "\n"]), parseOptionsSchema.parse({ format: "csv" }), "several", "sales.csv");
  expect((await engine.rows("DESCRIBE several")).map((c) => c.column_type)).toEqual(["BIGINT", "DOUBLE", "DOUBLE", "BIGINT", "BIGINT"]);
  expect(await engine.rows("SELECT price, discount, qty FROM several WHERE id = 30100")).toEqual([{ price: 10.25, discount: 0.5, qty: 3 }]);
  expect(reads).toHaveLength(2);
  // A number too long for a DOUBLE beside a fraction: that column is read once more, as the sniffer reads it, exact.
  const big = ["id,price,ref", ...Array.from({ length: 30_100 }, (_, i) => (i < 30_000 ? `${i + 1},10,7` : `${i + 1},10.25,12345678901234567`))];
  await readCsv(engine, new Blob([big.join("\n") + "\n"]), parseOptionsSchema.parse({ format: "csv" }), "big_ref", "sales.csv");
  expect((await engine.rows("DESCRIBE big_ref")).map((c) => c.column_type)).toEqual(["BIGINT", "DOUBLE", "BIGINT"]);
  expect(await engine.rows("SELECT CAST(ref AS VARCHAR) AS ref, price FROM big_ref WHERE id = 30100")).toEqual([{ ref: "12345678901234567", price: 10.25 }]);
});

it("checks a file without a header by DuckDB's names for its columns, and reads as before a column it cannot name", async () => {
  const lines = Array.from({ length: 30_100 }, (_, i) => `${i + 1},${i < 30_000 ? 12 : 12.5}`);
  await readCsv(engine, new Blob([lines.join("\n") + "\n"]), parseOptionsSchema.parse({ format: "csv", header: false }), "no_header", "readings.csv");
  expect((await engine.rows("DESCRIBE no_header")).map((c) => c.column_type)).toEqual(["BIGINT", "DOUBLE"]);
  expect(await engine.rows("SELECT count(*)::INTEGER AS n FROM no_header WHERE column1 = 12.5")).toEqual([{ n: 100 }]);
  await engine.register("named.csv", new Blob(["a,b\n1,2\n3,4\n"]));
  const plan = { path: "named.csv", dialect: { delimiter: ",", quote: '"', escape: '"' }, header: true, strict: true, sniff: true, types: {}, rejects: "named_rejects", maxLineBytes: 1 << 20, whole: ["a", "not_a_column"] };
  const read = await createTable(engine, "named", plan, 2, ["a", "b"], 16);
  expect(read.plan.whole).toEqual([]);
  expect(await engine.rows("SELECT a, b FROM named ORDER BY a")).toEqual([{ a: 1, b: 2 }, { a: 3, b: 4 }]);
});
