import { beforeEach, describe, expect, it } from "vitest";
import { freshDuckDb } from "@/test/duckdb-node";
import { checkFlags, ruleCountsSql, validationSql } from "./checks";
import type { CellEdit } from "./edits";
import { compilePipeline, countsSql, pipelineNames, statementSql } from "./pipeline";
import { editsChangedBetween, keptFromLastRun, recheckSql } from "./recheck";
import { emptyRecipe, type Recipe, type Rule, type Step } from "./schema";

const COLUMNS = [
  { name: "id", type: "BIGINT" },
  { name: "email", type: "VARCHAR" },
  { name: "team", type: "VARCHAR" },
  { name: "amount", type: "DOUBLE" },
];
const rule = (r: Record<string, unknown>): Rule => ({ severity: "reject", enabled: true, ...r }) as Rule;
const RULES: Rule[] = [
  rule({ id: "id-unique", kind: "unique", column: "id" }),
  rule({ id: "email-required", kind: "required", column: "email" }),
  rule({ id: "amount-range", kind: "range", column: "amount", min: "0", severity: "warn" }),
  rule({ id: "pair-unique", kind: "uniqueKey", columns: ["team", "email"] }),
  rule({ id: "small", kind: "expression", sql: "amount < 100" }),
];
const edit = (row: number, column: string, to: string | null): CellEdit => ({ row, column, from: null, to, at: "2026-12-01T00:00:00Z" });

let db: Awaited<ReturnType<typeof freshDuckDb>>;

beforeEach(async () => {
  db = await freshDuckDb();
  // Row 2's email spans two lines; ids 3 repeat; team/email pairs (a, x@y) repeat.
  await db.run(`CREATE TABLE staged AS SELECT * FROM (VALUES
    (1, 'x@y', 'a', 5.0), (2, 'p' || chr(10) || 'q', 'b', -1.0), (3, NULL, 'a', 7.0), (3, 'z@y', NULL, 200.0),
    (5, 'x@y', 'a', 1.0), (6, 'w@y', 'c', 2.0), (7, 'v@y', NULL, 3.0), (8, 'v@y', NULL, 4.0)) v(id, email, team, amount)`);
});

const checksWith = (edits: CellEdit[]) => validationSql('"staged"', RULES, COLUMNS, { edits });
const table = async (name: string) => db.rows(`SELECT rowid AS position, * FROM ${name} ORDER BY rowid`);

/** The checks written with `before` and brought up to `after` by recheckSql, beside those written with `after` from scratch. */
async function both(before: CellEdit[], after: CellEdit[]) {
  await db.run(`CREATE OR REPLACE TABLE checks AS ${checksWith(before)}`);
  const recheck = recheckSql("checks", '"staged"', RULES, COLUMNS, before, after);
  if (recheck) {
    await db.run(`CREATE OR REPLACE TABLE patch AS ${recheck.patch}`);
    await db.run(recheck.update("patch"));
  }
  await db.run(`CREATE OR REPLACE TABLE fresh AS ${checksWith(after)}`);
  return { update: recheck?.update("patch"), rechecked: await table("checks"), fresh: await table("fresh") };
}

describe("recheckSql", () => {
  it("brings the checks of an edited row up to date in place, in the table's order", async () => {
    const { update, rechecked, fresh } = await both([], [edit(3, "email", "n@y"), edit(2, "amount", "4")]);
    expect(update).toMatch(/^UPDATE/);
    expect(rechecked).toEqual(fresh);
    // Row 3 now has an email (it still repeats id 3); row 2's amount is no longer negative.
    expect(rechecked[2]).toMatchObject({ _stages_row: 3, _stages_line: 5, _stages_fail_1: false, _stages_fail_0: true });
    expect(rechecked[1]).toMatchObject({ _stages_fail_2: false });
  });

  it("a key edited into a repeat fails both rows; edited back, both pass again", async () => {
    const repeat = await both([], [edit(6, "id", "1")]);
    expect(repeat.rechecked).toEqual(repeat.fresh);
    expect(repeat.rechecked.filter((r) => r._stages_fail_0).map((r) => r._stages_row)).toEqual([1, 3, 4, 6]);
    const undone = await both([edit(6, "id", "1")], []);
    expect(undone.rechecked).toEqual(undone.fresh);
    expect(undone.rechecked.filter((r) => r._stages_fail_0).map((r) => r._stages_row)).toEqual([3, 4]);
  });

  it("a repeat edited away frees the row it repeated, on a key of two columns with empty values", async () => {
    // (a, x@y) repeats on rows 1 and 5; (NULL, v@y) on rows 7 and 8, NULLs equal.
    const { rechecked, fresh } = await both([edit(2, "team", "b")], [edit(2, "team", "b"), edit(5, "team", "d"), edit(8, "email", "u@y")]);
    expect(rechecked).toEqual(fresh);
    expect(rechecked.filter((r) => r._stages_fail_3).map((r) => r._stages_row)).toEqual([]);
  });

  it("does nothing when the edits in force are the same", async () => {
    const same = [edit(1, "amount", "3"), edit(1, "amount", "9")];
    expect(recheckSql("checks", '"staged"', RULES, COLUMNS, same, [edit(1, "amount", "9")])).toBeNull();
  });
});

