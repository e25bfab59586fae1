import { beforeAll, describe, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";

/**
 * The last lines of a file are rows, not notes below the table, when a quote
 * is what makes them look otherwise: found by reading files with several
 * faults at once and checking that every row is staged or set aside.
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

let n = 0;
async function read(text: string) {
  const table = `last${n++}`;
  const result = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), table, `last${n}.csv`);
  return { result, rows: await engine.rows(`SELECT * FROM ${table}`) };
}

const HEADER = "id,day,code,qty,price,note,customer";
const row = (i: number, note = `note ${i}`) => `${i},2024-01-0${1 + (i % 9)},AB-${100 + i},${i % 7},${i}.50,"${note}",Ann Lee`;
const rows = (count: number) => Array.from({ length: count }, (_, i) => row(i + 1));

describe("the last lines of a file", () => {
  it("reads a last row whose quote is never closed as a row, not as a note below the table", async () => {
    const { rows: got, result } = await read([HEADER, ...rows(12), `"${row(13)}`].join("\n") + "\n");
    expect(got).toHaveLength(13);
    expect(result.options.notes).toBe(0);
    expect(result.notes).toEqual([expect.objectContaining({ line: 14, status: "repaired" })]);
    expect(result.lines).toMatchObject({ total: 14, notes: 0, rows: 13, balanced: true });
  });

  it("reads a last row whose quoted value spans lines whole", async () => {
    const { rows: got, result } = await read([HEADER, ...rows(12), row(13, "line one\nline two, and more")].join("\n") + "\n");
    expect(got).toHaveLength(13);
    expect(got[12]).toMatchObject({ id: 13, note: "line one\nline two, and more", customer: "Ann Lee" });
    expect(result.notes).toEqual([]);
    expect(result.lines).toMatchObject({ total: 15, notes: 0, rows: 13, rowLines: 14, balanced: true });
  });

  it("sets aside, with its reason, a last row of two faults: a stray quote and a value over two lines", async () => {
    const { rows: got, result } = await read([HEADER, ...rows(12), `"${row(13, "line one\nline two, and more")}`].join("\n") + "\n");
    expect(got).toHaveLength(12);
    expect(result.options.notes).toBe(0);
    expect(result.notes.map((note) => [note.line, note.status])).toEqual([[14, "set aside"], [15, "set aside"]]);
    expect(result.notes[0]!.reason).toMatch(/^1 value where the header has 7/);
    expect(result.lines).toMatchObject({ total: 15, notes: 0, setAside: 2, rows: 12, balanced: true });
  });

  it("reads files joined with a blank line and the header between them as one table, not a second one below it", async () => {
    const { rows: got, result } = await read([HEADER, ...rows(6), "", HEADER, ...rows(6).map((l) => l.replace(/^(\d+)/, (d) => String(Number(d) + 6)))].join("\n") + "\n");
    expect(got.map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(result.secondTable).toBeNull();
    expect(result.notes).toEqual([expect.objectContaining({ line: 9, status: "set aside", reason: expect.stringMatching(/^the header again/) })]);
    expect(result.lines).toMatchObject({ total: 15, blank: 1, notes: 0, setAside: 1, rows: 12, balanced: true });
  });
});
