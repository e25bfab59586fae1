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

  it("says what it merged", () => {
    expect(describeCaseKeys([["Name", "name"], ["Age", "age", "AGE"]])).toBe(
      "keys that differ only in case, never in the same record, read as one column: Name (also written name); Age (also written age, AGE)",
    );
  });
});
