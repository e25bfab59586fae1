import { describe, expect, it } from "vitest";
import { JsonSyntaxError } from "./json-lenient";
import { parseJsonSequence } from "./json-sequence";

describe("parseJsonSequence", () => {
  it("reads values one after another: pretty-printed as jq writes them, on one line, or between commas", () => {
    expect(parseJsonSequence('{\n  "a": 1,\n  "b": "x}"\n}\n{\n  "a": 2,\n  "b": [1, {"c": 3}]\n}\n')?.values).toEqual([
      { a: 1, b: "x}" },
      { a: 2, b: [1, { c: 3 }] },
    ]);
    expect(parseJsonSequence('{"a":1}{"a":2}\n{"a":3}')?.values).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(parseJsonSequence('{"a":1},\n{"a":2}')?.values).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it("counts Python's NaN as it does in one document, and is null for fewer than two values", () => {
    expect(parseJsonSequence('{"a": NaN}\n{"a": 1,}')).toEqual({ values: [{ a: null }, { a: 1 }], repairs: { nonFinite: 1, trailingCommas: 1 } });
    expect(parseJsonSequence('{"a": 1}')).toBeNull();
  });

  it("says where a broken value is, in the whole text", () => {
    const error = (() => {
      try {
        parseJsonSequence('{"a": 1}\n{\n  "a": 2\n  "b": 3\n}\n');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect(error).toMatchObject({ line: 4, column: 3 });
  });
});
