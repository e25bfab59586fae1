import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { batchRows, batchSql } from "./batch";
import { binCounts, histogramSql, topAndHistogramSql, topValues, topValuesSql } from "./sql";

const byBin = (rows: { bin: number; n: number }[]) => [...rows].sort((x, y) => x.bin - y.bin);

describe("batched follow-ups", () => {
  it("answers each query of a batch as the query alone does, top values in their order", async () => {
    const db = await freshDuckDb();
    // Ties in count, an empty value, a character above U+FFFF (its UTF-16 units sort before U+FF5E's; its UTF-8 bytes after).
    await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES
      ('b', 1), ('a', 2), ('\u{1F600}', 3), ('\uFF5E', 4), (NULL, 5), ('a', 6), ('b', 7), ('\u{1F600}', 8), ('\uFF5E', 9), (NULL, 10), ('c', 11)) v(s, n)`);
    const queries = [topValuesSql("t", "s", "VARCHAR"), histogramSql("t", "n", 1, 11, 4), topValuesSql("t", "n", "INTEGER", 3), topAndHistogramSql("t", "n", 1, 11)];
    const alone = await Promise.all(queries.map((sql) => db.rows(sql)));
    const batched = batchRows(queries.length, await db.rows(batchSql(queries)));
    for (const at of queries.keys()) {
      expect(topValues(batched[at]!)).toEqual(topValues(alone[at]!));
      expect(byBin(binCounts(batched[at]!))).toEqual(byBin(binCounts(alone[at]!)));
    }
    expect(topValues(batched[0]!).map((r) => r.value)).toEqual(["a", "b", "\uFF5E", "\u{1F600}", null]);
    expect(binCounts(batched[1]!)).toHaveLength(4);
    // Numbers of the same count in their own order: 2 before 10.
    expect(topValues(batched[2]!).map((r) => r.value)).toEqual(["1", "2", "3"]);
    expect(topValues(batched[3]!).map((r) => r.value)).toEqual(["1", "2", "3", "4", "5"]);
    expect(binCounts(batched[3]!).reduce((sum, b) => sum + b.n, 0)).toBe(11);
  });
});
