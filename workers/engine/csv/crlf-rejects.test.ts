import { beforeAll, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";

/**
 * CRLF files, whose rejected lines DuckDB reports from the LF of the line before. A line set aside was numbered
 * one too far. And a CRLF file with a stray quote that takes the lines after it into one value, up to a value over two lines.
 * DuckDB ended the line before at its CR, so the stretch it rejected began with the LF: the lines mended were
 * numbered one too far, the one that opened the value over two lines was lost, and the lines did not add up.
 * And the stretch failed a cast (its first value was the lines run together), which made a column text.
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

it("mends a stray quote in a CRLF file at its own line, and sets aside the value over two lines it ran into", async () => {
  const rows = Array.from({ length: 12 }, (_, i) => `${i};x${i};green, red;u${i};Ann`);
  rows[3] = `"${rows[3]}`;
  rows[8] = `8;x8;"green\nsecond, red";u8;Ann`;
  const text = ["id;name;note;url;who", ...rows].map((l) => `${l}\r`).join("\n") + "\n";
  const result = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "crlf_stray", "crlf_stray.csv");
  expect(await engine.rows("DESCRIBE crlf_stray")).toContainEqual(expect.objectContaining({ column_name: "id", column_type: "BIGINT" }));
  expect((await engine.rows("SELECT id FROM crlf_stray")).map((r) => r.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11]);
  expect(result.notes.map((n) => [n.line, n.status])).toEqual([[5, "repaired"], [10, "set aside"], [11, "set aside"]]);
  expect(result.notes[0]).toMatchObject({ reason: "a stray quote dropped", text: '"3;x3;green, red;u3;Ann' });
  expect(result.lines).toMatchObject({ total: 14, header: 1, setAside: 2, rows: 11, balanced: true });
});

it("numbers a line set aside from a CRLF file as the file does", async () => {
  const text = "id,name,qty\r\n1,a,3\r\n2,b,4,9,9\r\n3,c,5\r\n4,d,6\r\n";
  const result = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "crlf_aside", "crlf_aside.csv");
  expect(result.notes).toEqual([{ line: 3, status: "set aside", reason: "5 values where the header has 3", text: "2,b,4,9,9" }]);
  expect(result.lines).toMatchObject({ total: 5, setAside: 1, rows: 3, balanced: true });
});

it("quotes a CRLF file's line that stops the read without the line break before it", async () => {
  const text = "id,name,qty\r\n1,a,3\r\n2,b,4,9,9\r\n3,c,5\r\n";
  const stopped = readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv", badLines: "stop" }), "crlf_stop", "crlf_stop.csv");
  await expect(stopped).rejects.toThrow('Line 3 does not fit the table (too many columns): "2,b,4,9,9". Choose');
});

it("numbers a rejected line after a line that alone ends in CRLF, left blank, as the file does", async () => {
  // The header again, ended by CRLF in a file of LF (mixed line ends), is set aside and left a blank line:
  // DuckDB then starts the next rejected line's text with that blank line's CRLF, and it was numbered one too far.
  const rows = Array.from({ length: 12 }, (_, i) => `${1000 + i};x${i};red, box;u${i}`);
  rows.splice(5, 0, "id;name;note;url\r");
  rows[6] = rows[6]!.replaceAll(";", ",");
  const text = ["id;name;note;url", ...rows].join("\n") + "\n";
  const result = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "mixed_ends", "mixed_ends.csv");
  expect(result.notes.map((n) => [n.line, n.text])).toEqual([
    [7, "id;name;note;url"],
    [8, "1005,x5,red, box,u5"],
  ]);
  expect(result.lines).toMatchObject({ total: 14, setAside: 2, rows: 11, balanced: true });
});
