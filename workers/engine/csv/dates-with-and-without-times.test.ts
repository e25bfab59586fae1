import { beforeAll, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";

/**
 * A column of ISO dates and timestamps (a midnight written as the date alone) stayed text when its first value was a
 * date: DuckDB's sniffer reads it as TIMESTAMP only when a timestamp comes first.
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

const file = (values: string[]) => new Blob([["id,at", ...Array.from({ length: 40 }, (_, i) => `${i + 1},${values[i % values.length]}`)].join("\n") + "\n"]);
const read = async (table: string, values: string[]) => {
  const result = await readCsv(engine, file(values), parseOptionsSchema.parse({ format: "csv" }), table, "visits.csv");
  const types = (await engine.rows(`DESCRIBE ${table}`)).map((c) => c.column_type);
  const rows = (await engine.rows(`SELECT CAST("at" AS VARCHAR) AS "at" FROM ${table} WHERE id <= 4 ORDER BY id`)).map((r) => r.at);
  return { written: result.options.writtenDates?.at, types, rows };
};

it("reads dates with and without a time as timestamps, whichever comes first", async () => {
  const dateFirst = await read("date_first", ["2025-01-17", "2025-02-18 01:01:00", "2025-03-01T04:05:06", "2025-04-01 00:00:00.123"]);
  expect(dateFirst).toMatchObject({ types: ["BIGINT", "TIMESTAMP"], rows: ["2025-01-17 00:00:00", "2025-02-18 01:01:00", "2025-03-01 04:05:06", "2025-04-01 00:00:00.123"] });
  expect(dateFirst.written?.split("|")[0]).toBe("%Y-%m-%d");
  // A timestamp first: DuckDB's sniffer reads the column itself, and the check is not needed.
  expect(await read("timestamp_first", ["2025-02-18 01:01:00", "2025-01-17"])).toEqual({ written: undefined, types: ["BIGINT", "TIMESTAMP"], rows: ["2025-02-18 01:01:00", "2025-01-17 00:00:00", "2025-02-18 01:01:00", "2025-01-17 00:00:00"] });
});

it("reads dates written for people with and without a time as timestamps, day first where either way fits", async () => {
  const people = await read("people", ["01/02/2024", "03/04/2024 10:00", "13/04/2024 9:30"]);
  expect(people).toMatchObject({ types: ["BIGINT", "TIMESTAMP"], rows: ["2024-02-01 00:00:00", "2024-04-03 10:00:00", "2024-04-13 09:30:00", "2024-02-01 00:00:00"] });
  expect(people.written?.split("|")[0]).toBe("%d/%m/%Y");
});

// DuckDB reads ISO dates by a cast that takes anything after the date and a space: times (or a note) further down
// than its sniffer's sample were dropped without a word, the column DATE.
it("keeps the times of a column of dates whose times come further down than DuckDB's sample", async () => {
  const lines = (late: string) => new Blob([["id,at", ...Array.from({ length: 30_100 }, (_, i) => `${i + 1},${i < 30_000 ? "2025-01-17" : late}`)].join("\n") + "\n"]);
  const counts = async (table: string) => (await engine.rows(`SELECT CAST("at" AS VARCHAR) AS "at", CAST(count(*) AS INTEGER) AS n FROM ${table} GROUP BY ALL ORDER BY 1`)).map((r) => [r.at, r.n]);
  const timed = await readCsv(engine, lines("2025-02-18 01:01:00"), parseOptionsSchema.parse({ format: "csv" }), "times_below", "visits.csv");
  expect((await engine.rows("DESCRIBE times_below")).map((c) => c.column_type)).toEqual(["BIGINT", "TIMESTAMP"]);
  expect(await counts("times_below")).toEqual([["2025-01-17 00:00:00", 30_000], ["2025-02-18 01:01:00", 100]]);
  expect(timed.lines).toMatchObject({ rows: 30_100, setAside: 0 });
  // A note after the date: the column stays text, and the values that are not dates are named.
  const noted = await readCsv(engine, lines("2025-02-18 approx"), parseOptionsSchema.parse({ format: "csv" }), "notes_below", "visits.csv");
  expect(await counts("notes_below")).toEqual([["2025-01-17", 30_000], ["2025-02-18 approx", 100]]);
  expect(noted.typeFindings).toEqual([expect.objectContaining({ column: "at", type: "DATE", values: expect.arrayContaining([{ line: 30_002, value: "2025-02-18 approx" }]) })]);
});

it("judges the first lines as DuckDB's sniffer sees them: times below its 20,480 rows but within the first 256 KB are kept", async () => {
  const lines = ["at", ...Array.from({ length: 21_100 }, (_, i) => (i < 21_000 ? "2025-01-17" : "2025-02-18 01:01:00"))];
  await readCsv(engine, new Blob([lines.join("\n") + "\n"]), parseOptionsSchema.parse({ format: "csv" }), "short_lines", "days.csv");
  expect((await engine.rows("DESCRIBE short_lines")).map((c) => c.column_type)).toEqual(["TIMESTAMP"]);
  expect(await engine.rows(`SELECT CAST("at" AS VARCHAR) AS "at", CAST(count(*) AS INTEGER) AS n FROM short_lines GROUP BY ALL ORDER BY 1`)).toEqual([{ at: "2025-01-17 00:00:00", n: 21_000 }, { at: "2025-02-18 01:01:00", n: 100 }]);
});
