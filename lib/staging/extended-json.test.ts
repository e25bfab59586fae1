import { describe, expect, it } from "vitest";
import { mayHoldExtendedJson, unwrapExtendedJson } from "./extended-json";
import { LONG_MARK } from "./json-long-integers";

describe("MongoDB's extended JSON", () => {
  it("reads each one-key wrapper as its plain value, nested ones too, and counts them", () => {
    const records: Record<string, unknown>[] = [
      {
        _id: { $oid: "65a1b2c3d4e5f60718293a4b" },
        created: { $date: "2024-01-15T10:00:00.000Z" },
        seen: { $date: { $numberLong: "1705312800000" } },
        total: { $numberDecimal: "12.50" },
        visits: { $numberLong: "12345678901" },
        big: { $numberLong: "123456789012345678901" },
        n: { $numberInt: "7" },
        ratio: { $numberDouble: "NaN" },
        items: [{ sku: { $oid: "65a1b2c3d4e5f60718293a4c" } }],
      },
    ];
    expect(unwrapExtendedJson(records)).toBe(9);
    expect(records[0]).toEqual({
      _id: "65a1b2c3d4e5f60718293a4b",
      created: "2024-01-15T10:00:00.000Z",
      seen: "2024-01-15T10:00:00.000Z",
      total: 12.5,
      visits: 12345678901,
      big: `${LONG_MARK}123456789012345678901`,
      n: 7,
      ratio: null,
      items: [{ sku: "65a1b2c3d4e5f60718293a4c" }],
    });
  });

  it("leaves objects that only look like a wrapper, and decimals a double would round", () => {
    const records: Record<string, unknown>[] = [{ a: { $oid: "x", other: 1 }, b: { $date: true }, c: { price: 1 }, d: { $numberDecimal: "1234567890.123456789" }, e: { $numberLong: "12.5" } }];
    expect(unwrapExtendedJson(records)).toBe(1);
    expect(records[0]).toEqual({ a: { $oid: "x", other: 1 }, b: { $date: true }, c: { price: 1 }, d: "1234567890.123456789", e: { $numberLong: "12.5" } });
  });

  it("walks only texts that hold a wrapper's key", () => {
    expect(mayHoldExtendedJson('{"_id": {"$oid": "65a1"}}')).toBe(true);
    expect(mayHoldExtendedJson('{"price": "$5", "note": "$date"}')).toBe(false);
  });
});
