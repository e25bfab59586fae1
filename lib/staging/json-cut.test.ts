import { describe, expect, it } from "vitest";
import { cutArray } from "./json-cut";

describe("cutArray", () => {
  it("gives an array cut off mid-record with its whole records, and where the cut one starts", () => {
    const text = '[\n  {"id": 1, "tags": ["a", "b"]},\n  {"id": 2, "note": "x, }"},\n  {"id": 3, "na';
    const cut = cutArray(text);
    expect(JSON.parse(cut!.whole)).toEqual([{ id: 1, tags: ["a", "b"] }, { id: 2, note: "x, }" }]);
    expect(cut!.cut).toEqual({ line: 4, text: '{"id": 3, "na' });
  });

  it("leaves a whole array, an array cut before its first record ends, and other values alone", () => {
    expect(cutArray('[{"id": 1}]')).toBeNull();
    expect(cutArray('[{"id": 1')).toBeNull();
    expect(cutArray('{"data": [{"id": 1}, {"id"')).toBeNull();
    expect(cutArray('[{"id": 1},')).toBeNull();
  });
});
