import { beforeAll, expect, it } from "vitest";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";

/**
 * Timestamps whose day and month could be swapped (no day above 12): DuckDB's sniffer took 1/2/2024 9:05:09
 * for 1 February, and nothing said so or let the file be read month first, as it was for dates alone.
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

const text = ["id,at", ...Array.from({ length: 8 }, (_, i) => `${i + 1},1/${i + 1}/2024 ${i + 1}:05:09`)].join("\n") + "\n";
const when = (table: string) => engine.rows(`SELECT CAST("at" AS VARCHAR) AS "at" FROM ${table} WHERE id = 2`);

it("says which format the sniffer read timestamps with, and reads them with the format given", async () => {
  const sniffed = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "ts_sniffed", "ts.csv");
  expect(sniffed.timestampFormat).toBe("%d/%m/%Y %H:%M:%S");
  expect(await when("ts_sniffed")).toEqual([{ at: "2024-02-01 02:05:09" }]);
  const given = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv", timestampFormat: "%m/%d/%Y %H:%M:%S" }), "ts_given", "ts.csv");
  expect(given.timestampFormat).toBe("%m/%d/%Y %H:%M:%S");
  expect(await when("ts_given")).toEqual([{ at: "2024-01-02 02:05:09" }]);
  expect((await engine.rows("DESCRIBE ts_given")).map((c) => c.column_type)).toEqual(["BIGINT", "TIMESTAMP"]);
});

// Without seconds, DuckDB's sniffer reads no timestamp at all: 1/2/2024 13:45 stayed text.
const noSeconds = ["id,at", ...Array.from({ length: 8 }, (_, i) => `${i + 1},1/${i + 1}/2024 ${i + 10}:45`)].join("\n") + "\n";

it("reads timestamps without seconds day first, as the sniffer reads those with them, and month first when told", async () => {
  const read = await readCsv(engine, new Blob([noSeconds]), parseOptionsSchema.parse({ format: "csv" }), "ts_written", "ts.csv");
  expect(read.options.writtenDates).toEqual({ at: "%d/%m/%Y %H:%M" });
  expect(await when("ts_written")).toEqual([{ at: "2024-02-01 11:45:00" }]);
  const given = await readCsv(engine, new Blob([noSeconds]), parseOptionsSchema.parse({ format: "csv", timestampFormat: "%m/%d/%Y %H:%M" }), "ts_written_given", "ts.csv");
  expect(await when("ts_written_given")).toEqual([{ at: "2024-01-02 11:45:00" }]);
  expect((await engine.rows("DESCRIBE ts_written_given")).map((c) => c.column_type)).toEqual(["BIGINT", "TIMESTAMP"]);
});

it("reads timestamps without seconds the way the file's timestamps with seconds are read", async () => {
  const both = ["id,at,done", ...Array.from({ length: 8 }, (_, i) => `${i + 1},1/${i + 1}/2024 ${i + 1}:05:09,3/${i + 1}/2024 ${i + 10}:45`)].join("\n") + "\n";
  const read = await readCsv(engine, new Blob([both]), parseOptionsSchema.parse({ format: "csv", timestampFormat: "%m/%d/%Y %H:%M:%S" }), "ts_both", "ts.csv");
  expect(read.options.writtenDates).toEqual({ done: "%m/%d/%Y %H:%M" });
  expect(await engine.rows(`SELECT CAST("done" AS VARCHAR) AS "done" FROM ts_both WHERE id = 2`)).toEqual([{ done: "2024-03-02 11:45:00" }]);
});

it("reads timestamps on a 12-hour clock month first, and day first when told", async () => {
  const twelve = ["id,at", ...Array.from({ length: 8 }, (_, i) => `${i + 1},1/${i + 1}/2024 ${i + 1}:45 PM`)].join("\n") + "\n";
  const read = await readCsv(engine, new Blob([twelve]), parseOptionsSchema.parse({ format: "csv" }), "ts_twelve", "ts.csv");
  expect(read.options.writtenDates).toEqual({ at: "%m/%d/%Y %I:%M %p" });
  expect(await when("ts_twelve")).toEqual([{ at: "2024-01-02 14:45:00" }]);
  await readCsv(engine, new Blob([twelve]), parseOptionsSchema.parse({ format: "csv", timestampFormat: "%d/%m/%Y %I:%M %p" }), "ts_twelve_given", "ts.csv");
  expect(await when("ts_twelve_given")).toEqual([{ at: "2024-02-01 14:45:00" }]);
});
