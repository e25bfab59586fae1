import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRecipe, namedTables } from "@/workers/engine/sql-check";
import { wasmCheckDb } from "../duckdb-wasm-node";
import { fineRecipes, hostileRecipes } from "./corpus";

const COLUMNS = [
  { name: "id", type: "BIGINT" },
  { name: "email", type: "VARCHAR" },
  { name: "amount", type: "DOUBLE" },
];
const FILES = [{ sqlName: "customers", columns: [{ name: "id", type: "BIGINT" }, { name: "name", type: "VARCHAR" }] }];

let db: Awaited<ReturnType<typeof wasmCheckDb>>;
let decoy: Server;
let decoyUrl = "";
const requests: string[] = [];

beforeAll(async () => {
  db = await wasmCheckDb();
  decoy = createServer((req, res) => {
    requests.push(req.url ?? "");
    res.end("a,b\n1,2\n");
  });
  await new Promise<void>((resolve) => decoy.listen(0, "127.0.0.1", resolve));
  decoyUrl = `http://127.0.0.1:${(decoy.address() as AddressInfo).port}`;
});
afterAll(() => {
  db.close();
  decoy.close();
});

describe("the check database refuses every hostile recipe", () => {
  it.each(hostileRecipes("http://decoy.invalid").map((h) => [h.name, h]))("%s", async (_, { name }) => {
    const hostile = hostileRecipes(decoyUrl).find((h) => h.name === name)!;
    const checked = await checkRecipe(db, { recipe: hostile.recipe, columns: COLUMNS, files: FILES });
    expect(checked.ok, JSON.stringify(checked)).toBe(false);
    if (!checked.ok) expect(checked.error.at).toBeDefined();
  });

  it("and asked the decoy server for nothing", () => {
    expect(requests).toEqual([]);
  });
});

describe("the check database lets fine recipes through", () => {
  it.each(fineRecipes.map((f) => [f.name, f]))("%s", async (_, fine) => {
    const checked = await checkRecipe(db, { recipe: fine.recipe, columns: COLUMNS, files: FILES });
    expect(checked, JSON.stringify(checked)).toMatchObject({ ok: true });
  });

  it("checks a recipe over a table with lists and structs, as a JSON file stages them (a list of text once failed every run)", async () => {
    const plain = fineRecipes.find((f) => f.name === "plain SQL")!;
    const columns = [...COLUMNS, { name: "tags", type: "VARCHAR[]" }, { name: "geo", type: "STRUCT(lat DOUBLE, lon DOUBLE)" }];
    expect(await checkRecipe(db, { recipe: { ...plain.recipe, sql: null }, columns, files: FILES })).toEqual({ ok: true, value: { reads: [] } });
  });

  it("says which staged files the SQL stage reads, as DuckDB bound it", async () => {
    const join = fineRecipes.find((f) => f.name === "a join with another staged file")!;
    expect(await checkRecipe(db, { recipe: join.recipe, columns: COLUMNS, files: FILES })).toEqual({ ok: true, value: { reads: ["customers"] } });
    const plain = fineRecipes.find((f) => f.name === "plain SQL")!;
    expect(await checkRecipe(db, { recipe: plain.recipe, columns: COLUMNS, files: FILES })).toEqual({ ok: true, value: { reads: [] } });
  });

  it("pins a refusal to the part of the recipe that caused it, in words without the check's own names", async () => {
    const checked = await checkRecipe(db, {
      recipe: { version: 1, rules: [], steps: [{ kind: "filter", where: "amount > 0", enabled: true }, { kind: "filter", where: "nope > 1", enabled: true }], sql: null },
      columns: COLUMNS,
      files: FILES,
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.error.at).toEqual({ part: "step", index: 1 });
    expect(checked.error.message).toMatch(/nope/);
    expect(checked.error.message).not.toMatch(/k[0-9a-f]{32}/);
  });

  it("pins a rule's refusal to that rule, though the rules are bound together first", async () => {
    const rule = (id: string, sql: string) => ({ id, kind: "expression" as const, sql, severity: "reject" as const, enabled: true });
    const checked = await checkRecipe(db, { recipe: { version: 1, rules: [rule("a", "amount > 0"), rule("b", "nope = 1")], steps: [], sql: null }, columns: COLUMNS, files: FILES });
    expect(checked).toMatchObject({ ok: false, error: { at: { part: "rule", index: 1 }, message: expect.stringMatching(/nope/) } });
  });

  it("leaves nothing behind in the check database, whether the recipe passed or not", async () => {
    const left = () => db.run("SELECT (SELECT count(*) FROM duckdb_tables() WHERE NOT internal) + (SELECT count(*) FROM duckdb_views() WHERE NOT internal) + (SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'recipe') AS n");
    const before = await left();
    const join = fineRecipes.find((f) => f.name === "a join with another staged file")!;
    expect(await checkRecipe(db, { recipe: join.recipe, columns: COLUMNS, files: FILES })).toMatchObject({ ok: true });
    expect(await left()).toEqual(before);
    expect(await checkRecipe(db, { recipe: { ...join.recipe, sql: "SELECT nope FROM transformed" }, columns: COLUMNS, files: FILES })).toMatchObject({ ok: false });
    expect(await left()).toEqual(before);
    expect(await db.run("SELECT current_setting('search_path') AS path")).toEqual([{ path: "" }]);
  });

  it("does not let the SQL stage read the staged rows of its own file or other engine tables", async () => {
    const checked = await checkRecipe(db, { recipe: { version: 1, rules: [], steps: [], sql: "SELECT * FROM main.staged_abc" }, columns: COLUMNS, files: FILES });
    expect(checked).toMatchObject({ ok: false, error: { at: { part: "sql", index: 0 } } });
  });
});

describe("namedTables (the consent screen)", () => {
  it("lists what the SQL names, by DuckDB's parser", async () => {
    const join = fineRecipes.find((f) => f.name === "a join with another staged file")!;
    expect(await namedTables(db, join.recipe)).toEqual({ ok: true, value: expect.arrayContaining(["transformed", "customers"]) });
  });

  it("refuses a name that no SQL name can be: a file, a URL, a quoted name", async () => {
    for (const sql of ['SELECT * FROM "http://x/y.csv"', "SELECT * FROM 'y.parquet'", 'SELECT * FROM "odd name"']) {
      expect(await namedTables(db, { version: 1, rules: [], steps: [], sql }), sql).toMatchObject({ ok: false, error: { at: { part: "sql" } } });
    }
  });

  it("lists the files reference rules read, with or without SQL, each once", async () => {
    const rule = { id: "r", kind: "reference" as const, column: "id", file: "customers", field: "id", severity: "reject" as const, enabled: true };
    expect(await namedTables(db, { version: 1, rules: [rule], steps: [], sql: null })).toEqual({ ok: true, value: ["customers"] });
    const join = fineRecipes.find((f) => f.name === "a join with another staged file")!;
    const both = await namedTables(db, { ...join.recipe, rules: [rule, { ...rule, id: "s", column: "email", file: "people", field: "mail" }] });
    expect(both.ok && [...both.value].sort()).toEqual(["customers", "people", "transformed"]);
  });

  it("refuses a fragment that names a table", async () => {
    const hostile = hostileRecipes(decoyUrl).find((h) => h.name === "filter reads a URL as a table")!;
    expect(await namedTables(db, hostile.recipe)).toMatchObject({ ok: false, error: { at: { part: "step", index: 0 } } });
  });
});
