import { beforeAll, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";

/**
 * A stray quote at the start of a name in the header (found by the combined-fault test, seed 1385): the quote
 * ran the header into the rows below, up to the first quote among them. No header was found; the first row
 * was read as the names, and the header line set aside as "the header again".
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

it("names the columns from a header with a stray quote, and stages every row", async () => {
  const rows = Array.from({ length: 10 }, (_, i) => `${1000 + i},2024-01-0${(i % 9) + 1},"said ""hi"", then left",https://shop.example/p/${i}`);
  const text = ["Orders for March", "", 'order_id,day,"note,url', ...rows].join("\n") + "\n";
  const result = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "quoted_header", "quoted_header.csv");
  const columns = (await engine.rows("DESCRIBE quoted_header")).map((r) => `${r.column_name}:${r.column_type}`);
  expect(columns).toEqual(["order_id:BIGINT", "day:DATE", "note:VARCHAR", "url:VARCHAR"]);
  expect((await engine.rows("SELECT order_id FROM quoted_header")).map((r) => r.order_id)).toEqual(rows.map((_, i) => 1000 + i));
  expect(result.notes).toEqual([]);
  expect(result.lines).toMatchObject({ total: 13, preamble: 2, header: 1, rows: 10, balanced: true });
});