describe("editsChangedBetween", () => {
  it("lists the rows and columns whose edits in force differ, added, changed or undone", () => {
    const before = [edit(1, "id", "9"), edit(2, "email", "a"), edit(4, "team", "t")];
    const after = [edit(1, "id", "9"), edit(2, "email", "b"), edit(3, "amount", null)];
    expect(editsChangedBetween(before, after)).toEqual({ rows: [2, 3, 4], columns: ["email", "team", "amount"] });
  });
});

describe("a run after another with the same rules", () => {
  /** Runs the recipe as the engine does after `last`, keeping what it may of it; what a run leaves for the grids and the counts. */
  async function run(prefix: string, recipe: Recipe, last?: Recipe) {
    const names = pipelineNames(prefix);
    const compiled = compilePipeline("staged", COLUMNS, recipe, names, last ? keptFromLastRun(last, recipe) : {});
    if (!compiled.ok) throw new Error(compiled.problem.reason);
    for (const statement of compiled.statements) await db.run(statementSql(statement));
    await db.run(`CREATE OR REPLACE TABLE ${prefix}_final AS ${compiled.finalSql}`);
    const flags = checkFlags(recipe.rules);
    return {
      statements: compiled.statements.map((s) => s.target),
      checks: await table(`${prefix}_checks`),
      rejected: await table(`${prefix}_rejected`),
      final: await db.rows(`SELECT * FROM ${prefix}_final`),
      counts: await db.rows(countsSql("staged", names, flags)),
      rules: await db.rows(ruleCountsSql(names.checks, flags)),
    };
  }
  const steps: Step[] = [{ kind: "filter", where: "amount < 100", enabled: true }];

  for (const [label, recipe] of [
    ["rules alone: the rejected rows are patched too", { ...emptyRecipe(), rules: RULES }],
    ["a step that removes rows: the rejected rows are listed again", { ...emptyRecipe(), rules: RULES, steps }],
  ] as const) {
    it(`ends where a full run ends, checking only the edited rows (${label})`, async () => {
      const first = [edit(7, "team", "t")];
      const next = [...first, edit(3, "email", "n@y"), edit(6, "id", "1"), edit(4, "amount", "50")];
      await run("inc", { ...recipe, edits: first });
      const incremental = await run("inc", { ...recipe, edits: next }, { ...recipe, edits: first });
      const full = await run("full", { ...recipe, edits: next });
      expect(incremental.statements).toContain("inc_patch");
      expect(incremental.statements).not.toContain("full_checks");
      expect({ ...incremental, statements: [] }).toEqual({ ...full, statements: [] });
      expect(incremental.rejected.length).toBeGreaterThan(0);
    });
  }

  it("stays where a full run ends over a chain of random edits and undos", async () => {
    // A fixed seed: the same chain every run, from values that make repeats and break rules.
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const values: Record<string, (string | null)[]> = { id: ["1", "3", "5", "9", null], email: ["x@y", "v@y", null, ""], team: ["a", "b", null], amount: ["-3", "5", "150"] };
    const recipe = { ...emptyRecipe(), rules: RULES };
    let edits: CellEdit[] = [];
    await run("inc", { ...recipe, edits });
    for (let k = 0; k < 25; k++) {
      const before = edits;
      // An undo, or one to three cells at once (as a bulk fix makes them).
      const cells = Array.from({ length: 1 + random(3) }, () => {
        const column = COLUMNS[random(COLUMNS.length)]!.name;
        return edit(1 + random(8), column, values[column]![random(values[column]!.length)]!);
      });
      edits = random(4) === 0 && edits.length ? edits.slice(0, -1) : [...edits, ...cells];
      const incremental = await run("inc", { ...recipe, edits }, { ...recipe, edits: before });
      const full = await run("full", { ...recipe, edits });
      expect({ ...incremental, statements: [] }, `after edit ${k}`).toEqual({ ...full, statements: [] });
    }
  });

  it("keeps the checks when a step changed, and lists the rejected rows again", async () => {
    const before = { ...emptyRecipe(), rules: RULES, edits: [edit(7, "team", "t")] };
    await run("inc", before);
    const after = { ...before, steps: [{ kind: "filter" as const, where: "id <> 6", enabled: true }], edits: [...before.edits, edit(5, "amount", "150")] };
    const incremental = await run("inc", after, before);
    const full = await run("full", after);
    expect(incremental.statements.slice(0, 2)).toEqual(["inc_patch", "inc_checks"]);
    expect(incremental.statements).toContain("inc_rejected");
    expect({ ...incremental, statements: [] }).toEqual({ ...full, statements: [] });
    expect(incremental.rejected.some((r) => String(r._errors).startsWith("Removed by a transform step"))).toBe(true);
  });

  it("keeps the rejected rows when only a step that removes no rows changed, patched for the edits", async () => {
    const before = { ...emptyRecipe(), rules: RULES, edits: [edit(7, "team", "t")] };
    await run("inc", before);
    const trim: Step[] = [{ kind: "case", column: "team", to: "upper", enabled: true }];
    const same = await run("inc", { ...before, steps: trim }, before);
    expect(same.statements).not.toContain("inc_rejected");
    const after = { ...before, steps: trim, edits: [...before.edits, edit(5, "amount", "150")] };
    const incremental = await run("inc", after, { ...before, steps: trim });
    const full = await run("full", after);
    expect(incremental.statements).toContain("inc_rejected");
    expect({ ...incremental, statements: [] }).toEqual({ ...full, statements: [] });
    expect(incremental.rejected.length).toBeGreaterThan(0);
  });

  it("writes neither checks nor rejected rows when the edits in force did not change", async () => {
    const edits = [edit(2, "amount", "3")];
    await run("inc", { ...emptyRecipe(), rules: RULES, edits });
    const again = await run("inc", { ...emptyRecipe(), rules: RULES, edits: [...edits, edit(2, "amount", "3")] }, { ...emptyRecipe(), rules: RULES, edits });
    expect(again.statements).not.toContain("inc_checks");
    expect(again.statements).not.toContain("inc_rejected");
  });
});

