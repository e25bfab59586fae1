import { beforeAll, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";

/**
 * A report printed to CSV page by page: its title above the header, and on each page after the first a title
 * line and the header again. The title above the header was taken for the first row (no header, every column
 * text), and a page's title among the rows made the first column text.
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

const page = (from: number, count: number) => Array.from({ length: count }, (_, i) => `${from + i},x${from + i},${from + i}.5`);
const heading = "a heading among the rows (a page's or a group's title), not a row of data";
const header = "the header again (files joined end to end?)";

it.each([
  ["in the first lines", 8],
  ["far below them", 30_000],
])("reads a report's pages as one table, its page titles and headers %s set aside", async (_, count) => {
  const table = `report_${count}`;
  const text = ["Sales report,,", "id,name,amount", ...page(1, count), "", "Page 2,,", "id,name,amount", ...page(count + 1, 8)].join("\n") + "\n";
  const read = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), table, `${table}.csv`);
  expect((await engine.rows(`DESCRIBE ${table}`)).map((c) => `${c.column_name}:${c.column_type}`)).toEqual(["id:BIGINT", "name:VARCHAR", "amount:DOUBLE"]);
  expect(await engine.rows(`SELECT count(*)::INT AS n, max(id)::INT AS last FROM ${table}`)).toEqual([{ n: count + 8, last: count + 8 }]);
  expect(read.notes).toEqual([
    { line: count + 4, status: "set aside", reason: heading, text: "Page 2,," },
    { line: count + 5, status: "set aside", reason: header, text: "id,name,amount" },
  ]);
  expect(read.lines).toMatchObject({ preamble: 1, header: 1, blank: 1, setAside: 2, rows: count + 8, balanced: true });
});
