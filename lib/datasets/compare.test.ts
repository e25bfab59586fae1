import { describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { rowDiffSql, schemaDiff } from "./compare";

describe("schemaDiff", () => {
  it("lists added, removed and retyped columns", () => {
    expect(
      schemaDiff(
        [{ name: "id", type: "BIGINT" }, { name: "a", type: "VARCHAR" }, { name: "gone", type: "DATE" }],
        [{ name: "id", type: "BIGINT" }, { name: "a", type: "INTEGER" }, { name: "new", type: "DOUBLE" }],
      ),
    ).toEqual({ added: [{ name: "new", type: "DOUBLE" }], removed: [{ name: "gone", type: "DATE" }], retyped: [{ name: "a", from: "VARCHAR", to: "INTEGER" }] });
  });
});

describe("rowDiffSql", () => {
  it("counts rows only in either version, duplicates included", async () => {
    const db = await freshDuckDb();
    await db.run("CREATE TABLE v1 AS SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (2, 'b'), (3, 'c')) t(id, s)");
    await db.run("CREATE TABLE v2 AS SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (4, 'd'), (5, 'e')) t(id, s)");
    expect(await db.rows(rowDiffSql("v1", "v2", ["id", "s"]))).toEqual([{ only_before: 2, only_after: 2 }]);
  });
});
