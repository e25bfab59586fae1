import { describe, expect, it } from "vitest";
import { recordsAroundFaults } from "./json-faults";

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
