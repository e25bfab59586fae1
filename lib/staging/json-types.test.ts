import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { checksSql, temporalChecks } from "./json-types";

describe("temporalChecks", () => {
  it("finds the text columns whose every value DuckDB reads as the date or date-time they look like", async () => {
    const db = await freshDuckDb();
    await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES
      ('2024-01-02', '2024-02-30', '2024-01-02 10:11:12', '2024-01-02T25:00:00', 'x'), (NULL, '2024-01-03', '2024-01-02', NULL, 'y')) v(a, b, c, d, e)`);
    const checks = temporalChecks([
      { name: "a", temporal: "date" },
      { name: "b", temporal: "date" },
      { name: "c", temporal: "timestamp" },
      { name: "d", temporal: "timestamp" },
      { name: "e" },
    ]);
    expect(checks.map((c) => [c.name, c.type])).toEqual([
      ["a", "DATE"],
      ["b", "DATE"],
      ["c", "TIMESTAMP"],
      ["d", "TIMESTAMP"],
    ]);
    expect(await db.rows(checksSql("t", checks))).toEqual([{ c0: true, c1: false, c2: true, c3: false }]);
  });
});
