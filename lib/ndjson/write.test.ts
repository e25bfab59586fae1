import { describe, expect, it } from "vitest";
import { ndjsonRows } from "./write";

const columns = [
  { name: "id", type: "BIGINT" },
  { name: "name", type: "VARCHAR" },
  { name: "ok", type: "BOOLEAN" },
  { name: "x", type: "DOUBLE" },
  { name: "d", type: "DATE" },
  { name: "big", type: "HUGEINT" },
  { name: "dec", type: "DECIMAL(10,2)" },
];

describe("ndjsonRows", () => {
  it("writes one JSON object per row with typed values", () => {
    const out = ndjsonRows(columns, [
      ["1", null],
      ['say "hi"\n', "é"],
      ["true", "false"],
      ["2.5", "inf"],
      ["2024-01-02", null],
      ["12345678901234567890", "-3"],
      ["10.50", "0.00"],
    ]);
    const lines = out.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toEqual({ id: 1, name: 'say "hi"\n', ok: true, x: 2.5, d: "2024-01-02", big: "12345678901234567890", dec: 10.5 });
    expect(JSON.parse(lines[1]!)).toEqual({ id: null, name: "é", ok: false, x: null, d: null, big: -3, dec: 0 });
  });

  it("escapes column names", () => {
    expect(ndjsonRows([{ name: 'a"b', type: "VARCHAR" }], [["v"]])).toBe('{"a\\"b":"v"}\n');
  });
});

describe("ndjsonRows with nested values", () => {
  it("writes lists, structs and maps (given as JSON text) as JSON values, not strings", () => {
    const nested = [
      { name: "tags", type: "VARCHAR[]" },
      { name: "geo", type: "STRUCT(lat DOUBLE, lon DOUBLE)" },
      { name: "m", type: "MAP(VARCHAR, BIGINT)" },
    ];
    const line = ndjsonRows(nested, [['["a","b"]'], ['{"lat":1.5,"lon":null}'], [null]]);
    expect(JSON.parse(line)).toEqual({ tags: ["a", "b"], geo: { lat: 1.5, lon: null }, m: null });
  });
});
