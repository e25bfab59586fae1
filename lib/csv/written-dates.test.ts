import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { COMPACT_DATE, compactDateAggregate, describeWrittenDates, fitRow, formatsLeftOpen, misfitSql, mayBeWrittenDates, MIXED_FORMATS, namedAsDate, shownFormat, someFit, writtenDateAggregates, writtenDateFormat, writtenDateStatement, writtenDateValues, WRITTEN_FORMATS } from "./written-dates";

async function typed(values: (string | null)[], dateFormat?: string) {
  const conn = await (await DuckDBInstance.create(":memory:")).connect();
  await conn.run(`CREATE TABLE t AS SELECT * FROM (VALUES ${values.map((v) => `(${v === null ? "NULL" : `'${v}'`})`).join(", ")}) AS v(c)`);
  const aggregates = async (only?: number[]) => (await conn.runAndReadAll(`SELECT ${writtenDateAggregates("a", only).join(", ")} FROM (${writtenDateValues("SELECT 'c' AS column_name, c AS value FROM t")})`)).getRowObjectsJS()[0]!;
  // As the read tests a column: the formats its values leave open, a pass at a time (workers/engine/csv/written-dates.ts).
  let row = await aggregates();
  for (const open of formatsLeftOpen(row, "a")) {
    row = await aggregates(open);
    if (someFit(row, "a")) break;
  }
  const format = writtenDateFormat(row, "a", dateFormat);
  if (!format) return { format, rows: [] };
  await conn.run(writtenDateStatement("t", "c", format));
  const rows = (await conn.runAndReadAll("SELECT CAST(c AS VARCHAR) AS c, typeof(c) AS t FROM t")).getRowObjectsJS();
  return { format, type: rows[0]!.t, rows: rows.map((r) => r.c) };
}

