import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { ambiguousDatesSql, swappedDateFormat, yearLastFitSql, yearLastFormats } from "./dates";

describe("ambiguous dates", () => {
  it("swaps day and month in a format, and leaves formats without both alone", () => {
    expect(swappedDateFormat("%m/%d/%Y")).toBe("%d/%m/%Y");
    expect(swappedDateFormat("%d.%m.%y")).toBe("%m.%d.%y");
    expect(swappedDateFormat("%Y-%m")).toBeNull();
    // Monthly figures on the first of each month are ISO dates, not a question.
    expect(swappedDateFormat("%Y-%m-%d")).toBeNull();
    expect(swappedDateFormat("%y/%m/%d")).toBeNull();
    expect(swappedDateFormat(null)).toBeNull();
  });

  it("flags date columns where every day could be a month", async () => {
    const db = await freshDuckDb();
    await db.run("CREATE TABLE t AS SELECT * FROM (VALUES (DATE '2024-03-04', DATE '2024-01-31'), (DATE '2024-12-12', NULL)) v(a, b)");
    expect(await db.rows(ambiguousDatesSql("t", ["a", "b"]))).toEqual([{ c0: true, c1: false }]);
  });
});

describe("a two-digit year first (DuckDB's %y.%m.%d)", () => {
  it("offers the same text with the year last, day first then month first", () => {
    expect(yearLastFormats("%y.%m.%d")).toEqual(["%d.%m.%y", "%m.%d.%y"]);
    expect(yearLastFormats("%y/%m/%d")).toEqual(["%d/%m/%y", "%m/%d/%y"]);
    expect(yearLastFormats("%Y-%m-%d")).toEqual([]);
    expect(yearLastFormats("%d.%m.%y")).toEqual([]);
    expect(yearLastFormats(null)).toEqual([]);
  });

  it("tells whether every date, read year first, reads as a date with the year last", async () => {
    const db = await freshDuckDb();
    // 31.12.24 and 29.02.24 read year first: 2031-12-24 and 2029-02-24; 45.12.24 (2045-12-24) has no day 45.
    await db.run("CREATE TABLE d AS SELECT * FROM (VALUES (DATE '2031-12-24', DATE '2031-12-24'), (DATE '2029-02-24', DATE '2045-12-24'), (NULL, NULL)) t(a, b)");
    expect(await db.rows(`SELECT ${[...yearLastFitSql("a", "a"), ...yearLastFitSql("b", "b")].join(", ")} FROM d`)).toEqual([{ a_0: true, a_1: false, b_0: false, b_1: false }]);
  });
});
