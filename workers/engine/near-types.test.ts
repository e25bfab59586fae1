import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import { loadJson } from "./json-load";
import { writeLineRuns } from "./csv/row-lines";
import { jsonNearTypeFindings } from "./near-types";

/**
 * A JSON field of numbers with one string among them ("N/A") is loaded as text (json-load.ts): it is found
 * and said so, with the record the odd value is in, as a CSV column's are with their lines (csv/near-types.test.ts).
 */
let engine: Awaited<ReturnType<typeof wasmReadEngine>>;
beforeAll(async () => {
  engine = await wasmReadEngine();
});
afterAll(() => engine.close());

const records = (n: number, odd: (i: number) => Record<string, unknown>) =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, price: Math.round(i * 137) / 100, when: `2026-0${(i % 9) + 1}-1${i % 10}`, note: `a\nnote ${i}`, ...odd(i) }));

describe("jsonNearTypeFindings", () => {
  it("finds fields of numbers and of dates but for a value, with its record's number (a value over two lines moves none)", async () => {
    await loadJson(engine, records(60, (i) => (i === 13 ? { price: "N/A" } : i === 40 ? { when: "soon" } : {})), "mixed", {});
    expect(await jsonNearTypeFindings(engine, "mixed", {}, false)).toEqual([
      { column: "price", type: "DOUBLE", values: [{ line: 14, value: "N/A" }] },
      { column: "when", type: "DATE", values: [{ line: 41, value: "soon" }] },
    ]);
  });

  it("gives an NDJSON record's line, past the blank lines before it (from the file's table of row lines)", async () => {
    await loadJson(engine, records(60, (i) => (i === 30 ? { price: "N/A" } : {})), "lined", {});
    // Records 0–19 on lines 1–20, then two blank lines: records 20–59 on lines 23–62.
    await writeLineRuns(engine, "lined", [{ start: 0, offset: 0 }, { start: 20, offset: 2 }], 60, 0);
    expect(await jsonNearTypeFindings(engine, "lined", {}, true)).toEqual([{ column: "price", type: "DOUBLE", values: [{ line: 33, value: "N/A" }] }]);
  });

  it("says nothing of text fields, of fields given a type, nor of a field with more odd values than a few", async () => {
    await loadJson(engine, records(60, (i) => (i % 5 === 0 ? { price: "N/A" } : i === 40 ? { when: "soon" } : {})), "texts", {});
    expect(await jsonNearTypeFindings(engine, "texts", { when: "VARCHAR" }, false)).toEqual([]);
  });

  it("reads no decimal comma into a JSON string: \"1,234\" is as likely a thousand", async () => {
    await loadJson(engine, records(60, (i) => ({ price: i === 7 ? "abc" : `${i},50` })), "commas", {});
    expect(await jsonNearTypeFindings(engine, "commas", {}, false)).toEqual([]);
  });
});
