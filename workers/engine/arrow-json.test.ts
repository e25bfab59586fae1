import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wasmArrow } from "@/test/duckdb-wasm-node";
import { nestedJsonColumn } from "./arrow-json";

let duck: Awaited<ReturnType<typeof wasmArrow>>;
beforeAll(async () => {
  duck = await wasmArrow();
});
afterAll(() => duck.close());

const column = (sql: string) => nestedJsonColumn(duck.query(sql).getChildAt(0)!).map((v) => (v === null ? null : JSON.parse(v)));

describe("nestedJsonColumn (DuckDB-WASM's Arrow results)", () => {
  it("writes lists and structs as JSON arrays and objects, nulls inside them as null", () => {
    expect(column(`SELECT * FROM (VALUES (['a', 'b']), ([]), (NULL), (['x', NULL])) v(l)`)).toEqual([["a", "b"], [], null, ["x", null]]);
    expect(column(`SELECT {'lat': 1.5, 'lon': NULL, 'tags': [1, 2]} AS s UNION ALL SELECT NULL`)).toEqual([{ lat: 1.5, lon: null, tags: [1, 2] }, null]);
    expect(column(`SELECT [{'k': true}, {'k': false}] AS l`)).toEqual([[{ k: true }, { k: false }]]);
  });

  it("keeps big whole numbers exact as text, and writes dates and timestamps as ISO text", () => {
    expect(column(`SELECT [1::BIGINT, 9007199254740993::BIGINT] AS l`)).toEqual([[1, "9007199254740993"]]);
    expect(column(`SELECT [DATE '2024-01-02'] AS l`)).toEqual([["2024-01-02"]]);
    expect(column(`SELECT [TIMESTAMP '2024-01-02 10:11:12', TIMESTAMP '2024-01-02 10:11:12.5'] AS l`)).toEqual([["2024-01-02 10:11:12", "2024-01-02 10:11:12.500"]]);
    expect(column(`SELECT [1.5::DOUBLE, 'inf'::DOUBLE] AS l`)).toEqual([[1.5, null]]);
  });

  it("writes a map as an object of its keys", () => {
    expect(column(`SELECT MAP {'a': 1, 'b': 2} AS m`)).toEqual([{ a: 1, b: 2 }]);
    expect(column(`SELECT [1.25::DECIMAL(9,2), -0.05::DECIMAL(9,2), 12345678901234567.5::DECIMAL(18,1)] AS l`)).toEqual([[1.25, -0.05, "12345678901234567.50"]]);
  });
});
