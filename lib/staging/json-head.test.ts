import { describe, expect, it } from "vitest";
import { jsonHead } from "./json-head";

describe("a JSON file's first records, shown while it is read", () => {
  it("of an NDJSON file: its whole lines, the one the text ends in left out; keys in the order first met", () => {
    const head = '{"b": 2, "a": "first"}\n{"b": 3, "c": {"x": 1}}\nnot json\n{"b": 4, "a": "cu';
    expect(jsonHead(head, "ndjson", false)).toEqual({ columns: ["b", "a", "c"], columnValues: [["2", "3"], ["first", null], [null, '{"x":1}']] });
    expect(jsonHead('{"b": 4}', "ndjson", true)).toEqual({ columns: ["b"], columnValues: [["4"]] });
  });

  it("of an array: its whole records before the one the text ends in", () => {
    const head = '\uFEFF[{"id": 1, "tags": ["a", "b"]}, {"id": 2, "tags": null}, {"id": 3, "ta';
    expect(jsonHead(head, "json", false)).toEqual({ columns: ["id", "tags"], columnValues: [["1", "2"], ['["a","b"]', null]] });
    expect(jsonHead('[{"id": 1}]', "json", true)?.columnValues).toEqual([["1"]]);
  });

  it("at most `count` records; none where no record is whole or the list is held in an object", () => {
    const lines = Array.from({ length: 30 }, (_, i) => JSON.stringify({ i })).join("\n");
    expect(jsonHead(lines, "ndjson", true)?.columnValues[0]).toHaveLength(20);
    expect(jsonHead('[{"id": 1, "note": "a long fir', "json", false)).toBeNull();
    expect(jsonHead('{"data": [{"id": 1}, {"id": 2}]}', "json", true)).toBeNull();
  });
});
