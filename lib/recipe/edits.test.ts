import { beforeEach, describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { editedColumns, editsInForce, editsOutside, editsReplaceSql, editValue, type CellEdit } from "./edits";
import { checkFlags } from "./checks";
import { compilePipeline, countsSql, pipelineNames, statementSql } from "./pipeline";
import { emptyRecipe, recipeSchema, type Recipe } from "./schema";

const COLUMNS = [
  { name: "id", type: "BIGINT" },
  { name: "email", type: "VARCHAR" },
  { name: "amount", type: "DOUBLE" },
];
const names = pipelineNames("run");
const edit = (row: number, column: string, from: string | null, to: string | null): CellEdit => ({ row, column, from, to, at: "2026-12-01T00:00:00Z" });
let db: Awaited<ReturnType<typeof freshDuckDb>>;

beforeEach(async () => {
  db = await freshDuckDb();
  await db.run(`CREATE TABLE staged AS SELECT * FROM (VALUES
    (1, 'a@x.org', 10.0), (2, NULL, 5.0), (3, 'c@x.org', -1.0), (2, 'd@x.org', 7.5)) v(id, email, amount)`);
});

const RULES: Recipe["rules"] = [
  { id: "email-required", kind: "required", column: "email", severity: "reject", enabled: true },
  { id: "id-unique", kind: "unique", column: "id", severity: "reject", enabled: true },
  { id: "amount-positive", kind: "range", column: "amount", min: "0", severity: "reject", enabled: true },
];

async function run(edits: CellEdit[]) {
  const compiled = compilePipeline("staged", COLUMNS, { ...emptyRecipe(), rules: RULES, edits }, names);
  if (!compiled.ok) throw new Error(compiled.problem.reason);
  for (const statement of compiled.statements) await db.run(statementSql(statement));
  await db.run(`CREATE OR REPLACE TABLE run_final AS ${compiled.finalSql}`);
  return (await db.rows(countsSql("staged", names, checkFlags(RULES))))[0]!;
}

describe("cell edits in a run", () => {
  it("are checked like the file's own values: fixed rows move from rejected to valid, and the counts reconcile", async () => {
    // Row 2 lacks an email and shares id 2 with row 4; row 3's amount is below 0.
    expect(await run([])).toMatchObject({ rows_in: 4, rejected: 3, transformed: 1 });
    const fixed = await run([edit(2, "email", null, "b@x.org"), edit(3, "amount", "-1.0", "1"), edit(4, "id", "2", "4")]);
    expect(fixed).toMatchObject({ rows_in: 4, rejected: 0, transformed: 4, final: 4 });
    expect(await db.rows("SELECT id, email, amount FROM run_final ORDER BY id")).toEqual([
      { id: 1, email: "a@x.org", amount: 10 },
      { id: 2, email: "b@x.org", amount: 5 },
      { id: 3, email: "c@x.org", amount: 1 },
      { id: 4, email: "d@x.org", amount: 7.5 },
    ]);
  });

  it("keep the last edit of a cell, and undoing it brings back the one before", async () => {
    const edits = [edit(4, "id", "2", "4"), edit(2, "email", null, ""), edit(2, "email", "", "b@x.org")];
    expect(editsInForce(edits)).toEqual([edits[0], edits[2]]);
    await run(edits);
    expect(await db.rows("SELECT email FROM run_final WHERE id = 2")).toEqual([{ email: "b@x.org" }]);
    await run(edits.slice(0, 2));
    expect(await db.rows("SELECT id, _errors FROM run_rejected ORDER BY _line")).toEqual([
      { id: 2, _errors: '"email" is required (value: )' },
      { id: 3, _errors: '"amount" must be at least 0 (value: -1.0)' },
    ]);
  });

  it("turn a value that does not fit the column's type into null, as a cast would (the editor refuses such values first)", async () => {
    expect(await run([edit(3, "amount", "-1.0", "lots")])).toMatchObject({ rejected: 2, transformed: 2 });
    expect(await db.rows("SELECT amount FROM run_final WHERE id = 3")).toEqual([{ amount: null }]);
  });

  it("name columns and values only as quoted SQL: an edit cannot splice SQL in", () => {
    const replace = editsReplaceSql(COLUMNS, [edit(1, "email", null, "x'); DROP TABLE staged; --")]);
    expect(replace).toContain("'x''); DROP TABLE staged; --'");
    expect(editsReplaceSql(COLUMNS, [edit(1, "not a column", null, "x")])).toBe("");
  });

  it("differ in SQL only by literals when only their rows and values differ: a check of the recipe holds for both", () => {
    const sqlOf = (edits: CellEdit[]) => {
      const compiled = compilePipeline("staged", COLUMNS, { ...emptyRecipe(), rules: RULES, edits }, names);
      if (!compiled.ok) throw new Error(compiled.problem.reason);
      // Quoted texts and numbers masked: what is left is what DuckDB's binder reads.
      return [...compiled.statements.map(statementSql), compiled.finalSql].join(";\n").replace(/'(?:[^']|'')*'/g, "'?'").replace(/\b\d+\b/g, "0");
    };
    const one = [edit(1, "email", null, "a@x.org"), edit(3, "amount", "-1", "1")];
    const other = [edit(4, "email", "d@x.org", "x'); DROP TABLE staged; --"), edit(2, "amount", "5", "5e3")];
    expect(sqlOf(other)).toBe(sqlOf(one));
    expect(sqlOf([edit(1, "id", "1", "7")])).not.toBe(sqlOf(one));
    expect(editedColumns(one)).toEqual(editedColumns(other));
    expect(editedColumns([edit(1, "email", null, "a"), edit(2, "amount", null, "1"), edit(3, "email", null, "b")])).toEqual(["amount", "email"]);
    expect(editedColumns(undefined)).toEqual([]);
  });

  it("report the cells the data does not have", () => {
    expect(editsOutside([edit(9, "email", null, "x"), edit(1, "nope", null, "x"), edit(1, "email", null, "x")], COLUMNS, 4).map((e) => [e.row, e.column])).toEqual([
      [9, "email"],
      [1, "nope"],
    ]);
  });

  it("travel in the recipe and are checked when it is loaded", () => {
    expect(recipeSchema.parse({ ...emptyRecipe(), edits: [edit(1, "email", null, "x")] }).edits).toHaveLength(1);
    expect(recipeSchema.safeParse({ ...emptyRecipe(), edits: [{ row: 0, column: "email", from: null, to: "x", at: "" }] }).success).toBe(false);
  });
});

describe("editValue", () => {
  it("keeps text as typed, turns an empty entry into null outside text, and refuses what the column's type cannot hold", () => {
    expect(editValue(" a b ", "VARCHAR")).toEqual({ value: " a b " });
    expect(editValue("", "VARCHAR")).toEqual({ value: "" });
    expect(editValue(" ", "BIGINT")).toEqual({ value: null });
    expect(editValue("42", "BIGINT")).toEqual({ value: "42" });
    expect(editValue("4.2", "BIGINT")).toEqual({ problem: "a whole number is needed here (BIGINT)" });
    expect(editValue("-4.2e3", "DOUBLE")).toEqual({ value: "-4.2e3" });
    expect(editValue("abc", "DECIMAL(10,2)")).toEqual({ problem: "a number is needed here (DECIMAL(10,2))" });
    expect(editValue("TRUE", "BOOLEAN")).toEqual({ value: "TRUE" });
    expect(editValue("2026-13", "DATE")).toEqual({ problem: "a date like 2026-12-01 is needed here" });
    expect(editValue("2026-12-01 10:00", "TIMESTAMP")).toEqual({ value: "2026-12-01 10:00" });
  });
});
