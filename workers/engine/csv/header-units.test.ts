import { beforeAll, describe, expect, it } from "vitest";
import { describeUnits } from "@/lib/csv/units-line";
import { parseOptionsSchema } from "@/lib/staging/parse-options";
import { wasmReadEngine } from "@/test/duckdb-wasm-node";
import type { CsvEngine } from "./engine";
import { readCsv } from "./read";

/**
 * An instrument's export: a line of units under the names, empty for the columns without one. It was read as a
 * first row, which made the measured columns text (and offered to read "degC" and "hPa" as empty, a row of blanks).
 */
let engine: CsvEngine;
beforeAll(async () => {
  engine = await wasmReadEngine();
});

const rows = ["A,2024-01-01 00:00,12.5,1013.2", "A,2024-01-01 01:00,12.1,1013.0", "B,2024-01-01 00:00,9.8,1009.4", "B,2024-01-01 01:00,9.5,1009.9"];

describe("a line of units under the header", () => {
  it("is read as part of the header: the columns keep their types and names, and their units are said", async () => {
    const text = `Weather log\nstation,time,temp,pressure\n,,degC,hPa\n${rows.join("\n")}\n`;
    const read = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "units0", "units.csv");
    expect(await engine.rows(`SELECT column_name, column_type FROM (DESCRIBE units0)`)).toEqual([
      { column_name: "station", column_type: "VARCHAR" },
      { column_name: "time", column_type: "TIMESTAMP" },
      { column_name: "temp", column_type: "DOUBLE" },
      { column_name: "pressure", column_type: "DOUBLE" },
    ]);
    expect(read.typeFindings).toEqual([]);
    expect(read.lines).toMatchObject({ preamble: 1, header: 2, rows: 4 });
    expect(describeUnits(read.units ?? undefined)).toBe("Line 3 gives the columns’ units, read as part of the header, not as a row: temp “degC”, pressure “hPa”.");
  });

  it("gives no units where the second line names the columns under groups of them", async () => {
    const text = "Region,2024,,2023,\n,Units,Revenue,Units,Revenue\nNorth,10,1200.5,9,1100\nSouth,11,1300.25,8,990\nEast,9,900,7,800\n";
    const read = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "units1", "groups.csv");
    expect(read.options.headerLines).toBe(2);
    expect(read.units).toBeNull();
  });

  it("reads Qualtrics' three header lines (names, the questions, import ids) as the header: the questions said as labels, no units", async () => {
    const ids = ["startDate", "status", "QID1_TEXT", "QID2"].map((id) => `"{""ImportId"":""${id}""}"`).join(",");
    const answers = ["2024-01-01 10:00:00,0,34,5", "2024-01-02 11:00:00,0,28,4", "2024-01-03 12:00:00,0,45,2"];
    const text = `StartDate,Status,Q1,Q2\n"Start Date","Response Type","How old are you?","How satisfied are you? - Rate"\n${ids}\n${answers.join("\n")}\n`;
    const read = await readCsv(engine, new Blob([text]), parseOptionsSchema.parse({ format: "csv" }), "units2", "survey.csv");
    expect(await engine.rows(`SELECT column_name, column_type FROM (DESCRIBE units2)`)).toEqual([
      { column_name: "StartDate", column_type: "TIMESTAMP" },
      { column_name: "Status", column_type: "BIGINT" },
      { column_name: "Q1", column_type: "BIGINT" },
      { column_name: "Q2", column_type: "BIGINT" },
    ]);
    expect(read.typeFindings).toEqual([]);
    expect(read.lines).toMatchObject({ preamble: 0, header: 3, rows: 3 });
    expect(read.units?.labels).toBe(true);
    expect(describeUnits(read.units ?? undefined)).toBe(
      "Line 2 gives the columns’ labels, read as part of the header, not as a row: StartDate “Start Date”, Status “Response Type”, Q1 “How old are you?”, Q2 “How satisfied are you? - Rate”.",
    );
  });
});