describe("keptFromLastRun", () => {
  it("keeps the checks of the same rules, their rejected rows while no step removes rows, and the columns when only the edits differ", () => {
    const last = { ...emptyRecipe(), rules: RULES, edits: [edit(1, "id", "2")] };
    const filter: Step = { kind: "filter", where: "id > 1", enabled: true };
    const trim: Step = { kind: "trim", column: "team", enabled: true };
    expect(keptFromLastRun(last, { ...last, edits: [] })).toEqual({ editedSince: last.edits, onlyEditsChanged: true, rejectedKept: true });
    expect(keptFromLastRun(last, { ...last, sql: "SELECT 1" })).toEqual({ editedSince: last.edits, onlyEditsChanged: false, rejectedKept: true });
    expect(keptFromLastRun(last, { ...last, steps: [trim] })).toEqual({ editedSince: last.edits, onlyEditsChanged: false, rejectedKept: true });
    expect(keptFromLastRun(last, { ...last, steps: [filter] })).toEqual({ editedSince: last.edits, onlyEditsChanged: false, rejectedKept: false });
    expect(keptFromLastRun({ ...last, steps: [filter] }, last)).toEqual({ editedSince: last.edits, onlyEditsChanged: false, rejectedKept: false });
    expect(keptFromLastRun({ ...last, steps: [filter] }, { ...last, steps: [filter], edits: [] })).toEqual({ editedSince: last.edits, onlyEditsChanged: true, rejectedKept: true });
    expect(keptFromLastRun(last, { ...last, onErrors: "include" })).toEqual({ editedSince: last.edits, onlyEditsChanged: false, rejectedKept: false });
    expect(keptFromLastRun(last, { ...last, rules: RULES.slice(1) })).toEqual({ onlyEditsChanged: false, rejectedKept: false });
  });
});
