import { beforeAll, describe, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";

/** A header that names a column twice, or not at all: DuckDB names it (name_1, column3), and nothing said so. */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

describe("a header with a name given twice and a column with no name", () => {
  it("reports the names the read gave, and not a column with no name and no value, which is left out", async () => {
    const text = "id,name,name,,Amount,amount,\n1,a,b,x,1,2,\n2,c,d,y,3,4,\n";
    const read = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "names0", "names.csv");
    expect(read.readNames).toEqual([
      { column: "name_1", given: "name" },
      { column: "column3", given: "" },
      { column: "amount_1", given: "amount" },
    ]);
  });
});
