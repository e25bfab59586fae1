import { expect, test } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import { readCsv } from "@/workers/engine/csv/read";

// A file of 150 columns of timestamps written for people (12/31/2024 11:59 PM) did not stage: "Allocation
// failure". Each column was tested against each of the few dozen formats people write dates in, all in one
// statement, which ran DuckDB-WASM out of memory as it was planned (as wide-r-export.test.ts's checks did).
// The formats are now tested once over the columns' values as rows (lib/sql/column-values.ts).
test("150 columns of timestamps written as 12/31/2024 11:59 PM stage, each read as timestamps", async () => {
  const engine = await wasmReadEngine();
  const columns = 150;
  const rows = Array.from({ length: 20 }, (_, r) => Array.from({ length: columns }, (_, c) => `${1 + (r % 12)}/${1 + ((r + c) % 28)}/2024 ${1 + (r % 12)}:0${c % 10} PM`).join(","));
  const text = `${Array.from({ length: columns }, (_, c) => `d${c}`).join(",")}\n${rows.join("\n")}\n`;
  const read = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "stamps", "stamps.csv");
  expect(Object.values(read.options.writtenDates ?? {})).toEqual(Array.from({ length: columns }, () => "%m/%d/%Y %I:%M %p"));
  const [first] = await engine.rows(`SELECT CAST(d0 AS VARCHAR) AS d0, CAST(d149 AS VARCHAR) AS d149 FROM stamps LIMIT 1`);
  expect(first).toEqual({ d0: "2024-01-01 13:00:00", d149: "2024-01-10 13:09:00" });
}, 120_000);
