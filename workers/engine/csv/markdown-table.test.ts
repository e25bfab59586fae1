import { beforeAll, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { csvLinesOf, linesAsCsv } from "./lines-as-csv";
import { findLayout } from "./first-read";
import { readCsv } from "./read";

/**
 * A Markdown table saved as a data file was read with "|" as the delimiter: its line of dashes as a second
 * header line (columns "id ---", "name ---"), an empty column at each end, and its cells padded with spaces.
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

it("reads a Markdown table as its cells, under its title, the line of dashes counted as blank", async () => {
  const rows = Array.from({ length: 6 }, (_, i) => `| ${i + 1} | x${i + 1} \\| y | ${i + 1}.5 |`);
  const text = new Blob([["## Sales", "", "| id | name | amount |", "|---:|:-----|-------:|", ...rows, "", "Source: finance"].join("\n") + "\n"]);
  const options = parseOptionsSchema.parse({ format: "csv" });
  const shaped = csvLinesOf(await findLayout(text, options), options);
  expect(shaped.options).toMatchObject({ markdownTable: true, delimiter: "," });
  const csv = await linesAsCsv(text, shaped.converter!());
  const read = await readCsv(engine, csv, shaped.options, "markdown", "markdown.csv", { found: await findLayout(csv, shaped.options) });
  expect((await engine.rows("DESCRIBE markdown")).map((c) => `${c.column_name}:${c.column_type}`)).toEqual(["id:BIGINT", "name:VARCHAR", "amount:DOUBLE"]);
  expect(await engine.rows("SELECT * FROM markdown WHERE id = 2")).toEqual([{ id: 2, name: "x2 | y", amount: 2.5 }]);
  expect(read.lines).toMatchObject({ total: 12, preamble: 2, header: 1, blank: 1, notes: 2, rows: 6, balanced: true });
  // Read as delimited text when the options say so.
  expect(csvLinesOf(await findLayout(text, { ...options, markdownTable: false }), { ...options, markdownTable: false }).converter).toBeUndefined();
});
