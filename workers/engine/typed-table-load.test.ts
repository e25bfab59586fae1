import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TypedTable } from "@/lib/typed-table/table";
import { readSas7bdat, sas7bdatTable } from "@/lib/sas/sas7bdat";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import { loadTypedTable } from "./typed-table-load";

let engine: Awaited<ReturnType<typeof wasmReadEngine>>;
beforeAll(async () => {
  engine = await wasmReadEngine();
});
afterAll(() => engine.close());

const types = async (table: string) => Object.fromEntries((await engine.rows(`DESCRIBE ${table}`)).map((r) => [r.column_name, r.column_type]));
const text = (table: string) => engine.rows(`SELECT COLUMNS(*)::VARCHAR FROM ${table} ORDER BY ALL`);
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe("loadTypedTable (a statistical dataset's typed rows into DuckDB-WASM as Arrow)", () => {
  it("types each column as the file says, numbers BIGINT where every one is whole, missing values null", async () => {
    const dataset: TypedTable = {
      columns: [
        { name: "id", type: "number" },
        { name: "income", type: "number" },
        { name: "name", type: "text" },
        { name: "born", type: "date" },
        { name: "seen", type: "timestamp" },
        { name: "start", type: "time" },
      ],
      rows: [
        [1, 1000.5, "Zoë", day("1990-01-01"), Date.parse("2024-03-01T13:45:30.250Z"), "08:30:00"],
        [2, null, null, null, null, null],
        [3, 12, "日本語, 3", day("1582-10-15"), Date.parse("1960-01-01T00:00:00Z"), "23:59:59"],
      ],
    };
    expect(await loadTypedTable(engine, dataset, "typed", {})).toBe(true);
    expect(await types("typed")).toEqual({ id: "BIGINT", income: "DOUBLE", name: "VARCHAR", born: "DATE", seen: "TIMESTAMP", start: "TIME" });
    expect(await text("typed")).toEqual([
      { id: "1", income: "1000.5", name: "Zoë", born: "1990-01-01", seen: "2024-03-01 13:45:30.25", start: "08:30:00" },
      { id: "2", income: null, name: null, born: null, seen: null, start: null },
      { id: "3", income: "12.0", name: "日本語, 3", born: "1582-10-15", seen: "1960-01-01 00:00:00", start: "23:59:59" },
    ]);
  });

  it("types labelled codes by what is left of them, and keeps a duration past 24 hours as text", async () => {
    const dataset: TypedTable = {
      columns: [
        { name: "region", type: "labelled" },
        { name: "unlabelled", type: "labelled" },
        { name: "scores", type: "labelled" },
        { name: "took", type: "time" },
        { name: "big", type: "number" },
      ],
      rows: [
        ["North", "1", "0.5", "30:00:00", 2 ** 60],
        ["3", "2", "7", "00:00:05", 1],
      ],
    };
    await loadTypedTable(engine, dataset, "labelled", {});
    expect(await types("labelled")).toEqual({ region: "VARCHAR", unlabelled: "BIGINT", scores: "DOUBLE", took: "VARCHAR", big: "DOUBLE" });
  });

  it("applies the types the user forced instead of its own, and loads nothing from a dataset of no rows", async () => {
    const dataset: TypedTable = { columns: [{ name: "code", type: "number" }, { name: "n", type: "number" }], rows: [[1, 2], [20, 3]] };
    await loadTypedTable(engine, dataset, "forced", { code: "VARCHAR" });
    expect(await types("forced")).toEqual({ code: "VARCHAR", n: "BIGINT" });
    expect(await loadTypedTable(engine, { columns: dataset.columns, rows: [] }, "empty", {})).toBe(false);
    expect(await engine.rows("SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name LIKE 'empty%'")).toEqual([{ n: 0 }]);
  });

  it("loads a SAS dataset ReadStat wrote, uncompressed as a CSV of its size is: every row, codes with their leading zeros", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("../../test/fixtures/sas/people.sas7bdat", import.meta.url)));
    await loadTypedTable(engine, sas7bdatTable(bytes, readSas7bdat(bytes)), "people", {}, "uncompressed");
    expect(await types("people")).toEqual({ id: "BIGINT", age: "BIGINT", income: "DOUBLE", name: "VARCHAR", code: "VARCHAR" });
    expect(await engine.rows("SELECT count(*)::INT AS n, sum(id)::INT AS ids, min(code) AS first, max(code) AS last FROM people")).toEqual([{ n: 300, ids: 45150, first: "00000", last: "00299" }]);
  });
});
