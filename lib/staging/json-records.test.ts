import { describe, expect, it } from "vitest";
import { jsonColumns, namedColumns, ndjsonRecords, sqlFields, type JsonType } from "./json-records";

const kinds = (records: Record<string, unknown>[]) => Object.fromEntries(jsonColumns(records).map((c) => [c.key, show(c.type)]));
function show(type: JsonType): string {
  switch (type.kind) {
    case "text":
      return type.temporal ?? "text";
    case "list":
      return `list<${show(type.item)}>`;
    case "struct":
      return `{${[...type.fields].map(([k, t]) => `${k}: ${show(t)}`).join(", ")}}`;
    case "number":
      return type.whole ? "whole" : "number";
    default:
      return type.kind;
  }
}

describe("ndjsonRecords", () => {
  it("reads an object per line, skips blank lines, and sets aside the others with their line and reason", () => {
    const { records, setAside } = ndjsonRecords('\uFEFF{"a": 1}\r\n\n  \n{"a": 2\n[1, 2]\n"text"\nnull\n{"a": 3}');
    expect(records).toEqual([{ a: 1 }, { a: 3 }]);
    expect(setAside.map((n) => [n.line, n.status, n.text])).toEqual([
      [4, "set aside", '{"a": 2'],
      [5, "set aside", "[1, 2]"],
      [6, "set aside", '"text"'],
      [7, "set aside", "null"],
    ]);
    expect(setAside[0]!.reason).toBe("not valid JSON (a closing } was expected at column 8)");
    expect(setAside.slice(1).map((n) => n.reason)).toEqual(["a JSON array, not an object", "a JSON string, not an object", "a JSON null, not an object"]);
  });

  it("reads a line the user edited in place as edited, on its line", () => {
    const { records, setAside, runs } = ndjsonRecords('{"a": 1}\n{"a": 2\n{"a": 3}\n', [{ line: 2, text: '{"a": 2}' }, { line: 9, text: "{}" }]);
    expect(records).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(setAside).toEqual([]);
    expect(runs).toEqual([{ start: 0, offset: 0 }]);
  });

  it("reads Python's NaN and Infinity as empty, and counts them", () => {
    const { records, setAside, repairs } = ndjsonRecords('{"a": NaN, "b": 1}\n{"a": -Infinity, "b": 2,}\n{"a": 1.5, "b": 3}\n');
    expect(records).toEqual([{ a: null, b: 1 }, { a: null, b: 2 }, { a: 1.5, b: 3 }]);
    expect(setAside).toEqual([]);
    expect(repairs).toEqual({ nonFinite: 2, trailingCommas: 1 });
  });

  // Objects written as an array's items without its brackets, and NDJSON files joined end to end each with its
  // byte-order mark: every line but the last, or but the first, was set aside as not valid JSON.
  it("reads a line ending in a comma, or starting with a byte-order mark, without it, and counts them", () => {
    const commas = ndjsonRecords('{"a": 1},\n{"a": 2}, \n{"a": 3}\n');
    expect(commas.records).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(commas.repairs).toEqual({ nonFinite: 0, trailingCommas: 0, lineCommas: 2 });
    const marks = ndjsonRecords('\uFEFF{"a": 1}\n\uFEFF{"a": 2}\n\uFEFF{"a": 3},\n');
    expect(marks.records).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(marks.repairs).toEqual({ nonFinite: 0, trailingCommas: 0, lineMarks: 2, lineCommas: 1 });
    expect(marks.setAside).toEqual([]);
    // A comment alone on its line is left out and counted; one after a record is left out with the record read.
    const comments = ndjsonRecords('// exported 2024-01-02\n{"a": 1}\n/* batch 2 */\n{"a": 2} // last\n');
    expect(comments.records).toEqual([{ a: 1 }, { a: 2 }]);
    expect(comments.repairs).toEqual({ nonFinite: 0, trailingCommas: 0, comments: 3 });
    expect(comments.setAside).toEqual([]);
    // Only objects' lines: a line of a value and a comma is no record either way, and is set aside as written.
    expect(ndjsonRecords('{"a": 1}\n"x",\n').setAside.map((n) => [n.line, n.status, n.text])).toEqual([[2, "set aside", '"x",']]);
  });

  it("says which line each record is on, as runs: one when no line was skipped", () => {
    expect(ndjsonRecords('{"a": 1}\n{"a": 2}\n').runs).toEqual([{ start: 0, offset: 0 }]);
    // Records on lines 1 and 8 (0-based 0 and 7).
    expect(ndjsonRecords('\uFEFF{"a": 1}\r\n\n  \n{"a": 2\n[1, 2]\n"text"\nnull\n{"a": 3}').runs).toEqual([{ start: 0, offset: 0 }, { start: 1, offset: 6 }]);
  });
});

