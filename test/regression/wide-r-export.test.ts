import { expect, test } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import { readCsv } from "@/workers/engine/csv/read";

// An 8.8 MB export from R (write.csv: 200 columns of numbers, NA where a value is missing) did not stage:
// "Allocation failure". The columns with NA are read as text, then checked for markers and for numbers
// written for people, each check written out per column into one statement (a megabyte of SQL for 200
// columns) that ran DuckDB-WASM out of memory as it was planned, whatever the rows. Each check is now
// written once over the columns' values as rows (lib/sql/column-values.ts).
test("an R export of 200 columns of numbers with NA among them stages, its columns numbers and its NA empty", async () => {
  const engine = await wasmReadEngine();
  const columns = 200;
  const rows = Array.from({ length: 100 }, (_, r) => [`"s${r}"`, ...Array.from({ length: columns }, (_, c) => ((r * 31 + c * 17) % 97 === 0 ? "NA" : String(((r * c) % 1000) / 10)))].join(","));
  const text = `${['""', ...Array.from({ length: columns }, (_, c) => `"g${c}"`)].join(",")}\n${rows.join("\n")}\n`;
  const read = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "r_export", "r-export.csv");
  expect(read.lines).toMatchObject({ rows: 100, setAside: 0 });
  const types = await engine.rows(`SELECT column_type AS type, count(*) AS n FROM (DESCRIBE r_export) GROUP BY ALL ORDER BY type`);
  // Every tenth column holds whole numbers alone.
  expect(types).toEqual([{ type: "BIGINT", n: columns / 10 }, { type: "DOUBLE", n: columns - columns / 10 }, { type: "VARCHAR", n: 1 }]);
  // Every column has an NA: read as empty in the columns of whole numbers (missing) and of decimals (numbers, with markers).
  const withMarkers = Object.keys(read.options.missing ?? {}).length + Object.values(read.options.numbers ?? {}).filter((n) => n.markers).length;
  expect(withMarkers).toBe(columns);
  const [na] = await engine.rows(`SELECT count(*) FILTER (WHERE g17 IS NULL) AS empty, count(*) AS n FROM r_export`);
  expect(na).toEqual({ empty: 1, n: 100 });
}, 120_000);
