import { Table, tableFromIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { arrowBatches } from "./json-arrow";
import { jsonColumns, sqlFields } from "./json-records";
import { LONG_MARK } from "./json-long-integers";

/** The records' Arrow batches as one table. */
const arrowTable = (records: Record<string, unknown>[], fields = sqlFields(jsonColumns(records)), batchRows?: number) =>
  new Table([...arrowBatches(records, fields, batchRows)].flatMap((ipc) => tableFromIPC(ipc).batches));

/** The records as Arrow, read back as plain rows (lists and structs as plain arrays and objects). */
function roundTrip(records: Record<string, unknown>[], batchRows?: number) {
  const table = arrowTable(records, undefined, batchRows);
  return { table, rows: JSON.parse(JSON.stringify(table.toArray().map((r) => r.toJSON()), (_, v) => (typeof v === "bigint" ? Number(v) : v))) };
}

describe("arrowBatches (JSON records as Arrow columns of their found types)", () => {
  it("builds whole numbers, fractions, booleans and text, with nulls and missing keys as null", () => {
    const { table, rows } = roundTrip([{ id: 1, amount: 1.5, paid: true, name: "Ada" }, { id: 2, amount: null, paid: false }, { amount: 3, name: null }]);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(["id:Int64", "amount:Float64", "paid:Bool", "name:Utf8"]);
    expect(rows).toEqual([
      { id: 1, amount: 1.5, paid: true, name: "Ada" },
      { id: 2, amount: null, paid: false, name: null },
      { id: null, amount: 3, paid: null, name: null },
    ]);
  });

  it("keeps a value of another kind in a text column as its JSON text, and long whole numbers as their digits", () => {
    const { rows } = roundTrip([{ a: 1 }, { a: "two" }, { a: true }, { a: { x: 1, big: `${LONG_MARK}12345678901234567890` } }, { a: [1, "b"] }, { a: `${LONG_MARK}98765432109876543210` }]);
    expect(rows.map((r: { a: unknown }) => r.a)).toEqual(["1", "two", "true", '{"x":1,"big":"12345678901234567890"}', '[1,"b"]', "98765432109876543210"]);
  });

  it("encodes text of every width (accents, CJK, emoji) after ASCII in the same value and the next", () => {
    const names = ["plain", "café", "東京 tower", "a😀b", "", "z"];
    const { rows } = roundTrip(names.map((name) => ({ name })));
    expect(rows.map((r: { name: string }) => r.name)).toEqual(names);
  });

  it("builds lists and structs, nested, with empty and null ones", () => {
    const records = [
      { tags: ["a", "b"], address: { city: "Oslo", zip: 1 }, items: [{ sku: "x", qty: 2 }] },
      { tags: [], address: null, items: [] },
      { tags: null, address: { city: "Rome" }, items: [{ sku: "y" }, { qty: 1 }] },
    ];
    const { table, rows } = roundTrip(records);
    expect(String(table.schema.fields[1]?.type)).toBe("Struct<{city:Utf8, zip:Int64}>");
    expect(rows).toEqual([
      { tags: ["a", "b"], address: { city: "Oslo", zip: 1 }, items: [{ sku: "x", qty: 2 }] },
      { tags: [], address: null, items: [] },
      { tags: null, address: { city: "Rome", zip: null }, items: [{ sku: "y", qty: null }, { sku: null, qty: 1 }] },
    ]);
  });

  it("splits the rows into batches of their own and keeps their order; no records is one empty batch with the columns", () => {
    const records = Array.from({ length: 10 }, (_, i) => ({ n: i, s: `v${i}` }));
    const { table, rows } = roundTrip(records, 3);
    expect(table.batches.map((b) => b.numRows)).toEqual([3, 3, 3, 1]);
    expect(rows).toEqual(records);
    const empty = arrowTable([], [{ name: "n", sqlType: "int64" }]);
    expect([empty.numRows, empty.schema.fields.map((f) => f.name)]).toEqual([0, ["n"]]);
  });
});
