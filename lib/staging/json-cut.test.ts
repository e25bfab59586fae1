import { describe, expect, it } from "vitest";
import { cutArray } from "./json-cut";

describe("cutArray", () => {
  it("gives an array cut off mid-record with its whole records, and where the cut one starts", () => {
    const text = '[\n  {"id": 1, "tags": ["a", "b"]},\n  {"id": 2, "note": "x, }"},\n  {"id": 3, "na';
    const cut = cutArray(text);
    expect(JSON.parse(cut!.whole)).toEqual([{ id: 1, tags: ["a", "b"] }, { id: 2, note: "x, }" }]);
    expect(cut!.cut).toEqual({ line: 4, text: '{"id": 3, "na' });
    expect(cutArray('[{"id": 1}, {"id": 2, "tags": [1, ')?.cut.text).toBe('{"id": 2, "tags": [1, ');
    expect(cutArray('[{"id": 1}, {"id": 2, "name": ')?.cut.line).toBe(1);
  });

  it("leaves a whole array, an array cut before its first record ends, and other values alone", () => {
    expect(cutArray('[{"id": 1}]')).toBeNull();
    expect(cutArray('[{"id": 1')).toBeNull();
    expect(cutArray('{"data": [{"id": 1}, {"id"')).toBeNull();
    expect(cutArray('[{"id": 1},')).toBeNull();
    // A fault before the end is a fault, not a cut: a whole value with one stays in the whole text, which then does
    // not parse (the file is refused with the fault's place), and a cut value with one before its end is none.
    expect(() => JSON.parse(cutArray('[{"id": 1},\n{"id": 2 "x": 1},\n{"id": 3},\n{"id": 4')!.whole)).toThrow();
    expect(cutArray('[{"id": 1},\n{"id": 2, "x" 1, "y": ')).toBeNull();
  });
});
