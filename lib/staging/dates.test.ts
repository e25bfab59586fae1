import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { ambiguousDatesSql, swappedDateFormat } from "./dates";

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
