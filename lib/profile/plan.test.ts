import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { columnStatsAt, followUps, mergeStats, statsScans } from "./plan";

describe("profile plan", () => {
  it("scans a wide table in groups and numbers every column's stats across the scans", async () => {
    const db = await freshDuckDb();
    const columns = Array.from({ length: 120 }, (_, i) => ({ name: `c${i}`, type: "INTEGER" }));
    await db.run(`CREATE TABLE t AS SELECT ${columns.map((c, i) => `(range * ${i})::INTEGER AS ${c.name}`).join(", ")} FROM range(3)`);
    // A few columns a scan, so that a page of rows never waits long behind one: fewer where distinct values are counted exactly.
    for (const [exact, count] of [[true, 24], [false, 12]] as const) {
      const scans = statsScans("t", columns, exact, 200_000);
      expect(scans).toHaveLength(count);
      for (const sql of scans) expect(sql.match(/count\(DISTINCT|approx_count_distinct/g)).toHaveLength(120 / count);
      const merged = mergeStats(await Promise.all(scans.map(async (sql) => (await db.rows(sql))[0]!)));
      expect(columnStatsAt(merged, 0)).toEqual({ count: 3, nonNull: 3, distinct: 1, min: "0", max: "0", mean: 0 });
      expect(columnStatsAt(merged, 119)).toEqual({ count: 3, nonNull: 3, distinct: 3, min: "0", max: "238", mean: 119 });
    }
  });

  it("takes more columns a scan from a table of fewer rows, as many values a scan at most as five columns of 100,000 rows", () => {
    const columns = Array.from({ length: 1500 }, (_, i) => ({ name: `c${i}`, type: "INTEGER" }));
    expect(statsScans("t", columns, true, 200)).toHaveLength(15);
    expect(statsScans("t", columns, true, 10_000)).toHaveLength(30);
    expect(statsScans("t", columns, true, 100_000)).toHaveLength(300);
    expect(statsScans("t", columns, false, 1_000_000)).toHaveLength(150);
    expect(statsScans("t", [], true, 0)).toHaveLength(1);
  });

  it("never counts more distinct values than there are values: the estimate of a big table's is capped", async () => {
    const db = await freshDuckDb();
    await db.run("CREATE TABLE t AS SELECT range AS id FROM range(5000)");
    const [scan] = statsScans("t", [{ name: "id", type: "BIGINT" }], false, 5000);
    const merged = mergeStats([(await db.rows(scan!))[0]!]);
    // DuckDB's estimate for these 5,000 values is above 5,000.
    expect(Number(merged.d0)).toBeGreaterThan(5000);
    expect(columnStatsAt(merged, 0)).toMatchObject({ nonNull: 5000, distinct: 5000 });
  });

  it("asks for common values unless nearly every value of a big table differs, and a histogram only for numbers, both from one grouping", () => {
    const stats = { count: 1000, nonNull: 1000, distinct: 990, min: "1", max: "9", mean: 5 };
    const id = followUps("t", { name: "id", type: "BIGINT" }, stats, false, true);
    expect(id).toMatchObject({ allDistinct: true, histogram: true });
    expect(id.query).toMatch(/GROUP BY 1/);
    expect(id.query).not.toMatch(/rank/);
    const amount = followUps("t", { name: "amount", type: "DOUBLE" }, { ...stats, distinct: 50 }, false, true);
    expect(amount).toMatchObject({ allDistinct: false, histogram: true });
    expect(amount.query).toMatch(/^WITH g AS MATERIALIZED[\s\S]*rank[\s\S]*bin/);
    const city = followUps("t", { name: "city", type: "VARCHAR" }, { ...stats, distinct: 8, min: "Ghent", max: "Oslo" }, false, true);
    expect(city).toMatchObject({ allDistinct: false, histogram: false });
    expect(city.query).toMatch(/LIMIT 5/);
    expect(followUps("t", { name: "city", type: "VARCHAR" }, stats, true, false)).toEqual({ allDistinct: false, query: null, histogram: false });
  });
});
