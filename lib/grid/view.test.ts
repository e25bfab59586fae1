import { beforeAll, describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { pageSql, viewSql, type GridView } from "./view";

const COLUMNS = [
  { name: "id", type: "BIGINT" },
  { name: "name", type: "VARCHAR" },
  { name: "score", type: "DOUBLE" },
];
let db: Awaited<ReturnType<typeof freshDuckDb>>;

beforeAll(async () => {
  db = await freshDuckDb();
  await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES (1, 'Ada', 9.5), (2, 'bob', NULL), (3, '50%_off', 2.0), (4, '', 7.0), (10, 'Bobby', 1.0)) v(id, name, score)`);
});

async function ids(view: GridView): Promise<number[]> {
  const compiled = viewSql("t", COLUMNS, view);
  if ("error" in compiled) throw new Error(compiled.error);
  return (await db.rows(compiled.sql)).map((r) => r.id as number);
}

describe("viewSql", () => {
  it("sorts either way with NULLs last", async () => {
    expect(await ids({ sort: { column: "score", descending: true }, conditions: [] })).toEqual([1, 4, 3, 10, 2]);
    expect(await ids({ sort: { column: "score", descending: false }, conditions: [] })).toEqual([10, 3, 4, 1, 2]);
  });

  it("searches every column, case-insensitively, taking % and _ literally", async () => {
    expect(await ids({ search: "bob", conditions: [] })).toEqual([2, 10]);
    expect(await ids({ search: "%_", conditions: [] })).toEqual([3]);
    expect(await ids({ search: "1", conditions: [] })).toEqual([1, 10]);
  });

  it("applies per-column conditions, numeric where the column is", async () => {
    expect(await ids({ conditions: [{ column: "id", op: ">=", value: "3" }] })).toEqual([3, 4, 10]);
    expect(await ids({ conditions: [{ column: "name", op: "contains", value: "OB" }] })).toEqual([2, 10]);
    expect(await ids({ conditions: [{ column: "name", op: "is empty", value: "" }] })).toEqual([4]);
    expect(await ids({ conditions: [{ column: "score", op: "is empty", value: "" }, { column: "id", op: "!=", value: "9" }] })).toEqual([2]);
    expect(await ids({ conditions: [{ column: "name", op: "=", value: "Ada" }] })).toEqual([1]);
  });

  it("refuses columns the data lacks", () => {
    expect(viewSql("t", COLUMNS, { sort: { column: "nope", descending: false }, conditions: [] })).toEqual({ error: 'There is no column "nope".' });
  });
});

describe("pageSql", () => {
  it("pages by row id over a view materialized in order", async () => {
    const compiled = viewSql("t", COLUMNS, { sort: { column: "id", descending: true }, conditions: [] });
    if ("error" in compiled) throw new Error(compiled.error);
    await db.run(`CREATE TABLE v AS ${compiled.sql}`);
    expect((await db.rows(pageSql("v", "id", 1, 2))).map((r) => r.id)).toEqual([4, 3]);
  });
});
