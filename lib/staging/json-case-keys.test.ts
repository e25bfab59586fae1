import { describe, expect, it } from "vitest";
import { jsonColumns } from "./json-records";
import { describeCaseKeys, mergeCaseKeys } from "./json-case-keys";

describe("mergeCaseKeys", () => {
  it("reads keys that differ only in case as the first spelling's column, typed by all their values", () => {
    const records: Record<string, unknown>[] = [{ id: 1, Name: "a" }, { id: 2, name: "b", NAME: undefined }, { id: 3, NAME: 7 }];
    const { columns, merged } = mergeCaseKeys(records, jsonColumns(records));
    expect(merged).toEqual([["Name", "name", "NAME"]]);
    expect(columns.map((c) => [c.key, c.type.kind])).toEqual([
      ["id", "number"],
      ["Name", "text"],
    ]);
    expect(records.map((r) => r.Name)).toEqual(["a", "b", 7]);
  });

  it("keeps keys apart where a record has both, and leaves the records alone when nothing merges", () => {
    const records: Record<string, unknown>[] = [{ a: 1 }, { A: 2, a: null }];
    const { columns, merged } = mergeCaseKeys(records, jsonColumns(records));
    expect(merged).toEqual([]);
    expect(columns.map((c) => c.key)).toEqual(["a", "A"]);
    expect(records).toEqual([{ a: 1 }, { A: 2, a: null }]);
  });

  it("reads the fields of objects inside records that differ only in case as one, at any depth", () => {
    const records: Record<string, unknown>[] = [
      { id: 1, addr: { City: "Oslo", geo: { Lat: 59.9 } } },
      { id: 2, addr: { city: "Rome", zip: "00100", geo: { lat: 41.9 } } },
      { id: 3, addr: null },
    ];
    const { columns, merged } = mergeCaseKeys(records, jsonColumns(records));
    expect(merged).toEqual([["addr.City", "addr.city"], ["addr.geo.Lat", "addr.geo.lat"]]);
    const addr = columns.find((c) => c.key === "addr")!.type;
    expect(addr.kind === "struct" && [...addr.fields.keys()]).toEqual(["City", "geo", "zip"]);
    expect(records.map((r) => (r.addr as { City?: string } | null)?.City)).toEqual(["Oslo", "Rome", undefined]);
  });

  it("says what it merged", () => {
    expect(describeCaseKeys([["Name", "name"], ["Age", "age", "AGE"]])).toBe(
      "keys that differ only in case, never in the same record, read as one column: Name (also written name); Age (also written age, AGE)",
    );
  });
});
