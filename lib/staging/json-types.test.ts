import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { checksSql, foundTypes, longChecks, temporalChecks } from "./json-types";

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

describe("longChecks", () => {
  it("gives each column of long whole numbers the first type every value fits: BIGINT, then HUGEINT; DOUBLE among fractions", async () => {
    const db = await freshDuckDb();
    await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES
      ('9007199254740993', '123456789012345678901234', '1234567890123456789012345678901234567890', '12345678901234567890'), (NULL, '1', '2', '0.5')) v(a, b, c, d)`);
    const checks = longChecks([
      { name: "a", fraction: false },
      { name: "b", fraction: false },
      { name: "c", fraction: false },
      { name: "d", fraction: true },
    ]);
    const [fits = {}] = await db.rows(checksSql("t", checks));
    expect(foundTypes(checks, fits)).toEqual({ a: "BIGINT", b: "HUGEINT", d: "DOUBLE" });
  });
});
