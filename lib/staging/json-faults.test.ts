import { describe, expect, it } from "vitest";
import { recordsAroundFaults, wrappedRecordsAroundFaults } from "./json-faults";

describe("recordsAroundFaults", () => {
  it("reads the records of an array around the few that do not read, each set aside with its line and fault", () => {
    const text = '[\n  {"id": 1, "name": "a"},\n  {"id": 2 "name": "b"},\n  {"id": 3, "name": None},\n  {"id": 4, "name": "d"}\n]\n';
    const read = recordsAroundFaults(text);
    expect(read?.records).toEqual([
      { id: 1, name: "a" },
      { id: 4, name: "d" },
    ]);
    expect(read?.setAside.map((n) => [n.line, n.text])).toEqual([
      [3, '{"id": 2 "name": "b"}'],
      [4, '{"id": 3, "name": None}'],
    ]);
    expect(read?.setAside[0]!.reason).toBe("not valid JSON (a comma was expected at line 3, column 12)");
  });

  it("places a fault in a file of one line by its column", () => {
    const read = recordsAroundFaults('[{"id": 1}, {"id": 2, x}, {"id": 3}]');
    expect(read?.records).toEqual([{ id: 1 }, { id: 3 }]);
    expect(read?.setAside[0]).toMatchObject({ line: 1, text: '{"id": 2, x}' });
    expect(read?.setAside[0]!.reason).toMatch(/at line 1, column 23\)$/);
  });

  it("gives up where the brackets do not balance, most records fail, or the values are not objects", () => {
    expect(recordsAroundFaults('[\n  {"id": 1},\n  {"id": 2,\n  {"id": 3}\n]')).toBeNull();
    expect(recordsAroundFaults("[{'id': 1}, {'id': 2}]")).toBeNull();
    const mostlyBroken = Array.from({ length: 20 }, (_, i) => (i < 12 ? `{"id": ${i} x}` : `{"id": ${i}}`));
    expect(recordsAroundFaults(`[${mostlyBroken.join(",\n")}]`)).toBeNull();
    expect(recordsAroundFaults('[1, 2, {"id": x}]')).toBeNull();
    expect(recordsAroundFaults('{"rows": [{"id": 1}, {"id": x}]}')).toBeNull();
    expect(recordsAroundFaults('[{"id": 1}, {"id": 2}]')).toBeNull();
  });
});

describe("wrappedRecordsAroundFaults", () => {
  it("reads the records of an object's one list around the few that do not read, placed by their line and column in the file", () => {
    const text = '{\n  "meta": {"page": 1, "tags": ["a", "b"]},\n  "data": [\n    {"id": 1, "name": "a"},\n    {"id": 2 "name": "b"},\n    {"id": 3, "name": "c"}\n  ],\n  "total": 3\n}\n';
    const read = wrappedRecordsAroundFaults(text);
    expect(read?.records).toEqual([
      { id: 1, name: "a" },
      { id: 3, name: "c" },
    ]);
    expect(read?.at).toEqual({ path: ["data"], left: ["meta", "total"] });
    expect(read?.setAside).toEqual([{ line: 5, status: "set aside", reason: "not valid JSON (a comma was expected at line 5, column 14)", text: '{"id": 2 "name": "b"}' }]);
    const oneLine = wrappedRecordsAroundFaults('{"rows": [{"id": 1}, {"id": 2, x}, {"id": 3}]}');
    expect(oneLine?.setAside[0]!.reason).toMatch(/at line 1, column 32\)$/);
  });

  it("gives up where the fault is outside the list, the object holds two lists of records, or the list reads whole", () => {
    expect(wrappedRecordsAroundFaults('{"meta": {"page": 1 x}, "data": [{"id": 1}, {"id": 2, x}]}')).toBeNull();
    expect(wrappedRecordsAroundFaults('{"a": [{"id": 1}, {"id": 2, x}], "b": [{"id": 3}]}')).toBeNull();
    expect(wrappedRecordsAroundFaults('{"data": [{"id": 1}, {"id": 2}]}')).toBeNull();
    expect(wrappedRecordsAroundFaults('[{"id": 1}, {"id": 2, x}]')).toBeNull();
  });
});
