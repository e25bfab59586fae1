import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import { unwrapExtendedJson } from "@/lib/staging/extended-json";
import { parseJsonExact } from "@/lib/staging/json-long-integers";
import { loadJson } from "./json-load";

let engine: Awaited<ReturnType<typeof wasmReadEngine>>;
beforeAll(async () => {
  engine = await wasmReadEngine();
});
afterAll(() => engine.close());

const types = async (table: string) => Object.fromEntries((await engine.rows(`DESCRIBE ${table}`)).map((r) => [r.column_name, r.column_type]));
const all = (table: string) => engine.rows(`SELECT * FROM ${table}`);

describe("loadJson (DuckDB-WASM's JSON reader, given every column's type)", () => {
  it("loads a column whose values are of several kinds as their text (the reader alone failed the whole file)", async () => {
    await loadJson(engine, [{ a: 1 }, { a: "two" }, { a: true }, { a: { x: 1 } }, { a: null }], "mixed", {});
    expect(await types("mixed")).toEqual({ a: "VARCHAR" });
    expect((await all("mixed")).map((r) => r.a)).toEqual(["1", "two", "true", '{"x":1}', null]);
  });

  it("loads a text column that is empty in the first thousands of records, and a key first met after them", async () => {
    const records: Record<string, unknown>[] = Array.from({ length: 12_000 }, (_, i) => ({ id: i, note: null }));
    records.push({ id: 12_000, note: "late", extra: 7 });
    await loadJson(engine, records, "sparse", {});
    expect(await types("sparse")).toEqual({ id: "BIGINT", note: "VARCHAR", extra: "BIGINT" });
    expect(await engine.rows("SELECT id, note, extra FROM sparse WHERE note IS NOT NULL")).toEqual([{ id: 12_000, note: "late", extra: 7 }]);
    expect(await engine.rows("SELECT count(*)::INT AS n FROM sparse")).toEqual([{ n: 12_001 }]);
  });

  it("loads a key that starts with a byte-order mark as a column named without it (the load failed: Arrow's decoder drops the mark)", async () => {
    await loadJson(engine, [{ "\uFEFFid": 1, day: "2024-01-02" }, { "\uFEFFid": 2, day: "2024-01-03" }], "marked", {});
    expect(await types("marked")).toEqual({ id: "BIGINT", day: "DATE" });
    expect(await engine.rows("SELECT id FROM marked ORDER BY id")).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it("types BigQuery's timestamps (2024-01-15 10:00:00 UTC) as timestamps", async () => {
    await loadJson(engine, [{ ts: "2024-01-15 10:00:00 UTC" }, { ts: "2024-02-01 09:30:00.123456 UTC" }, { ts: null }], "bq", {});
    expect(await types("bq")).toEqual({ ts: "TIMESTAMP" });
    expect((await engine.rows("SELECT CAST(ts AS VARCHAR) AS ts FROM bq")).map((r) => r.ts)).toEqual(["2024-01-15 10:00:00", "2024-02-01 09:30:00.123456", null]);
  });

  it("loads MongoDB's extended JSON as typed columns: ids as text, dates as timestamps, long numbers exactly", async () => {
    const records = [
      { _id: { $oid: "65a1b2c3d4e5f60718293a4b" }, created: { $date: "2024-01-15T10:00:00.000Z" }, total: { $numberDecimal: "12.50" }, ref: { $numberLong: "123456789012345678901" } },
      { _id: { $oid: "65a1b2c3d4e5f60718293a4c" }, created: { $date: { $numberLong: "1706779800000" } }, total: { $numberDecimal: "7.25" }, ref: { $numberLong: "3" } },
    ];
    unwrapExtendedJson(records);
    await loadJson(engine, records, "mongo", {});
    expect(await types("mongo")).toEqual({ _id: "VARCHAR", created: "TIMESTAMP", total: "DOUBLE", ref: "HUGEINT" });
    expect((await engine.rows("SELECT _id, CAST(created AS VARCHAR) AS created, total, CAST(ref AS VARCHAR) AS ref FROM mongo"))).toEqual([
      { _id: "65a1b2c3d4e5f60718293a4b", created: "2024-01-15 10:00:00", total: 12.5, ref: "123456789012345678901" },
      { _id: "65a1b2c3d4e5f60718293a4c", created: "2024-02-01 09:30:00", total: 7.25, ref: "3" },
    ]);
  });

  it("keeps the file's column order and keys that differ only in case, each with its own values", async () => {
    await loadJson(engine, [{ zeta: 1, A: "upper", a: "lower", "": "no name" }], "names", {});
    expect(await all("names")).toEqual([{ zeta: 1, A: "upper", a_1: "lower", column3: "no name" }]);
  });

  it("reads keys that differ only in case as one column where no record has both (they were two, each empty where the other had the value)", async () => {
    const records = [{ Name: "a", Age: 3 }, { name: "b", age: 4.5, nick: null, NICK: "x" }, { Name: "c", Age: 5 }, { nick: "y", NICK: "z" }];
    const { caseKeys } = await loadJson(engine, records, "cased", {});
    expect(caseKeys).toEqual([
      ["Name", "name"],
      ["Age", "age"],
    ]);
    expect(await types("cased")).toEqual({ Name: "VARCHAR", Age: "DOUBLE", nick: "VARCHAR", NICK_1: "VARCHAR" });
    expect(await all("cased")).toEqual([
      { Name: "a", Age: 3, nick: null, NICK_1: null },
      { Name: "b", Age: 4.5, nick: null, NICK_1: "x" },
      { Name: "c", Age: 5, nick: null, NICK_1: null },
      { Name: null, Age: null, nick: "y", NICK_1: "z" },
    ]);
  });

  it("types whole numbers as BIGINT, ISO dates and UTC date-times as DATE and TIMESTAMP, and not what only looks like one", async () => {
    await loadJson(
      engine,
      [
        { n: 1, x: 1.5, d: "2024-01-02", t: "2024-01-02T10:11:12Z", bad: "2024-02-30", l: [1, 2], o: { k: 1, s: "v" } },
        { n: 2, x: 2, d: null, t: "2024-01-03 08:00", bad: "2024-03-01", l: [], o: null },
      ],
      "typed",
      {},
    );
    expect(await types("typed")).toEqual({
      n: "BIGINT",
      x: "DOUBLE",
      d: "DATE",
      t: "TIMESTAMP",
      bad: "VARCHAR",
      l: "BIGINT[]",
      o: "STRUCT(k BIGINT, s VARCHAR)",
    });
    expect(await engine.rows("SELECT d::VARCHAR AS d, t::VARCHAR AS t FROM typed")).toEqual([
      { d: "2024-01-02", t: "2024-01-02 10:11:12" },
      { d: null, t: "2024-01-03 08:00:00" },
    ]);
  });

  it("applies the types the user forced over the ones found", async () => {
    await loadJson(engine, [{ zip: 1234, t: "2024-01-02T10:11:12Z", d: "2024-01-02" }], "forced", { zip: "VARCHAR", t: "VARCHAR" });
    expect(await types("forced")).toEqual({ zip: "VARCHAR", t: "VARCHAR", d: "DATE" });
    expect(await engine.rows("SELECT zip, t FROM forced")).toEqual([{ zip: "1234", t: "2024-01-02T10:11:12Z" }]);
  });

  it("loads whole numbers too long for a double with every digit: BIGINT, HUGEINT, text beyond 38 digits, DOUBLE among fractions", async () => {
    const text = `[
      {"id": 9007199254740993, "big": 123456789012345678901234, "huge": 1234567890123456789012345678901234567890, "mixed": 12345678901234567890, "odd": 1, "nested": {"k": 12345678901234567890}},
      {"id": 1, "big": -5, "huge": 7, "mixed": 0.5, "odd": "one", "nested": {"k": 2}},
      {"id": null, "big": null, "huge": null, "mixed": null, "odd": 98765432109876543210, "nested": null}
    ]`;
    await loadJson(engine, parseJsonExact(text) as Record<string, unknown>[], "long", {});
    expect(await types("long")).toEqual({ id: "BIGINT", big: "HUGEINT", huge: "VARCHAR", mixed: "DOUBLE", odd: "VARCHAR", nested: "STRUCT(k VARCHAR)" });
    const rows = await engine.rows("SELECT id::VARCHAR AS id, big::VARCHAR AS big, huge, mixed, odd, nested.k AS k FROM long");
    expect(rows).toEqual([
      { id: "9007199254740993", big: "123456789012345678901234", huge: "1234567890123456789012345678901234567890", mixed: 12345678901234567000, odd: "1", k: "12345678901234567890" },
      { id: "1", big: "-5", huge: "7", mixed: 0.5, odd: "one", k: "2" },
      { id: null, big: null, huge: null, mixed: null, odd: "98765432109876543210", k: null },
    ]);
  });

  it("loads records of several batches in their order, and leaves no table behind but the one it made", async () => {
    const records = Array.from({ length: 300_000 }, (_, i) => ({ n: i, s: i % 7 === 0 ? null : `v${i}` }));
    await loadJson(engine, records, "batches", {});
    expect(await engine.rows("SELECT count(*)::INT AS rows, count(s)::INT AS texts, min(n) AS first, max(n) AS last FROM batches")).toEqual([{ rows: 300_000, texts: 257_142, first: 0, last: 299_999 }]);
    expect(await engine.rows("SELECT rowid::INT AS at, n, s FROM batches WHERE rowid IN (122879, 122880, 245760) ORDER BY rowid")).toEqual([
      { at: 122879, n: 122879, s: "v122879" },
      { at: 122880, n: 122880, s: "v122880" },
      { at: 245760, n: 245760, s: "v245760" },
    ]);
    expect(await engine.rows("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'batches%'")).toEqual([{ table_name: "batches" }]);
  });

  it("spreads objects into a column per field, read where they are in each record, with the types of all their values", async () => {
    const records: Record<string, unknown>[] = [
      { id: 1, address: { city: "Paris", geo: { lat: 48.8, lng: 2.3 } }, "\uFEFFtag": "a", when: { day: "2024-01-02" } },
      { id: 2, address: { city: "Oslo", zip: "0150", geo: null }, when: { day: null } },
      { id: 3, address: null, when: {} },
      { id: 4, when: { day: "2024-03-04" }, address: { zip: 7, city: "Rome" } },
    ];
    const { spread } = await loadJson(engine, records, "spread", {}, true);
    expect(spread).toEqual([
      { column: "address", fields: ["city", "geo", "zip"] },
      { column: "when", fields: ["day"] },
      { column: "address.geo", fields: ["lat", "lng"] },
    ]);
    expect(await types("spread")).toEqual({
      id: "BIGINT",
      "address.city": "VARCHAR",
      "address.geo.lat": "DOUBLE",
      "address.geo.lng": "DOUBLE",
      "address.zip": "VARCHAR",
      tag: "VARCHAR",
      "when.day": "DATE",
    });
    expect(await engine.rows(`SELECT id, "address.city" AS city, "address.geo.lat" AS lat, "address.zip" AS zip, tag, "when.day"::VARCHAR AS day FROM spread ORDER BY id`)).toEqual([
      { id: 1, city: "Paris", lat: 48.8, zip: null, tag: "a", day: "2024-01-02" },
      { id: 2, city: "Oslo", lat: null, zip: "0150", tag: null, day: null },
      { id: 3, city: null, lat: null, zip: null, tag: null, day: null },
      { id: 4, city: "Rome", lat: null, zip: "7", tag: null, day: "2024-03-04" },
    ]);
    // The records are read as they are, not rewritten.
    expect(records[0]!.address).toEqual({ city: "Paris", geo: { lat: 48.8, lng: 2.3 } });
  });

  it("leaves no records in memory when the cast fails (a type the user forced that does not fit)", async () => {
    await expect(loadJson(engine, [{ a: "x" }], "unfit", { a: "INTEGER" })).rejects.toThrow(/convert|cast/i);
    expect(await engine.rows("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'unfit%'")).toEqual([]);
  });
});
