import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { binCounts, histogramBins, histogramSql, isAllDistinct, statsSql, topAndHistogramSql, topValues, topValuesSql } from "./sql";
import { suggestRules } from "./suggest";

const COLUMNS = [
  { name: "id", type: "INTEGER" },
  { name: "status", type: "VARCHAR" },
  { name: "score", type: "DOUBLE" },
];

async function table() {
  const db = await freshDuckDb();
  await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES
    (1, 'open', 1.0), (2, 'open', 2.0), (3, 'closed', NULL), (4, 'open', 10.0), (5, 'closed', 4.0), (6, NULL, 5.5)) v(id, status, score)`);
  return db;
}

describe("profile SQL", () => {
  it("counts rows, nulls, distinct values, bounds and means in one scan", async () => {
    const db = await table();
    const [row] = await db.rows(statsSql("t", COLUMNS, true));
    expect(row).toMatchObject({ n: 6, nn0: 6, d0: 6, min0: "1", max0: "6", avg0: 3.5, nn1: 5, d1: 2, min1: "closed", avg1: null, nn2: 5, d2: 5 });
    const [approx] = await db.rows(statsSql("t", COLUMNS, false));
    expect(approx!.d1).toBe(2);
  });

  it("finds the most common values, NULL among them", async () => {
    const db = await table();
    expect(topValues(await db.rows(topValuesSql("t", "status", "VARCHAR")))).toEqual([
      { value: "open", n: 3 },
      { value: "closed", n: 2 },
      { value: null, n: 1 },
    ]);
  });

  it("orders values of the same count as their column does (9 before 100), and gives them as text", async () => {
    const db = await freshDuckDb();
    await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES
      (10, 2.5::DOUBLE, DATE '2024-10-01', [1, 2]), (9, 9.5, DATE '2024-09-30', [1, 2]), (100, 10.0, DATE '2025-01-01', [3]), (10, 2.5, NULL, NULL)) v(i, d, day, list)`);
    const top = async (column: string, type: string) => topValues(await db.rows(topValuesSql("t", column, type)));
    expect(await top("i", "INTEGER")).toEqual([
      { value: "10", n: 2 },
      { value: "9", n: 1 },
      { value: "100", n: 1 },
    ]);
    expect((await top("d", "DOUBLE")).map((r) => r.value)).toEqual(["2.5", "9.5", "10.0"]);
    expect((await top("day", "DATE")).map((r) => r.value)).toEqual(["2024-09-30", "2024-10-01", "2025-01-01", null]);
    expect(await top("list", "INTEGER[]")).toEqual([
      { value: "[1, 2]", n: 2 },
      { value: "[3]", n: 1 },
      { value: null, n: 1 },
    ]);
  });

  it("gives a column of numbers' most common values and histogram from one grouping, as the two queries give them", async () => {
    const db = await table();
    await db.run("INSERT INTO t VALUES (7, 'open', 2.0), (8, NULL, NULL), (9, 'open', 10.0)");
    const both = await db.rows(topAndHistogramSql("t", "score", 1, 10, 5, 3));
    expect(topValues(both)).toEqual(topValues(await db.rows(topValuesSql("t", "score", "DOUBLE"))));
    expect(topValues(both)).toEqual([
      { value: "2.0", n: 2 },
      { value: "10.0", n: 2 },
      { value: null, n: 2 },
      { value: "1.0", n: 1 },
      { value: "4.0", n: 1 },
    ]);
    const bins = (rows: Record<string, unknown>[]) => histogramBins(binCounts(rows), 1, 10, 3);
    expect(bins(both)).toEqual(bins(await db.rows(histogramSql("t", "score", 1, 10, 3))));
    expect(bins(both).map((b) => b.n)).toEqual([3, 2, 2]);
  });

  it("bins numbers into a histogram whose last bin holds the maximum", async () => {
    const db = await table();
    const rows = (await db.rows(histogramSql("t", "score", 1, 10, 3))) as { bin: number; n: number }[];
    expect(histogramBins(rows, 1, 10, 3)).toEqual([
      { from: 1, to: 4, n: 2 },
      { from: 4, to: 7, n: 2 },
      { from: 7, to: 10, n: 1 },
    ]);
  });
});

describe("suggestRules", () => {
  it("suggests what the data keeps: required, unique, one-of, range", () => {
    let n = 0;
    const profile = (p: Partial<Parameters<typeof suggestRules>[0][number]>) => ({
      name: "c", type: "VARCHAR", count: 6, nulls: 0, distinct: 6, distinctApprox: false, allDistinct: false, min: null, max: null, mean: null, top: [], histogram: null, ...p,
    });
    const suggestions = suggestRules(
      [
        profile({ name: "id", type: "INTEGER", min: "1", max: "6" }),
        profile({ name: "status", distinct: 2, nulls: 1, top: [{ value: "open", n: 3 }, { value: "closed", n: 2 }, { value: null, n: 1 }] }),
        profile({ name: "note", distinct: 6, distinctApprox: true }),
        // All different, as amounts and moments are in a sample: no key.
        profile({ name: "amount", type: "DOUBLE", min: "1.5", max: "9.25" }),
        profile({ name: "at", type: "TIMESTAMP" }),
      ],
      () => `s${++n}`,
    );
    expect(suggestions.map((s) => [s.rule.kind, "column" in s.rule ? s.rule.column : ""])).toEqual([
      ["required", "id"],
      ["unique", "id"],
      ["range", "id"],
      ["oneOf", "status"],
      ["required", "note"],
      ["required", "amount"],
      ["range", "amount"],
      ["required", "at"],
    ]);
    expect(suggestions[3]!.rule).toMatchObject({ values: ["open", "closed"], severity: "reject", enabled: true });
  });

  it("suggests a labelled column's codes, or its labels, from the file's value labels, in place of the values seen", () => {
    const profile = { name: "region", type: "VARCHAR", count: 6, nulls: 1, distinct: 3, distinctApprox: false, allDistinct: false, min: null, max: null, mean: null, top: [{ value: "North", n: 3 }, { value: "9", n: 2 }, { value: null, n: 1 }], histogram: null };
    const codeLabels = { region: [{ value: 1, label: "North" }, { value: 2, label: "South" }] };
    const asLabels = suggestRules([profile], () => "s", { codeLabels });
    expect(asLabels.map((s) => [s.rule, s.why])).toEqual([[expect.objectContaining({ kind: "oneOf", column: "region", values: ["North", "South"] }), "the file's value labels name 2 values"]]);
    const asCodes = suggestRules([{ ...profile, type: "BIGINT", top: [] }], () => "s", { codeLabels, asCodes: true });
    expect(asCodes.map((s) => s.rule)).toContainEqual(expect.objectContaining({ kind: "oneOf", column: "region", values: ["1", "2"] }));
  });
});

describe("isAllDistinct", () => {
  it("takes a column whose distinct estimate reaches its non-null count for a key", () => {
    expect(isAllDistinct(11_900_000, 11_692_459)).toBe(true);
    expect(isAllDistinct(9_800, 10_000)).toBe(true);
    // DuckDB's own estimate for 11.7 M distinct ids falls a tenth short.
    expect(isAllDistinct(10_599_658, 11_700_000)).toBe(true);
  });

  it("keeps listing common values when values repeat, or when there are none", () => {
    expect(isAllDistinct(50_000, 11_692_459)).toBe(false);
    expect(isAllDistinct(8_000, 10_000)).toBe(false);
    expect(isAllDistinct(0, 0)).toBe(false);
  });
});
