import { beforeEach, describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { finalRowsPageSql, finalRowsSpanSql } from "./final-view";
import { checkFlags, ruleCountsSql } from "./checks";
import { compilePipeline, countsSql, finalPrefix, pipelineNames, RECIPE_SCHEMA, statementSql, transformedViewSql } from "./pipeline";
import { emptyRecipe, type Recipe } from "./schema";

const COLUMNS = [
  { name: "id", type: "BIGINT" },
  { name: "email", type: "VARCHAR" },
  { name: "amount", type: "DOUBLE" },
];
const names = pipelineNames("run");
let db: Awaited<ReturnType<typeof freshDuckDb>>;

beforeEach(async () => {
  db = await freshDuckDb();
  await db.run(`CREATE TABLE staged AS SELECT * FROM (VALUES
    (1, 'a@x.org', 10.0), (2, NULL, 5.0), (3, 'c@x.org', -1.0), (4, 'd@x.org', 7.5), (5, 'bad', 3.0)) v(id, email, amount)`);
});

async function runPipeline(recipe: Recipe, columns = COLUMNS) {
  const compiled = compilePipeline("staged", columns, recipe, names);
  if (!compiled.ok) throw new Error(compiled.problem.reason);
  // As the engine does: a name written as a view now may be a table from the last run (duplicate removal), or the other way round.
  const views = new Set((await db.rows("SELECT view_name AS v FROM duckdb_views()")).map((r) => r.v));
  for (const { target, kind } of compiled.statements) {
    if (kind === "TABLE" && views.has(target)) await db.run(`DROP VIEW ${target}`);
    if (kind === "VIEW" && !views.has(target)) await db.run(`DROP TABLE IF EXISTS ${target}`);
  }
  for (const statement of compiled.statements) await db.run(statementSql(statement));
  await db.run(`CREATE SCHEMA IF NOT EXISTS ${RECIPE_SCHEMA}; ${transformedViewSql(names)}; SET search_path = '${RECIPE_SCHEMA}'`);
  await db.run(finalPrefix(names) + compiled.finalSql);
  await db.run("RESET search_path");
  return compiled;
}

const recipe: Recipe = {
  ...emptyRecipe(),
  rules: [
    { id: "email-required", kind: "required", column: "email", severity: "reject", enabled: true },
    { id: "email-shape", kind: "pattern", column: "email", pattern: "@", severity: "reject", enabled: true },
    { id: "amount-positive", kind: "range", column: "amount", min: "0", severity: "warn", enabled: true },
  ],
  steps: [
    { kind: "filter", where: "amount < 9", enabled: true },
    { kind: "rename", from: "amount", to: "total", enabled: true },
  ],
};

describe("compilePipeline", () => {
  it("splits rows into final and rejected, and the counts reconcile", async () => {
    await runPipeline(recipe);
    const [counts] = await db.rows(countsSql("staged", names, checkFlags(recipe.rules)));
    expect(counts).toEqual({ rows_in: 5, rejected_by_rules: 2, warned: 1, rejected: 3, transformed: 2, final: 2 });
    expect(counts!.rows_in).toBe((counts!.rejected as number) + (counts!.transformed as number));
    expect(await db.rows(`SELECT * FROM run_final`)).toEqual([
      { id: 3, email: "c@x.org", total: -1 },
      { id: 4, email: "d@x.org", total: 7.5 },
    ]);
  });

  it("runs over a column named like a lambda's parameter (e): DuckDB binds a column before a parameter", async () => {
    await db.run(`CREATE OR REPLACE TABLE staged AS SELECT * FROM (VALUES (1, NULL, 5.0, 'x'), (2, 'b@x.org', 7.0, 'y')) v(id, email, amount, e)`);
    await runPipeline({ ...recipe, steps: [] }, [...COLUMNS, { name: "e", type: "VARCHAR" }]);
    expect(await db.rows(`SELECT id, e FROM run_rejected`)).toMatchObject([{ id: 1, e: "x" }]);
    const [counts] = await db.rows(countsSql("staged", names, checkFlags(recipe.rules)));
    expect(counts).toMatchObject({ rows_in: 2, rejected: 1, final: 1 });
  });

  it("looks for rows removed by steps only when a step can remove rows; the counts reconcile either way", async () => {
    const renameOnly = await runPipeline({ ...recipe, steps: [recipe.steps[1]!] });
    // The anti join holds every row number in a hash table: at 23 M rows it ran DuckDB-WASM out of memory.
    expect(renameOnly.statements.some((s) => /ANTI JOIN/.test(s.select))).toBe(false);
    const [counts] = await db.rows(countsSql("staged", names, checkFlags(recipe.rules)));
    expect(counts).toMatchObject({ rows_in: 5, rejected: 2, transformed: 3, final: 3 });
    const filtered = await runPipeline(recipe);
    expect(filtered.statements.some((s) => /ANTI JOIN/.test(s.select))).toBe(true);
    expect((await db.rows(`SELECT _line FROM run_rejected`)).map((r) => r._line)).toEqual([2, 3, 6]);
  });

  it("keeps the staged order in the final rows, without a sort, and after duplicate removal too", async () => {
    // Rows that a dedupe window would put in key order, not file order.
    await db.run(`CREATE OR REPLACE TABLE staged AS SELECT * FROM (VALUES
      (9, 'z@x.org', 1.0), (1, 'a@x.org', 2.0), (9, 'z@x.org', 1.0), (5, 'm@x.org', 3.0), (1, 'a@x.org', 2.0), (3, 'c@x.org', 4.0)) v(id, email, amount)`);
    const unique = { ...recipe, rules: [{ id: "u", kind: "unique" as const, column: "id", severity: "warn" as const, enabled: true }] };
    const plain = await runPipeline({ ...unique, steps: [] });
    expect(plain.finalSql).not.toMatch(/ORDER BY/);
    expect((await db.rows(`SELECT id FROM run_final`)).map((r) => r.id)).toEqual([9, 1, 9, 5, 1, 3]);
    await runPipeline({ ...unique, steps: [{ kind: "dedupe", enabled: true }] });
    expect((await db.rows(`SELECT id FROM run_final`)).map((r) => r.id)).toEqual([9, 1, 5, 3]);
    expect(await db.rows(`SELECT _stages_line AS line, id FROM run_validated WHERE len(_stages_errors) > 0`)).toEqual([
      { line: 2, id: 9 },
      { line: 3, id: 1 },
      { line: 4, id: 9 },
      { line: 6, id: 1 },
    ]);
  });

  it("fills a column down from the row above in the file, also where that row was rejected or filtered out, and keeps the file's order", async () => {
    // A report's regions, each written on its group's first row only; the South group's first row breaks a rule.
    await db.run(`CREATE OR REPLACE TABLE staged AS SELECT * FROM (VALUES
      ('North', 'a@x.org', 10.0), (NULL, 'b@x.org', 5.0), ('South', 'bad', 3.0), ('', 'd@x.org', 7.5), (NULL, 'e@x.org', 1.0), ('East', 'f@x.org', 2.0)) v(region, email, amount)`);
    const columns = [{ name: "region", type: "VARCHAR" }, ...COLUMNS.slice(1)];
    const rules = [{ id: "email-shape", kind: "pattern" as const, column: "email", pattern: "@", severity: "reject" as const, enabled: true }];
    const steps = [
      { kind: "filter" as const, where: "amount <> 1", enabled: true },
      { kind: "fillDown" as const, column: "region", enabled: true },
    ];
    await runPipeline({ ...emptyRecipe(), rules, steps }, columns);
    expect(await db.rows(`SELECT region, email FROM run_final`)).toEqual([
      { region: "North", email: "a@x.org" },
      { region: "North", email: "b@x.org" },
      { region: "South", email: "d@x.org" },
      { region: "East", email: "f@x.org" },
    ]);
    const [counts] = await db.rows(countsSql("staged", names, checkFlags(rules)));
    expect(counts).toMatchObject({ rows_in: 6, rejected: 2, transformed: 4, final: 4 });
    // Steps that change the column first would make the values above differ from the values filled: refused, naming why.
    const trimmed = compilePipeline("staged", columns, { ...emptyRecipe(), steps: [{ kind: "trim", column: "region", enabled: true }, steps[1]!] }, names);
    expect(trimmed.ok || trimmed.problem).toMatchObject({ where: "step", index: 1, reason: expect.stringContaining('put it before the steps that make or change "region"') });
  });

  it("keeps rejected rows with their line and every reason", async () => {
    await runPipeline(recipe);
    expect(await db.rows(`SELECT _line, id, _errors FROM run_rejected`)).toEqual([
      { _line: 2, id: 1, _errors: "Removed by a transform step (a filter or duplicate removal)" },
      { _line: 3, id: 2, _errors: '"email" is required (value: empty)' },
      { _line: 6, id: 5, _errors: '"email" must match @ (value: bad)' },
    ]);
    expect(await db.rows(ruleCountsSql(names.checks, checkFlags(recipe.rules)))).toEqual([
      { rule: "amount-positive", severity: "warn", n: 1 },
      { rule: "email-required", severity: "reject", n: 1 },
      { rule: "email-shape", severity: "reject", n: 1 },
    ]);
  });

  it("keeps the rows a rule rejects, with their reasons in _errors, when the recipe says to include them", async () => {
    await runPipeline({ ...recipe, onErrors: "include" });
    const [counts] = await db.rows(countsSql("staged", names, checkFlags(recipe.rules)));
    // The filter (amount < 9) still removes row 1; rows 2 and 5 go on with their errors.
    expect(counts).toEqual({ rows_in: 5, rejected_by_rules: 2, warned: 1, rejected: 1, transformed: 4, final: 4 });
    expect(await db.rows(`SELECT id, total, _errors FROM run_final`)).toEqual([
      { id: 2, total: 5, _errors: '"email" is required (value: empty)' },
      { id: 3, total: -1, _errors: null },
      { id: 4, total: 7.5, _errors: null },
      { id: 5, total: 3, _errors: '"email" must match @ (value: bad)' },
    ]);
    expect(await db.rows(`SELECT _line, _errors FROM run_rejected`)).toEqual([{ _line: 2, _errors: "Removed by a transform step (a filter or duplicate removal)" }]);
  });

  it("runs the recipe's SQL over the transformed rows", async () => {
    await runPipeline({ ...recipe, sql: "SELECT count(*) AS n, sum(total) AS s FROM transformed;" });
    expect(await db.rows(`SELECT * FROM run_final`)).toEqual([{ n: 2, s: 6.5 }]);
  });

  it("with an empty recipe, final is the staged data in order", async () => {
    await runPipeline(emptyRecipe());
    expect((await db.rows(`SELECT id FROM run_final`)).map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
  });

  // What the SQL reads is decided by DuckDB's binder in the check database (test/hostile-recipes); the compiler keeps the shape.
  it("refuses a fragment that would leave its place in the statement, and a second statement, naming where it is", () => {
    const filter = { ...emptyRecipe(), steps: [{ kind: "filter", where: "1=1) OR (1=1", enabled: true }] } as Recipe;
    expect(compilePipeline("staged", COLUMNS, filter, names)).toMatchObject({ ok: false, problem: { where: "step", index: 0 } });
    const two = { ...emptyRecipe(), sql: "SELECT * FROM transformed; ATTACH 'x.db'" };
    expect(compilePipeline("staged", COLUMNS, two, names)).toMatchObject({ ok: false, problem: { where: "sql", reason: expect.stringMatching(/one query/) } });
  });

  it("keeps a trailing -- comment in a fragment from swallowing the rest of the statement", async () => {
    const commented = { ...emptyRecipe(), steps: [{ kind: "filter", where: "amount < 9 -- small ones", enabled: true }] } as Recipe;
    await runPipeline(commented);
    expect((await db.rows("SELECT id FROM run_final ORDER BY id")).map((r) => r.id)).toEqual([2, 3, 4, 5]);
  });

  it("names the rule or step that cannot compile", () => {
    const bad = { ...emptyRecipe(), rules: [{ id: "x", kind: "required", column: "nope", severity: "reject", enabled: true }] } as Recipe;
    expect(compilePipeline("staged", COLUMNS, bad, names)).toMatchObject({ ok: false, problem: { where: "rule", index: 0 } });
  });
});

describe("pass-through runs", () => {
  const warnOnly: Recipe = {
    ...emptyRecipe(),
    rules: [{ id: "amount-positive", kind: "range", column: "amount", min: "0", severity: "warn", enabled: true }],
    steps: [
      { kind: "case", column: "email", to: "upper", enabled: true },
      { kind: "rename", from: "amount", to: "total", enabled: true },
    ],
  };

  it("when no row can be rejected, removed or fail, the final rows are a view of the staged rows with the same rows as the table, paged by the staged row id", async () => {
    const compiled = await runPipeline(warnOnly);
    expect(compiled.finalView?.rows).toBeNull();
    await db.run(`CREATE VIEW passed AS ${compiled.finalView!.sql}`);
    expect(await db.rows("SELECT * EXCLUDE (_stages_page) FROM passed")).toEqual(await db.rows("SELECT * FROM run_final"));
    expect(await db.rows("SELECT _stages_page AS page, id FROM passed WHERE _stages_page >= 3 AND _stages_page < 5 ORDER BY _stages_page")).toEqual([
      { page: 3, id: 4 },
      { page: 4, id: 5 },
    ]);
    expect(await db.rows("SELECT count(*) AS n FROM run_rejected")).toEqual([{ n: 0 }]);
  });

  it("not when a step may drop rows or fail on a value, or SQL reshapes the rows", () => {
    const compile = (r: Recipe) => compilePipeline("staged", COLUMNS, r, names);
    const passThrough = (r: Recipe) => {
      const c = compile(r);
      return c.ok ? c.finalView : "did not compile";
    };
    expect(passThrough({ ...warnOnly, steps: [{ kind: "filter", where: "id > 1", enabled: true }] })).toBeNull();
    expect(passThrough({ ...warnOnly, steps: [{ kind: "cast", column: "id", type: "INTEGER", enabled: true }] })).toBeNull();
    expect(passThrough({ ...warnOnly, steps: [{ kind: "derive", name: "x", expression: "id * 2", enabled: true }] })).toBeNull();
    expect(passThrough({ ...warnOnly, sql: "SELECT * FROM transformed" })).toBeNull();
    expect(passThrough({ ...warnOnly, steps: [{ kind: "filter", where: "id > 1", enabled: false }] })).not.toBeNull();
  });
});

describe("final views of the rows no rule rejected", () => {
  const rejecting: Recipe = { ...recipe, steps: [{ kind: "case", column: "email", to: "upper", enabled: true }] };

  it("hold the same rows as the final table, and page through their table of staged row ids", async () => {
    const compiled = await runPipeline(rejecting);
    const view = compiled.finalView!;
    expect(view.rows?.target).toBe(names.finalRows);
    await db.run(statementSql(view.rows!));
    await db.run(`CREATE VIEW kept AS ${view.sql}`);
    expect(await db.rows("SELECT * EXCLUDE (_stages_page) FROM kept")).toEqual(await db.rows("SELECT * FROM run_final"));
    // Rows 2 and 5 are rejected: the final rows are staged rows 0, 2, 3 (ids 1, 3, 4); a page of two from the second.
    const [span] = await db.rows(finalRowsSpanSql(names, 1, 2));
    expect(span).toEqual({ lo: 2, hi: 3 });
    const page = finalRowsPageSql("staged", COLUMNS, rejecting, names, "id, email", { offset: 1, limit: 2, lo: 2, hi: 3 });
    expect(await db.rows(page)).toEqual([
      { id: 3, email: "C@X.ORG" },
      { id: 4, email: "D@X.ORG" },
    ]);
    const [past] = await db.rows(finalRowsSpanSql(names, 10, 2));
    expect(past).toEqual({ lo: null, hi: null });
  });

  it("show cells edited by hand, as the final table does", async () => {
    // Row 2's missing email is filled: it passes now; row 4's email is edited too.
    const edits = [
      { row: 2, column: "email", from: null, to: "b@x.org", at: "t" },
      { row: 4, column: "email", from: "d@x.org", to: "dd@x.org", at: "t" },
    ];
    const edited = { ...rejecting, edits };
    const compiled = await runPipeline(edited);
    const view = compiled.finalView!;
    await db.run(statementSql(view.rows!));
    await db.run(`CREATE VIEW kept AS ${view.sql}`);
    expect(await db.rows("SELECT * EXCLUDE (_stages_page) FROM kept")).toEqual(await db.rows("SELECT * FROM run_final"));
    expect((await db.rows("SELECT email FROM run_final")).map((r) => r.email)).toEqual(["A@X.ORG", "B@X.ORG", "C@X.ORG", "DD@X.ORG"]);
    const [span] = await db.rows(finalRowsSpanSql(names, 1, 3));
    const page = finalRowsPageSql("staged", COLUMNS, edited, names, "id, email", { offset: 1, limit: 3, lo: Number(span!.lo), hi: Number(span!.hi) });
    expect(await db.rows(page)).toEqual([
      { id: 2, email: "B@X.ORG" },
      { id: 3, email: "C@X.ORG" },
      { id: 4, email: "DD@X.ORG" },
    ]);
  });
});