describe("dates and timestamps written for people", () => {
  it("picks the columns to check by their first values", () => {
    expect(mayBeWrittenDates(["1/2/2024 15:04", "NA", null, "12/31/2024 3:04 PM"])).toBe(true);
    expect(mayBeWrittenDates(["02-Jan-2024", "Jan 2, 2024", "2 January 2024"])).toBe(true);
    expect(mayBeWrittenDates(["31.12.2024 23:59:58.250"])).toBe(true);
    expect(mayBeWrittenDates(["2024-01-02", "1/2/2024 15:04"])).toBe(true);
    expect(mayBeWrittenDates(["1.2.3", "2024-01-02"])).toBe(false);
    // Versions are no dates: a date alone with dots and a two-digit year has two-digit days and months.
    expect(mayBeWrittenDates(["5.4.12", "5.4.13", "6.10.2"])).toBe(false);
    expect(mayBeWrittenDates(["05.04.12", "5.4.2012", "31.12.24 23:59"])).toBe(true);
    expect(mayBeWrittenDates(["1/2/24 15:04"])).toBe(true);
    expect(mayBeWrittenDates(["1/2/202 15:04"])).toBe(false);
    expect(mayBeWrittenDates(["Alice Smith", "NA"])).toBe(false);
    expect(mayBeWrittenDates(["NA", null])).toBe(false);
  });

  it("reads US, European and AM/PM timestamps, markers empty", async () => {
    expect(await typed(["1/2/2024 15:04", "12/31/2024 23:59", "NA", ""])).toEqual({ format: "%m/%d/%Y %H:%M", type: "TIMESTAMP", rows: ["2024-01-02 15:04:00", "2024-12-31 23:59:00", null, null] });
    expect(await typed(["31.12.2024 23:59:10", "01.02.2024 08:00:00"])).toMatchObject({ format: "%d.%m.%Y %H:%M:%S", rows: ["2024-12-31 23:59:10", "2024-02-01 08:00:00"] });
    expect((await typed(["2024-01-02 3:04 PM", "2024-01-03 11:15 AM"])).rows).toEqual(["2024-01-02 15:04:00", "2024-01-03 11:15:00"]);
    expect(await typed(["1/2/2024 15:04:05.123", "12/31/2024 23:59:58.5"])).toMatchObject({ format: "%m/%d/%Y %H:%M:%S.%f", rows: ["2024-01-02 15:04:05.123", "2024-12-31 23:59:58.5"] });
  });

  it("reads timestamps with an offset after a space (Snowflake) as timestamps with a time zone", async () => {
    expect(mayBeWrittenDates(["2024-01-01 10:00:00.000 -0800", "2024-06-01 23:30:00.000 +0100"])).toBe(true);
    const read = await typed(["2024-01-01 10:00:00.000 -0800", "2024-06-01 23:30:00.000 +0100", "NULL"]);
    expect(read).toMatchObject({ format: "%Y-%m-%d %H:%M:%S.%f %z", type: "TIMESTAMP WITH TIME ZONE" });
    expect(read.rows).toHaveLength(3);
    expect(read.rows.map((r) => (r === null ? null : new Date(String(r).replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00")).toISOString()))).toEqual(["2024-01-01T18:00:00.000Z", "2024-06-01T22:30:00.000Z", null]);
    expect((await typed(["2024-01-01 10:00:00 -08:00"])).format).toBe("%Y-%m-%d %H:%M:%S %z");
  });

  it("reads timestamps with a year of two digits as this century's or the last (12/31/24 23:59), not as the year 24", async () => {
    expect(await typed(["1/2/24 15:04", "12/31/99 23:59", "NA"])).toEqual({ format: "%m/%d/%y %H:%M", type: "TIMESTAMP", rows: ["2024-01-02 15:04:00", "1999-12-31 23:59:00", null] });
    expect(await typed(["31.12.24 23:59:10", "01.02.24 08:00:00"])).toMatchObject({ format: "%d.%m.%y %H:%M:%S", rows: ["2024-12-31 23:59:10", "2024-02-01 08:00:00"] });
    // Four digits still read as they are; month and day either way still need the file's date format.
    expect((await typed(["1/2/2024 15:04", "12/31/2024 23:59"])).format).toBe("%m/%d/%Y %H:%M");
    expect((await typed(["1/2/24 15:04", "3/4/24 10:00"])).format).toBeNull();
    expect((await typed(["1/2/24 15:04", "3/4/24 10:00"], "%d/%m/%y")).format).toBe("%d/%m/%y %H:%M");
  });

  it("reads dates with the month's name as dates, a name that is also its abbreviation (May) included", async () => {
    expect(await typed(["02-JAN-24", "15-MAR-24", "31-DEC-24"])).toEqual({ format: "%d-%b-%y", type: "DATE", rows: ["2024-01-02", "2024-03-15", "2024-12-31"] });
    expect(await typed(["May 2, 2024", "June 30, 2024"])).toMatchObject({ format: "%B %d, %Y", type: "DATE", rows: ["2024-05-02", "2024-06-30"] });
    expect((await typed(["May 2, 2024", "Jun 30, 2024"])).rows).toEqual(["2024-05-02", "2024-06-30"]);
  });

  it("reads a column of dates alone written another way than the file's one date format, and not dates written two ways", async () => {
    expect(await typed(["31.12.2024", "01.02.2024", "NA"])).toEqual({ format: "%d.%m.%Y", type: "DATE", rows: ["2024-12-31", "2024-02-01", null] });
    expect(await typed(["12/31/24", "1/15/25"])).toMatchObject({ format: "%m/%d/%y", rows: ["2024-12-31", "2025-01-15"] });
    expect(await typed(["Dec 31 2024", "Jan 5 2025"])).toMatchObject({ format: "%b %d %Y", rows: ["2024-12-31", "2025-01-05"] });
    expect((await typed(["2024-01-02", "1/2/2024 15:04"])).format).toBeNull();
    // Month and day either way: the file's format decides, else day first, as DuckDB's sniffer reads dates (flagged by the read).
    expect((await typed(["01/02/2024", "03/04/2024"])).rows).toEqual(["2024-02-01", "2024-04-03"]);
    expect((await typed(["01-02-2024", "03-04-2024"])).rows).toEqual(["2024-02-01", "2024-04-03"]);
    expect((await typed(["01/02/2024", "03/04/2024"], "%d/%m/%Y")).rows).toEqual(["2024-02-01", "2024-04-03"]);
  });

  it("reads times of day with AM or PM as times", async () => {
    expect(mayBeWrittenDates(["10:30 PM", "9:05 am", "NA"])).toBe(true);
    expect(await typed(["10:30 PM", "9:05 AM", "12:00 AM", "NA"])).toEqual({ format: "%I:%M %p", type: "TIME", rows: ["22:30:00", "09:05:00", "00:00:00", null] });
    expect((await typed(["10:30:15 PM", "9:05:00 AM"])).format).toBe("%I:%M:%S %p");
  });

  it("reads dates with the month's name and a time as timestamps: Jira's, Oracle's, and as many web applications write them", async () => {
    expect(mayBeWrittenDates(["15/Jan/24 10:05 AM", "Jan 2, 2024 3:04 PM", "02-JAN-2024 10:15:00", "2 January 2024 09:30"])).toBe(true);
    expect(mayBeWrittenDates(["Jan 2, 2024 at 3:04 PM", "2 January 2024 at 15:04"])).toBe(true);
    expect(mayBeWrittenDates(["Jan 2, 2024 at noon"])).toBe(false);
    expect(await typed(["15/Jan/24 10:05 AM", "02/Feb/24 4:30 PM", "17/Jan/24 12:00 PM"])).toEqual({
      format: "%d/%b/%y %I:%M %p", type: "TIMESTAMP", rows: ["2024-01-15 10:05:00", "2024-02-02 16:30:00", "2024-01-17 12:00:00"],
    });
    expect(await typed(["Jan 2, 2024 3:04 PM", "Feb 10, 2024 11:30 AM", "NA"])).toMatchObject({ format: "%b %d, %Y %I:%M %p", rows: ["2024-01-02 15:04:00", "2024-02-10 11:30:00", null] });
    expect(await typed(["02-JAN-2024 10:15:00", "15-MAR-2023 08:00:30"])).toMatchObject({ format: "%d-%b-%Y %H:%M:%S", rows: ["2024-01-02 10:15:00", "2023-03-15 08:00:30"] });
    // Apple's and Google's apps put "at" before the time.
    expect(await typed(["Jan 2, 2024 at 3:04 PM", "Feb 12, 2024 at 11:04 AM"])).toMatchObject({ format: "%b %d, %Y at %I:%M %p", rows: ["2024-01-02 15:04:00", "2024-02-12 11:04:00"] });
    expect(await typed(["2 January 2024 at 15:04"])).toMatchObject({ format: "%d %B %Y at %H:%M", rows: ["2024-01-02 15:04:00"] });
  });

  it("reads day first where month and day could go either way, unless the file's dates or timestamps say which", async () => {
    expect(await typed(["1/2/2024 15:04", "3/4/2024 10:00"])).toMatchObject({ format: "%d/%m/%Y %H:%M", rows: ["2024-02-01 15:04:00", "2024-04-03 10:00:00"] });
    expect(await typed(["1/2/2024 15:04", "3/4/2024 10:00"], "%m/%d/%Y")).toMatchObject({ format: "%m/%d/%Y %H:%M", rows: ["2024-01-02 15:04:00", "2024-03-04 10:00:00"] });
    expect((await typed(["1/2/2024 15:04", "3/4/2024 10:00"], "%m/%d/%Y %H:%M:%S")).format).toBe("%m/%d/%Y %H:%M");
    // A 12-hour clock is the US's, which writes the month first.
    expect(await typed(["1/2/2024 1:45 PM", "3/4/2024 10:00 AM"])).toMatchObject({ format: "%m/%d/%Y %I:%M %p", rows: ["2024-01-02 13:45:00", "2024-03-04 10:00:00"] });
    expect((await typed(["1/2/2024 15:04", "not a time"])).format).toBeNull();
  });

  it("reads whole numbers written yyyymmdd as dates in a column named as dates, and nothing else", async () => {
    expect(["start_date", "end_date", "date", "DATE", "TradeDate", "tradedate", "settle_dt", "dob", "yyyymmdd", "Date of birth"].filter(namedAsDate)).toHaveLength(10);
    expect(["id", "updates", "last_update", "update_count", "days", "candidate", "validate", "dated_id", "amount"].filter(namedAsDate)).toEqual([]);
    const conn = await (await DuckDBInstance.create(":memory:")).connect();
    // GTFS's calendar: service days as 20240131; then numbers that are not all such dates.
    await conn.run(`CREATE TABLE t AS SELECT * FROM (VALUES (20240131, 20241231, 20240131, 1), (20240201, NULL, 20241301, 2), (20240229, 20250101, 20240101, 17991231)) AS v(start_date, end_date, bad_month, small)`);
    const aggregates = ["start_date", "end_date", "bad_month", "small"].map((c) => compactDateAggregate(c, c));
    const [row] = (await conn.runAndReadAll(`SELECT ${aggregates.join(", ")} FROM t`)).getRowObjectsJS();
    expect(row).toEqual({ start_date: true, end_date: true, bad_month: false, small: false });
    await conn.run(writtenDateStatement("t", "start_date", COMPACT_DATE));
    await conn.run(writtenDateStatement("t", "end_date", COMPACT_DATE));
    const rows = (await conn.runAndReadAll("SELECT CAST(start_date AS VARCHAR) AS s, CAST(end_date AS VARCHAR) AS e, typeof(start_date) AS t FROM t")).getRowObjectsJS();
    expect(rows).toEqual([
      { s: "2024-01-31", e: "2024-12-31", t: "DATE" },
      { s: "2024-02-01", e: null, t: "DATE" },
      { s: "2024-02-29", e: "2025-01-01", t: "DATE" },
    ]);
    expect(describeWrittenDates({ start_date: COMPACT_DATE })).toBe("Read as dates and times: start_date (written as 20241231).");
  });

  it("says what it did with an example of each format", () => {
    expect(describeWrittenDates({ Zeit: "%d.%m.%Y %H:%M", when: "%m/%d/%Y %I:%M %p", day: "%d-%b-%y", at: "%Y/%m/%d %H:%M:%S.%f" })).toBe(
      "Read as dates and times: Zeit (written as 31.12.2024 23:59), when (written as 12/31/2024 11:59 PM), day (written as 31-Dec-24), at (written as 2024/12/31 23:59:58.250).",
    );
    expect(describeWrittenDates({ loaded: "%Y-%m-%d %H:%M:%S.%f %z" })).toBe("Read as dates and times: loaded (written as 2024-12-31 23:59:58.250 -0800).");
    expect(describeWrittenDates(undefined)).toBeNull();
  });

  it("checks a whole column only against what its first rows leave open, and finds the same format", async () => {
    const conn = await (await DuckDBInstance.create(":memory:")).connect();
    const aggregates = async (sql: string, only?: number[]) => (await conn.runAndReadAll(`SELECT ${writtenDateAggregates("a", only).join(", ")} FROM (${writtenDateValues(`SELECT 'c' AS column_name, c AS value FROM (${sql})`)})`)).getRowObjectsJS()[0]!;
    await conn.run("CREATE TABLE t AS SELECT CASE WHEN i % 2 = 0 THEN '1/2/2024 15:04' ELSE '12/31/2024 3:04' END AS c FROM range(5000) r(i)");
    const [single, mixed] = formatsLeftOpen(await aggregates("SELECT c FROM t LIMIT 10"), "a");
    expect(single!.length).toBeLessThan(WRITTEN_FORMATS.length);
    expect(single!.map((i) => WRITTEN_FORMATS[i])).toContain("%m/%d/%Y %H:%M");
    expect(writtenDateFormat(await aggregates("SELECT c FROM t", single), "a", undefined)).toBe(writtenDateFormat(await aggregates("SELECT c FROM t"), "a", undefined));
    // The list of the date's formats is open too, for a column whose later rows have no time.
    expect(mixed!.map((i) => MIXED_FORMATS[i - WRITTEN_FORMATS.length]!.split("|")[0])).toContain("%m/%d/%Y");
    // First rows without a value leave every format and list open.
    expect(formatsLeftOpen(await aggregates("SELECT * FROM (VALUES (''), ('NA')) v(c)"), "a").map((pass) => pass.length)).toEqual([WRITTEN_FORMATS.length, MIXED_FORMATS.length]);
    // Dates written two ways leave nothing open.
    expect(formatsLeftOpen(await aggregates("SELECT * FROM (VALUES ('2024-01-02'), ('1/2/2024 15:04')) v(c)"), "a")).toEqual([]);
  });

  it("reads a column of dates, some with a time and some without, as timestamps (a midnight written as the date alone)", async () => {
    // DuckDB's sniffer reads ISO dates and timestamps mixed only when a timestamp comes first.
    expect(mayBeWrittenDates(["2025-01-17", "2025-02-18 01:01:00", "2025-03-01T04:05:06"])).toBe(true);
    const iso = await typed(["2025-01-17", "2025-02-18 01:01:00", "2025-03-01T04:05:06", "2025-04-01 00:00:00.125", "NA", " 2025-05-02 07:08 "]);
    expect(iso).toMatchObject({ type: "TIMESTAMP", rows: ["2025-01-17 00:00:00", "2025-02-18 01:01:00", "2025-03-01 04:05:06", "2025-04-01 00:00:00.125", null, "2025-05-02 07:08:00"] });
    expect(iso.format!.split("|")[0]).toBe("%Y-%m-%d");
    expect(await typed(["31.12.2024", "01.02.2024 08:00", "02.02.2024 8:00:30", "NA"])).toMatchObject({ type: "TIMESTAMP", rows: ["2024-12-31 00:00:00", "2024-02-01 08:00:00", "2024-02-02 08:00:30", null] });
    expect((await typed(["Jan 2, 2024", "Feb 12, 2024 at 11:04 AM"])).rows).toEqual(["2024-01-02 00:00:00", "2024-02-12 11:04:00"]);
    // A format that fits every value is read by itself.
    expect((await typed(["31.12.2024 10:00", "01.02.2024 08:00"])).format).toBe("%d.%m.%Y %H:%M");
    // Month and day either way: day first, or as the file's format says.
    expect((await typed(["01/02/2024", "03/04/2024 10:00"])).rows).toEqual(["2024-02-01 00:00:00", "2024-04-03 10:00:00"]);
    expect((await typed(["01/02/2024", "03/04/2024 10:00"], "%m/%d/%Y %H:%M:%S")).rows).toEqual(["2024-01-02 00:00:00", "2024-03-04 10:00:00"]);
    // A value of another date, or an offset, is not read.
    expect((await typed(["2025-01-17", "2025-02-18 01:01:00", "18.02.2025"])).format).toBeNull();
    expect((await typed(["2025-01-17", "2025-02-18 01:01:00 -0800"])).format).toBeNull();
  });

  it("reads the whole column by the list when its first rows are dates alone and later rows have times", async () => {
    const conn = await (await DuckDBInstance.create(":memory:")).connect();
    const aggregates = async (only?: number[], limit = "") => (await conn.runAndReadAll(`SELECT ${writtenDateAggregates("a", only).join(", ")} FROM (${writtenDateValues(`SELECT 'c' AS column_name, c AS value FROM (SELECT c FROM t${limit})`)})`)).getRowObjectsJS()[0]!;
    await conn.run("CREATE TABLE t AS SELECT CASE WHEN i < 300 THEN '2024-01-02' ELSE '2024-01-02 10:00:00' END AS c FROM range(1000) r(i)");
    const [single, mixed] = formatsLeftOpen(await aggregates(undefined, " LIMIT 256"), "a");
    expect(someFit(await aggregates(single), "a")).toBe(false);
    const row = await aggregates(mixed);
    expect(someFit(row, "a")).toBe(true);
    expect(writtenDateFormat(row, "a", undefined)).toBe(MIXED_FORMATS.find((list) => list.startsWith("%Y-%m-%d|")));
  });

  it("ends a pass of one format at the first value it does not fit, and reads a column it fits whole as that format", async () => {
    const conn = await (await DuckDBInstance.create(":memory:")).connect();
    await conn.run("CREATE TABLE t AS SELECT CASE WHEN i = 700 THEN 'TBD' ELSE '31.12.2024' END AS c, '31.12.2024' AS d FROM range(1000) r(i)");
    const misfit = async (column: string) => (await conn.runAndReadAll(misfitSql(writtenDateValues(`SELECT 'x' AS column_name, ${column} AS value FROM t`), [WRITTEN_FORMATS.indexOf("%d.%m.%Y")]))).getRowObjectsJS();
    expect(await misfit("c")).toEqual([{ misfit: 1 }]);
    expect(await misfit("d")).toEqual([]);
    expect(writtenDateFormat(fitRow("a", WRITTEN_FORMATS.indexOf("%d.%m.%Y")), "a", undefined)).toBe("%d.%m.%Y");
  });

  it("shows a list by the date and its first format with a time", () => {
    const list = MIXED_FORMATS.find((format) => format.startsWith("%d.%m.%Y|"))!;
    expect(describeWrittenDates({ Datum: list })).toBe("Read as dates and times: Datum (written as 31.12.2024 with or without a time of day).");
    expect(shownFormat(list)).toBe("%d.%m.%Y %H:%M");
    expect(shownFormat("%d.%m.%Y")).toBe("%d.%m.%Y");
  });
});
