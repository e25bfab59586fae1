import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { checksSql, temporalChecks, wholeNumberChecks } from "./json-types";

describe("wholeNumberChecks", () => {
  it("finds DOUBLE and DOUBLE[] columns that only hold whole numbers", async () => {
    const db = await freshDuckDb();
    await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES
      (1.0, 1.5, [1.0, 2.0], [1.5], 'x'), (2.0, NULL, [], NULL, 'y'), (NULL, 3.0, NULL, [2.0], 'z')) v(a, b, c, d, e)`);
    const columns = [
      { name: "a", type: "DOUBLE" },
      { name: "b", type: "DOUBLE" },
      { name: "c", type: "DOUBLE[]" },
      { name: "d", type: "DOUBLE[]" },
      { name: "e", type: "VARCHAR" },
    ];
    const checks = wholeNumberChecks(columns);
    expect(checks.map((c) => [c.name, c.type])).toEqual([
      ["a", "BIGINT"],
      ["b", "BIGINT"],
      ["c", "BIGINT[]"],
      ["d", "BIGINT[]"],
    ]);
    expect(await db.rows(checksSql("t", checks))).toEqual([{ c0: true, c1: false, c2: true, c3: false }]);
  });
});

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
