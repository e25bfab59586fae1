import { beforeAll, describe, expect, it } from "vitest";
import type { Recipe, Rule } from "@/lib/recipe/schema";
import { checkRecipe, type CheckDb } from "@/workers/engine/sql-check";
import { wasmCheckDb } from "../duckdb-wasm-node";

/**
 * A check keeps what it bound the rules in for the next check with the same rules over the same tables
 * (workers/engine/sql-check.ts): what changed is bound, and what did not stays as it was checked.
 */
const COLUMNS = [
  { name: "id", type: "BIGINT" },
  { name: "email", type: "VARCHAR" },
];
const rules: Rule[] = [
  { id: "r1", kind: "required", column: "email", severity: "reject", enabled: true },
  { id: "r2", kind: "expression", sql: "id > 0", severity: "reject", enabled: true },
];
const recipe = (parts: Partial<Recipe>): Recipe => ({ version: 1, rules, steps: [], sql: null, ...parts });

let db: Awaited<ReturnType<typeof wasmCheckDb>>;
const statements: string[] = [];
let counted: CheckDb;
beforeAll(async () => {
  db = await wasmCheckDb();
  counted = { ...db, exec: (sql) => (statements.push(sql), db.exec(sql)), run: (sql) => (statements.push(sql), db.run(sql)) };
});
const check = (r: Recipe, columns = COLUMNS) => checkRecipe(counted, { recipe: r, columns, files: [] });
const created = (what: RegExp) => statements.filter((s) => what.test(s)).length;

describe("a check after one with the same rules", () => {
  it("binds the steps and the SQL stage alone, over the rules it kept", async () => {
    expect(await check(recipe({ sql: "SELECT count(*) FROM transformed" }))).toMatchObject({ ok: true });
    statements.length = 0;
    expect(await check(recipe({ steps: [{ kind: "trim", column: "email", enabled: true }], sql: "SELECT email FROM transformed" }))).toMatchObject({ ok: true });
    expect(created(/CREATE TABLE "k\w+_staged"/)).toBe(0);
    expect(created(/CREATE TABLE "k\w+_(checks|validated|valid)"/)).toBe(0);
    expect(created(/CREATE TABLE "k\w+_transformed"/)).toBe(1);
  });

  it("still refuses SQL that reads a file, and a step that reads one", async () => {
    await check(recipe({}));
    const sql = await check(recipe({ sql: "SELECT * FROM read_csv('/etc/passwd')" }));
    expect(sql.ok).toBe(false);
    if (!sql.ok) expect(sql.error.at).toEqual({ part: "sql", index: 0 });
    const step = await check(recipe({ steps: [{ kind: "derive", name: "x", expression: "(SELECT count(*) FROM 'data.csv')", enabled: true }] }));
    expect(step.ok).toBe(false);
    if (!step.ok) expect(step.error.message).not.toMatch(/k[0-9a-f]{32}/);
  });

  it("binds everything again when a rule or a column changes, and refuses a rule that does not bind", async () => {
    await check(recipe({}));
    statements.length = 0;
    const broken = await check({ ...recipe({}), rules: [...rules, { id: "r3", kind: "expression", sql: "nope > 1", severity: "reject", enabled: true }] });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.at).toEqual({ part: "rule", index: 2 });
    expect(created(/CREATE TABLE "k\w+_staged"/)).toBe(1);
    // The set kept before the broken rules is kept still, and a recipe with other columns is bound whole.
    statements.length = 0;
    expect(await check(recipe({}))).toMatchObject({ ok: true });
    expect(created(/CREATE TABLE "k\w+_staged"/)).toBe(0);
    expect(await check(recipe({}), [...COLUMNS, { name: "amount", type: "DOUBLE" }])).toMatchObject({ ok: true });
    expect(created(/CREATE TABLE "k\w+_staged"/)).toBe(1);
  });

  it("leaves no more than one set of kept tables in the check database", async () => {
    for (const extra of ["a", "b", "c"]) await check(recipe({}), [...COLUMNS, { name: extra, type: "VARCHAR" }]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const tables = await db.run("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'k%_staged'");
    expect(tables).toEqual([{ n: 1 }]);
  });
});
