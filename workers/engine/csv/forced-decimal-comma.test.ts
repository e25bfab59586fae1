import { beforeAll, describe, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";

/**
 * A column given DECIMAL in a file of decimal commas (12,50), with the
 * number format left to detection: every value failed the type, the column
 * was read as text, and the rule offered for it rejected every row.
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

let n = 0;
async function read(text: string, types: Record<string, string>) {
  const table = `forced${n++}`;
  const result = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv", types }), table, `forced${n}.csv`);
  const columns = (await engine.rows(`DESCRIBE ${table}`)).map((d) => `${d.column_name}:${d.column_type}`);
  return { result, columns, amounts: (await engine.rows(`SELECT TRY_CAST(amount AS DOUBLE) AS a FROM ${table}`)).map((r) => r.a) };
}

describe("a fractional type given to a column of decimal commas", () => {
  it("reads the column with the comma", async () => {
    const { result, columns, amounts } = await read("id;amount\n1;12,50\n2;7,00\n3;\n", { amount: "DECIMAL(10,2)" });
    expect(columns).toEqual(["id:BIGINT", "amount:DECIMAL(10,2)"]);
    expect(amounts).toEqual([12.5, 7, null]);
    expect(result.options.numberFormat).toBe("comma");
    expect(result.typeFindings).toEqual([]);
  });

  it("finds only the value that is no number, for a rule that takes the comma", async () => {
    const { result } = await read("id;amount\n1;12,50\n2;abc\n3;1,00\n", { amount: "DOUBLE" });
    expect(result.typeFindings).toEqual([{ column: "amount", type: "DOUBLE", values: [{ line: 3, value: "abc" }], decimalChar: "," }]);
  });

  it("leaves a file of decimal points as it was", async () => {
    const { result, columns } = await read("id;amount\n1;12.50\n2;7.00\n", { amount: "DOUBLE" });
    expect(columns).toEqual(["id:BIGINT", "amount:DOUBLE"]);
    expect(result.options.numberFormat).toBeUndefined();
  });
});
