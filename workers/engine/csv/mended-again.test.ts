import { beforeAll, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";

/**
 * Found by files of several faults at once (test/messy-csv/combined-faults.test.ts, seeds 402 and 588).
 * A stray quote on a row that also had an extra delimiter ran the rows after it into one value, up to the next
 * quote: the whole stretch was set aside as one line, so its rows were lost and the lines did not add up.
 * And a line mended in one round but rejected again in the next was quoted as the text it had been mended into.
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

const rows = (n: number, d: string) => Array.from({ length: n }, (_, i) => [1000 + i, `2024-01-${String(i + 1).padStart(2, "0")}`, i + 1, d === "," ? `"red, box and lamp"` : "red, box and lamp", `https://shop.example/p/${i}`].join(d));

it("sets aside alone a row whose stray quote ran the rows after it in, and stages those rows", async () => {
  const lines = rows(12, ";");
  lines[4] = `1004;"20;24-01-05;5;red, box and lamp;https://shop.example/p/4`;
  lines[8] = `1008;2024-01-09;9;"said ""hi"", then left";https://shop.example/p/8`;
  const text = ["id;day;qty;note;url", ...lines].join("\n") + "\n";
  const result = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "stray_runs", "stray_runs.csv");
  expect((await engine.rows("SELECT id FROM stray_runs")).map((r) => r.id)).toEqual([1000, 1001, 1002, 1003, 1005, 1006, 1007, 1008, 1009, 1010, 1011]);
  expect(result.notes).toEqual([{ line: 6, status: "set aside", reason: "a stray quote, and 6 values where the header has 5", text: lines[4] }]);
  expect(result.lines).toMatchObject({ total: 13, setAside: 1, rows: 11, balanced: true });
});

it("quotes a line set aside in a later round as the file has it, not as an earlier round mended it", async () => {
  // A lone CR, then a delimiter alone: DuckDB rejects that line again however it is padded.
  const lines = rows(12, ",").map((l) => `${l},`);
  lines[4] = `${lines[4]!.slice(0, -1)}\r,`;
  const text = ["id,day,qty,note,url,", ...lines].map((l) => `${l}\r\n`).join("");
  const result = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "lone_cr", "lone_cr.csv");
  expect(result.notes.find((n) => n.line === 7)).toMatchObject({ status: "set aside", text: "," });
  expect(result.lines).toMatchObject({ total: 14, balanced: true });
});

it("counts both lines of a row set aside with a value over two lines, and numbers the rows after it as the file does", async () => {
  const lines = rows(10, ";");
  // Values too many, and a value over two lines, in one row: no mend fits it.
  lines[3] = `1003;2024-01-04;4;"red, box\nand lamp";https://shop.example/p/3;more;values`;
  const text = ["id;day;qty;note;url", ...lines].join("\n") + "\n";
  const result = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "two_lines_aside", "two_lines_aside.csv");
  expect(result.notes.map((n) => [n.line, n.status])).toEqual([[5, "set aside"]]);
  expect(result.lines).toMatchObject({ total: 12, setAside: 2, rows: 9, balanced: true });
  expect((await engine.rows("SELECT id FROM two_lines_aside")).map((r) => r.id)).toEqual([1000, 1001, 1002, 1004, 1005, 1006, 1007, 1008, 1009]);
});