describe("jsonColumns", () => {
  it("gives every key, in the order first met, even one that first appears after many records", () => {
    const records = [...Array.from({ length: 20_000 }, (_, i) => ({ id: i })), { id: 1, late: "x" }];
    expect(jsonColumns(records).map((c) => c.key)).toEqual(["id", "late"]);
  });

  it("types a column by all of its values: one kind keeps it, several kinds make it text, nulls change nothing", () => {
    expect(kinds([{ n: 1, w: 1, b: true, s: "x", mixed: 1, sparse: null, none: null }, { n: 2.5, w: -3, b: null, s: "y", mixed: "two", sparse: "late" }, { mixed: true, w: 2 ** 53 - 1 }])).toEqual({
      n: "number",
      w: "whole",
      b: "boolean",
      s: "text",
      mixed: "text",
      sparse: "text",
      none: "null",
    });
  });

  it("types long whole numbers read from NDJSON as long, with fractions among them, and as text beside other kinds", () => {
    const { records } = ndjsonRecords('{"a": 12345678901234567890, "b": 1.5, "c": "x"}\n{"a": 1, "b": 12345678901234567890, "c": 12345678901234567890}');
    const types = Object.fromEntries(jsonColumns(records).map((c) => [c.key, c.type]));
    expect(types).toEqual({ a: { kind: "long", fraction: false }, b: { kind: "long", fraction: true }, c: { kind: "text" } });
  });

  it("marks ISO dates and UTC date-times, and not times with another offset", () => {
    expect(kinds([{ d: "2024-01-02", t: "2024-01-02T10:11:12Z", both: "2024-01-02", off: "2024-01-02T10:11:12+02:00", then: "2024-01-02" }, { d: null, t: "2024-01-02 10:11", both: "2024-01-02 10:11:12.5", then: "soon" }])).toEqual({
      d: "date",
      t: "timestamp",
      both: "timestamp",
      off: "text",
      then: "text",
    });
  });

  it("merges nested objects field by field and lists item by item", () => {
    expect(kinds([{ o: { a: 1 }, l: [1, 2], m: [1, "x"] }, { o: { a: 2, b: "x" }, l: [], m: null }, { o: { b: 3 }, l: null }])).toEqual({
      o: "{a: whole, b: text}",
      l: "list<whole>",
      m: "list<text>",
    });
    expect(kinds([{ o: { a: 1 } }, { o: 5 }])).toEqual({ o: "text" });
  });
});

describe("sqlFields", () => {
  it("gives DuckDB-WASM's reader a type for every column: text where no other fits", () => {
    const fields = sqlFields(jsonColumns([{ n: 1, x: 1.5, b: true, none: null, l: [1], o: { a: "x" }, empty: {}, odd: { "": 1 }, d: "2024-01-02" }, { n: 2 ** 53, x: 2 }]));
    expect(fields).toEqual([
      { name: "n", sqlType: "float64" },
      { name: "x", sqlType: "float64" },
      { name: "b", sqlType: "bool" },
      { name: "none", sqlType: "utf8" },
      { name: "l", sqlType: "list", valueType: { sqlType: "int64" } },
      { name: "o", sqlType: "struct", fields: [{ name: "a", sqlType: "utf8" }] },
      { name: "empty", sqlType: "utf8" },
      { name: "odd", sqlType: "utf8" },
      { name: "d", sqlType: "utf8" },
    ]);
  });
});

describe("namedColumns", () => {
  it("names the empty key by its position, reading its values at that key", () => {
    const records = [{ "": 1, b: 2 }, { b: 3 }];
    const named = namedColumns(jsonColumns(records));
    expect(named.map((c) => [c.key, c.path])).toEqual([
      ["column0", [""]],
      ["b", undefined],
    ]);
    const plain = jsonColumns([{ a: 1 }]);
    expect(namedColumns(plain)).toEqual(plain);
  });

  it("picks a name no other key has", () => {
    const records = [{ "": 1, Column0: 2 }];
    expect(namedColumns(jsonColumns(records)).map((c) => c.key)).toEqual(["column0_", "Column0"]);
  });

  it("names a key that starts with a byte-order mark without it, where Arrow's decoder would have dropped it unseen", () => {
    const records = [{ "\uFEFFid": 1, name: "Ada" }, { name: "Bo", "\uFEFFid": 2 }, { name: "Cy" }];
    expect(namedColumns(jsonColumns(records)).map((c) => [c.key, c.path])).toEqual([
      ["id", ["\uFEFFid"]],
      ["name", undefined],
    ]);
  });
});
