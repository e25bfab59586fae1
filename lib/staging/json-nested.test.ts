import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { describeSpread, spreadColumns, spreadNested, spreadSql } from "./json-nested";
import { jsonColumns, type JsonColumn } from "./json-records";

const spreadOf = (records: Record<string, unknown>[]) => spreadNested(jsonColumns(records));
const named = (columns: readonly JsonColumn[]) => columns.map((c) => `${c.key}${c.path ? ` @${c.path.join("/")}` : ""}`);

describe("spreadNested", () => {
  it("spreads objects into a column per field, in place, objects inside them too, each read at its path", () => {
    const records = [
      { id: 1, address: { city: "Paris", geo: { lat: 48.8, lng: 2.3 } }, tags: ["a"] },
      { id: 2, address: { city: "Oslo", zip: "0150", geo: null }, tags: [] },
      { id: 3, address: null, tags: ["b"] },
    ];
    const { columns, spread } = spreadOf(records);
    expect(spread).toEqual([
      { column: "address", fields: ["city", "geo", "zip"] },
      { column: "address.geo", fields: ["lat", "lng"] },
    ]);
    expect(named(columns)).toEqual(["id", "address.city @address/city", "address.geo.lat @address/geo/lat", "address.geo.lng @address/geo/lng", "address.zip @address/zip", "tags"]);
    expect(columns.map((c) => c.type.kind)).toEqual(["number", "text", "number", "number", "text", "list"]);
  });

  it("leaves a key of objects and other values, a field whose path is another key, and empty objects as they are", () => {
    const mixed = spreadOf([{ a: { x: 1 } }, { a: "text" }]);
    expect(mixed.spread).toEqual([]);
    expect(named(mixed.columns)).toEqual(["a"]);
    expect(spreadOf([{ a: { x: 1 }, "a.x": 2 }]).spread).toEqual([]);
    expect(spreadOf([{ a: {} }, { a: {} }]).spread).toEqual([]);
    expect(spreadOf([{ a: { "": 1 } }]).spread).toEqual([]);
    expect(spreadOf([{ a: null }, {}]).spread).toEqual([]);
  });

  it("says what was spread, by its top columns", () => {
    expect(describeSpread([{ column: "address", fields: ["city"] }, { column: "address.geo", fields: ["lat"] }, { column: "_source", fields: ["level"] }])).toBe(
      "Nested objects were read as columns, one per field: address, _source (as address.city).",
    );
  });
});

describe("spreadSql", () => {
  it("spreads the structs DuckDB's JSON reader makes into the same columns, in the browser's order", async () => {
    const db = await freshDuckDb();
    await db.run(`CREATE TABLE staged AS SELECT * FROM (VALUES (1, {'city': 'Paris', 'geo': {'lat': 48.8, 'lng': 2.3}, 'zip': NULL::VARCHAR}, 'x')) t(id, address, note)`);
    const spread = [{ column: "address", fields: ["city", "geo", "zip"] }, { column: "address.geo", fields: ["lat", "lng"] }];
    const columns = ["id", "address.city", "address.geo.lat", "address.geo.lng", "address.zip", "note"];
    expect(spreadColumns(["id", "address", "note"], spread)).toEqual(columns);
    for (const sql of spreadSql("staged", spread, columns)) await db.run(sql);
    expect(await db.rows("SELECT * FROM staged")).toEqual([{ id: 1, "address.city": "Paris", "address.geo.lat": 48.8, "address.geo.lng": 2.3, "address.zip": null, note: "x" }]);
  });

  it("reads a struct that is NULL, or a field whose name needs quotes, as NULL and as the field's value", async () => {
    const db = await freshDuckDb();
    await db.run(`CREATE TABLE staged AS SELECT * FROM (VALUES ({'it''s': 1, 'b': {'c': 'x'}}), (NULL)) t(a)`);
    const spread = [{ column: "a", fields: ["it's", "b"] }, { column: "a.b", fields: ["c"] }];
    const columns = spreadColumns(["a"], spread);
    expect(columns).toEqual(["a.it's", "a.b.c"]);
    for (const sql of spreadSql("staged", spread, columns)) await db.run(sql);
    expect(await db.rows("SELECT * FROM staged")).toEqual([{ "a.it's": 1, "a.b.c": "x" }, { "a.it's": null, "a.b.c": null }]);
  });

  it("rewrites a temporary table as a temporary table, and leaves no table of that name in the database", async () => {
    const db = await freshDuckDb();
    await db.run(`CREATE TEMP TABLE loaded AS SELECT * FROM (VALUES (1, {'city': 'Oslo'})) t(id, address)`);
    const spread = [{ column: "address", fields: ["city"] }];
    for (const sql of spreadSql("loaded", spread, spreadColumns(["id", "address"], spread), true)) await db.run(sql);
    expect(await db.rows("SELECT * FROM loaded")).toEqual([{ id: 1, "address.city": "Oslo" }]);
    expect(await db.rows("SELECT database_name AS db, temporary FROM duckdb_tables() WHERE table_name = 'loaded'")).toEqual([{ db: "temp", temporary: true }]);
  });
});
