import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { batchRows, batchSql, type FollowUp } from "./batch";
import { histogramSql, topValues, topValuesSql } from "./sql";

describe("batched follow-ups", () => {
  it("answers each query of a batch as the query alone does, top values in its order", async () => {
    const db = await freshDuckDb();
    // Ties in count, an empty value, a character above U+FFFF (its UTF-16 units sort before U+FF5E's; its UTF-8 bytes after).
    await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES
      ('b', 1), ('a', 2), ('\u{1F600}', 3), ('\uFF5E', 4), (NULL, 5), ('a', 6), ('b', 7), ('\u{1F600}', 8), ('\uFF5E', 9), (NULL, 10), ('c', 11)) v(s, n)`);
    const queries: FollowUp[] = [
      { kind: "top", sql: topValuesSql("t", "s", "VARCHAR") },
      { kind: "histogram", sql: histogramSql("t", "n", 1, 11, 4) },
      { kind: "top", sql: topValuesSql("t", "n", "INTEGER", 3) },
    ];
    const alone = await Promise.all(queries.map((q) => db.rows(q.sql)));
    const batched = batchRows(queries, await db.rows(batchSql(queries)));
    expect(batched[0]).toEqual(topValues(alone[0]!));
    expect(batched[0]!.map((r) => r.value)).toEqual(["a", "b", "\uFF5E", "\u{1F600}", null]);
    expect([...batched[1]!].sort((x, y) => Number(x.bin) - Number(y.bin))).toEqual(alone[1]);
    // Numbers of the same count in their own order: 2 before 10.
    expect(batched[2]!.map((r) => r.value)).toEqual(["1", "2", "3"]);
    expect(batched[2]).toEqual(topValues(alone[2]!));
  });
});
