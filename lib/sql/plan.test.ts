import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { planProblem, planReads } from "./plan";

async function readsOf(sql: string) {
  const db = await freshDuckDb();
  await db.run("CREATE TABLE transformed (id INT, v VARCHAR); CREATE TABLE customers (id INT)");
  const [row] = await db.rows(`EXPLAIN (FORMAT JSON) ${sql}`);
  return planReads(String(row!.explain_value));
}

describe("planReads", () => {
  it("finds the tables behind joins, subqueries and CTEs, and the table functions called", async () => {
    const reads = await readsOf(
      "WITH c AS (SELECT * FROM customers) SELECT * FROM transformed t JOIN c USING (id), range(2) WHERE EXISTS (SELECT 1 FROM transformed)",
    );
    expect(reads.tables.sort()).toEqual(["customers", "transformed"]);
    expect(reads.functions).toEqual(["RANGE"]);
    expect(reads.sources).toEqual([]);
  });

  it("sees a table function that binds without touching its file", async () => {
    const reads = await readsOf("SELECT * FROM sniff_csv('x.csv')");
    expect(planProblem(reads, new Set(["transformed"]))).toMatch(/sniff_csv\(\) is a table function a recipe may not call/);
  });

  it("refuses tables outside the allowed set and allows those inside", async () => {
    const reads = await readsOf("SELECT * FROM transformed JOIN customers USING (id)");
    expect(planProblem(reads, new Set(["transformed"]))).toMatch(/reads customers/);
    expect(planProblem(reads, new Set(["transformed", "customers"]))).toBeNull();
  });

  it("counts constants and VALUES as the plan's own rows", async () => {
    expect(planProblem(await readsOf("SELECT * FROM (VALUES (1), (2)) v(x), (SELECT 1)"), new Set())).toBeNull();
  });
});
