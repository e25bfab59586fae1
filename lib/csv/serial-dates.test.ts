import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { serialDateCandidates, serialDateFindings, serialDatesSql, serialDay } from "./serial-dates";

describe("dates as Excel's serial day numbers", () => {
  it("counts days from Excel's day 0", () => {
    expect(serialDay(45292)).toBe("2024-01-01");
    expect(serialDay(45657.75)).toBe("2024-12-31");
    expect(serialDay(18264)).toBe("1950-01-01");
  });

  it("finds numeric columns named as dates whose every value is a day between 1950 and 2099, with times of day or not", async () => {
    const db = await freshDuckDb();
    await db.run(`CREATE TABLE s AS SELECT * FROM (VALUES
      (1, 45292, 45292.5, 45292, 3, NULL::BIGINT),
      (2, 45300, 45301.25, 45300, 7, NULL::BIGINT),
      (3, 45310, 45310.0, 45310, 9, NULL::BIGINT)) v(id, "Order Date", created_on, amount, ship_day, due_date)`);
    const columns = (await db.rows("DESCRIBE s")).map((d) => ({ name: String(d.column_name), type: String(d.column_type) }));
    // Names that say dates, of numbers: not the amount, nor a date column of text.
    const candidates = serialDateCandidates([...columns, { name: "birth_date", type: "VARCHAR" }]);
    expect(candidates).toEqual(["Order Date", "created_on", "ship_day", "due_date"]);
    // Named as a moment (created_at), yes; as times alone (response_time: milliseconds, maybe) or a stat, no.
    expect(serialDateCandidates(["created_at", "Updated At", "response_time", "stat", "format"].map((name) => ({ name, type: "DOUBLE" })))).toEqual(["created_at", "Updated At"]);
    // Ids and counts whose names only hold "date" (candidate_id, update_count) are no dates, as for compact dates.
    expect(serialDateCandidates(["candidate_id", "update_count", "Lieferdatum", "fecha_pedido"].map((name) => ({ name, type: "BIGINT" })))).toEqual(["Lieferdatum", "fecha_pedido"]);
    const rows = await db.rows(serialDatesSql("s", candidates));
    expect(serialDateFindings(rows, candidates)).toEqual([
      { column: "Order Date", type: "DATE", values: [], serial: { first: 45292, day: "2024-01-01" } },
      { column: "created_on", type: "TIMESTAMP", values: [], serial: { first: 45292.5, day: "2024-01-01" } },
    ]);
  });
});
