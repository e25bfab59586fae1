import { describe, expect, it } from "vitest";
import { writtenKeys } from "./json-key-order";

describe("writtenKeys", () => {
  it("gives the top-level keys in the file's order, whole numbers included", () => {
    const text = '{"3": {"a": 1}, "0": {"a": [1, {"x": 2}]}, "10": {"a": 3}}';
    expect(Object.keys(JSON.parse(text))).toEqual(["0", "3", "10"]);
    expect(writtenKeys(text, 0)).toEqual(["3", "0", "10"]);
  });

  it("gives the keys of the first member's object, and stops at its end", () => {
    const text = '{"name": {"2": "c", "0": "a", "1": {"deep": [3]}}, "other": {"9": 1}}';
    expect(writtenKeys(text, 1)).toEqual(["2", "0", "1"]);
  });

  it("reads past values that look like keys, trailing commas and NaN", () => {
    expect(writtenKeys('{"b": "x", "a": ["y", "z",], "c": NaN,}', 0)).toEqual(["b", "a", "c"]);
  });
});
