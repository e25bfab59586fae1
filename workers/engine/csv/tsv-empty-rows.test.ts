import { beforeAll, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";

/**
 * A spreadsheet saved as TSV writes an empty row as tabs alone. DuckDB reads it as a row of no value, and the
 * line count took it for a blank line too: the lines of the file did not add up.
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

it("leaves out a TSV's empty rows of tabs alone, counted once as blank lines", async () => {
  const text = "id\tname\tamount\n1\ta\t1.5\n\t\t\n2\tb\t2.5\n\t\t\n3\tc\t3.5\n";
  const result = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "tsv_empty", "tsv_empty.tsv");
  expect(await engine.rows("SELECT id FROM tsv_empty")).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
  expect(result.lines).toMatchObject({ total: 6, header: 1, blank: 2, rows: 3, rowLines: 3, balanced: true });
});
