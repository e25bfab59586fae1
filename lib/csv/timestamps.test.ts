import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { describeTimestamps, mayBeTimestamps, timestampAggregates, timestampFormat, timestampStatement } from "./timestamps";

async function typed(values: (string | null)[], dateFormat?: string) {
  const conn = await (await DuckDBInstance.create(":memory:")).connect();
  await conn.run(`CREATE TABLE t AS SELECT * FROM (VALUES ${values.map((v) => `(${v === null ? "NULL" : `'${v}'`})`).join(", ")}) AS v(c)`);
  const [row] = (await conn.runAndReadAll(`SELECT ${timestampAggregates("c", "a").join(", ")} FROM t`)).getRowObjectsJS();
  const format = timestampFormat(row!, "a", dateFormat);
  if (!format) return { format, rows: [] };
  await conn.run(timestampStatement("t", "c", format));
  return { format, rows: (await conn.runAndReadAll("SELECT CAST(c AS VARCHAR) AS c FROM t")).getRowObjectsJS().map((r) => r.c) };
}

describe("timestamps written for people", () => {
  it("picks the columns to check by their first values", () => {
    expect(mayBeTimestamps(["1/2/2024 15:04", "NA", null, "12/31/2024 3:04 PM"])).toBe(true);
    expect(mayBeTimestamps(["2024-01-02", "1/2/2024 15:04"])).toBe(false);
    expect(mayBeTimestamps(["NA", null])).toBe(false);
  });

  it("reads US, European and AM/PM timestamps, markers empty", async () => {
    expect(await typed(["1/2/2024 15:04", "12/31/2024 23:59", "NA", ""])).toEqual({ format: "%m/%d/%Y %H:%M", rows: ["2024-01-02 15:04:00", "2024-12-31 23:59:00", null, null] });
    expect(await typed(["31.12.2024 23:59:10", "01.02.2024 08:00:00"])).toEqual({ format: "%d.%m.%Y %H:%M:%S", rows: ["2024-12-31 23:59:10", "2024-02-01 08:00:00"] });
    expect((await typed(["2024-01-02 3:04 PM", "2024-01-03 11:15 AM"])).rows).toEqual(["2024-01-02 15:04:00", "2024-01-03 11:15:00"]);
  });

  it("leaves a column text where month and day could go either way, unless the file's dates say which", async () => {
    expect((await typed(["1/2/2024 15:04", "3/4/2024 10:00"])).format).toBeNull();
    expect(await typed(["1/2/2024 15:04", "3/4/2024 10:00"], "%d/%m/%Y")).toEqual({ format: "%d/%m/%Y %H:%M", rows: ["2024-02-01 15:04:00", "2024-04-03 10:00:00"] });
    expect((await typed(["1/2/2024 15:04", "not a time"])).format).toBeNull();
  });

  it("says what it did with an example of each format", () => {
    expect(describeTimestamps({ Zeit: "%d.%m.%Y %H:%M", when: "%m/%d/%Y %I:%M %p" })).toBe("Read as timestamps: Zeit (written as 31.12.2024 23:59), when (written as 12/31/2024 11:59 PM).");
    expect(describeTimestamps(undefined)).toBeNull();
  });
});
