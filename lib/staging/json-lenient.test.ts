import { describe, expect, it } from "vitest";
import { JsonSyntaxError, locate, parseJsonLenient } from "./json-lenient";
import { describeRepairs } from "./json-repairs";

describe("parseJsonLenient", () => {
  it("reads valid JSON as it is, long whole numbers exact", () => {
    expect(parseJsonLenient('[{"a":12345678901234567890}]').value).toEqual([{ a: "\uE000long:12345678901234567890" }]);
    expect(parseJsonLenient('{"a":[1,2]}').repairs).toEqual({ nonFinite: 0, trailingCommas: 0 });
  });

  it("reads Python's NaN and Infinity as empty and leaves out commas before a closing bracket, counting both", () => {
    const { value, repairs } = parseJsonLenient('[{"a":NaN,"b":-Infinity,"c":"NaN, Infinity,]"},\n {"a":Infinity,},\n]');
    expect(value).toEqual([{ a: null, b: null, c: "NaN, Infinity,]" }, { a: null }]);
    expect(repairs).toEqual({ nonFinite: 3, trailingCommas: 2 });
    expect(describeRepairs(repairs)).toBe("Read leniently: 3 NaN or Infinity values (as Python writes them) read as empty; 2 commas before a closing bracket left out.");
    expect(describeRepairs({ nonFinite: 0, trailingCommas: 0 })).toBeNull();
    expect(describeRepairs({ nonFinite: 0, trailingCommas: 0, extended: 3 })).toBe(`Read leniently: 3 values of MongoDB's extended JSON ({"$oid": …}, {"$date": …}) read as plain values.`);
  });

  // A .json file with comments (JSONC, a hand-edited export) staged as one column of CSV, with no rows.
  it("leaves out comments outside strings, counting them, with Python's values and commas too", () => {
    const { value, repairs } = parseJsonLenient('// exported\n[{"a": 1, "u": "http://x/*y*/"}, /* two */ {"a": NaN,},\n]');
    expect(value).toEqual([{ a: 1, u: "http://x/*y*/" }, { a: null }]);
    expect(repairs).toEqual({ nonFinite: 1, trailingCommas: 2, comments: 2 });
    expect(describeRepairs({ nonFinite: 0, trailingCommas: 0, comments: 1 })).toBe("Read leniently: 1 comment (// or /* */, which JSON does not allow) left out.");
    expect(parseJsonLenient('{"a": 1} // one').repairs).toEqual({ nonFinite: 0, trailingCommas: 0, comments: 1 });
    // A fault past a comment is located where it is in the file.
    expect(() => parseJsonLenient('/* x */ [{"a": 1} {"b": 2}]')).toThrow("a comma was expected at line 1, column 19");
  });

  it("says what the fault is and where, by line and column", () => {
    const fault = (text: string) => {
      try {
        parseJsonLenient(text);
      } catch (error) {
        expect(error).toBeInstanceOf(JsonSyntaxError);
        return (error as Error).message;
      }
      throw new Error("parsed");
    };
    expect(fault('[\n  {"a": 1},\n  {"a": 2 "b": 3}\n]')).toBe("a comma was expected at line 3, column 11");
    expect(fault('[{"a": 1},\r\n {a: 2}]')).toBe("an unexpected character (JSON puts names and text in double quotes) at line 2, column 3");
    expect(fault('{"a":1}{"a":2}')).toBe("more after the end of the first value (for one record per line, read the file as NDJSON) at line 1, column 8");
    expect(fault('[{"a": "open]')).toBe("a string that never ends at line 1, column 8");
    expect(fault('[{"a": NaN} {"b": 1}]')).toMatch(/at line 1, column 13$/);
    expect(locate("[1, 2").message).toBe("a closing ] was expected at line 1, column 6");
  });
});
