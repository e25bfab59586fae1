import type { Column } from "@/lib/datasets/manifest";
import type { ProgressFn, RunSummary } from "@/lib/engine/api";
import { suggestDatasetName } from "@/lib/datasets/name";
import { compilePipeline, countsSql, finalPrefix, ruleCountsSql } from "@/lib/recipe/pipeline";
import { ROW, LINE } from "@/lib/recipe/rules";
import { recipeSchema, type Recipe } from "@/lib/recipe/schema";
import { compileSteps } from "@/lib/recipe/steps";
import { fail, ok, type Result, type StagesError } from "@/lib/result";
import { fromDuckDbError, sqlErrorPosition } from "@/lib/sql/duckdb-error";
import { ident, literal } from "@/lib/sql/quote";
import { audit } from "@/lib/staging/audit";
import type { StagesDb } from "@/lib/staging/db";
import { plainRows } from "./arrow-text";
import { recipeRunStarted } from "./promoted";
import { roomFor } from "./room";
import { withConnection, type Connection } from "./duckdb";
import { serial } from "./serial";
import { errorText, runCancellable, runLong } from "./query";
import { Cancelled } from "./tasks";
import { describeTable, ensureTable, resultNames, tableName } from "./tables";

/**
 * Run a recipe over a staged file, entirely in DuckDB: rules, steps, SQL.
 * Failures come back pinned to the rule, step or SQL line that caused them.
 */
export function runRecipe(db: StagesDb, fileId: string, recipe: Recipe, taskId: string, onProgress?: ProgressFn): Promise<Result<RunSummary>> {
  return serial(PIPELINE, () => withConnection((conn) => runRecipeOn(conn, db, fileId, recipe, taskId, onProgress)));
}

/** What each statement of a compiled pipeline does, for progress (null: a view, instant). */
const PHASES = ["Checking rules", null, "Applying steps", "Collecting rejected rows", null] as const;
const STEPS = PHASES.filter(Boolean).length + 2;

/** Runs share the `transformed` view and result tables: one at a time, under this key. */
export const PIPELINE = "pipeline";

/** Run a recipe on a borrowed connection; the caller holds the PIPELINE turn. */
export async function runRecipeOn(
  conn: Connection,
  db: StagesDb,
  fileId: string,
  input: Recipe,
  taskId: string,
  onProgress?: ProgressFn,
): Promise<Result<RunSummary>> {
  let step = 0;
  const phase = (name: string) => onProgress?.({ phase: name, done: step++, total: STEPS, unit: "steps" });
  recipeRunStarted(fileId);
  const parsed = recipeSchema.safeParse(input);
  if (!parsed.success) return fail({ message: `The recipe is malformed: ${parsed.error.issues[0]?.message}` });
  const recipe = parsed.data;
  const source = { kind: "staged", fileId } as const;
  const staged = await ensureTable(db, source);
  if (!staged.ok) return staged;
  const columns = staged.value.columns;
  // A run writes its result tables (about one copy of the data) to DuckDB's database.
  const room = await roomFor((await db.files.get(fileId))?.size ?? 0, "run the recipe on this file");
  if (!room.ok) return room;
  const names = resultNames(fileId);
  const compiled = compilePipeline(tableName(source), columns, recipe, names);
  if (!compiled.ok) return fail({ message: compiled.problem.reason, at: { part: compiled.problem.where, index: compiled.problem.index } });

  const ruleProblem = await checkRulesInDuckDb(conn, recipe, tableName(source));
  if (ruleProblem) return fail(ruleProblem);

  for (const [i, statement] of compiled.statements.entries()) {
    const name = PHASES[i];
    if (name) phase(name);
    try {
      await runCancellable(conn, statement, taskId);
    } catch (error) {
      if (i === 2 && !(error instanceof Cancelled)) return fail(await locateStepError(conn, recipe, columns, names.valid, error));
      throw error;
    }
  }
  if (recipe.sql) await exposeStagedFiles(conn, db, recipe.sql);
  const finalStatement = finalPrefix(names) + compiled.finalSql;
  phase(recipe.sql ? "Running your SQL" : "Writing the final rows");
  try {
    await runCancellable(conn, finalStatement, taskId);
  } catch (error) {
    if (error instanceof Cancelled) throw error;
    const text = errorText(error);
    const where = recipe.sql ? sqlErrorPosition(text, finalStatement, finalPrefix(names).length) : null;
    return fail({ ...fromDuckDbError(text), ...(where ?? {}), at: { part: "sql", index: 0 } });
  }

  phase("Counting and reconciling");
  const counts = plainRows(await runLong(conn, countsSql(tableName(source), names)))[0] as Record<string, number>;
  if (counts.rows_in !== counts.rejected! + counts.transformed! || (!recipe.sql && counts.final !== counts.transformed)) {
    return fail({ message: `Row counts do not reconcile (${JSON.stringify(counts)}); nothing was changed.` });
  }
  const ruleCounts = plainRows(await conn.query(ruleCountsSql(names))) as RunSummary["ruleCounts"];
  const file = await db.files.get(fileId);
  await audit(db, {
    kind: "validate",
    file: file?.name,
    sha256: file?.sha256,
    counts: { in: counts.rows_in!, rejected: counts.rejected!, warned: counts.warned!, final: counts.final! },
    detail: `${recipe.rules.length} rules, ${recipe.steps.length} steps${recipe.sql ? ", SQL" : ""}`,
  });
  const [finalInfo, rejectedInfo, transformedInfo] = await Promise.all([
    describeTable(names.final),
    describeTable(names.rejected),
    describeTable(names.transformedFull),
  ]);
  return ok({
    runId: crypto.randomUUID(),
    rowsIn: counts.rows_in!,
    rejectedByRules: counts.rejected_by_rules!,
    warned: counts.warned!,
    rejected: counts.rejected!,
    transformed: counts.transformed!,
    final: counts.final!,
    ruleCounts,
    tableFindings: compiled.tableFindings,
    stepSql: stepSqlOf(recipe, columns, names.valid),
    transformedColumns: transformedInfo.columns,
    finalColumns: finalInfo.columns,
    rejectedColumns: rejectedInfo.columns,
  });
}

function stepSqlOf(recipe: Recipe, columns: Column[], valid: string): string[] {
  const compiled = compileSteps(ident(valid), recipe.steps, columns.map((c) => c.name));
  return compiled.ok ? compiled.stepSql : [];
}

/** Regular expressions and SQL expressions are checked by DuckDB itself, one rule at a time. */
async function checkRulesInDuckDb(conn: Connection, recipe: Recipe, staged: string): Promise<StagesError | null> {
  for (const [index, rule] of recipe.rules.entries()) {
    if (!rule.enabled) continue;
    const probe =
      rule.kind === "pattern"
        ? `SELECT regexp_matches('', ${literal(rule.pattern)})`
        : rule.kind === "expression"
          ? `SELECT (${rule.sql}) IS NOT FALSE FROM ${ident(staged)} LIMIT 0`
          : null;
    if (!probe) continue;
    try {
      await conn.query(probe);
    } catch (error) {
      const what = rule.kind === "pattern" ? "This regular expression is not valid" : "This SQL expression cannot run";
      return { message: `${what}: ${fromDuckDbError(errorText(error)).message}`, at: { part: "rule", index } };
    }
  }
  return null;
}

/** Find the first step whose SQL fails, by running the chain one step longer each time. */
async function locateStepError(conn: Connection, recipe: Recipe, columns: Column[], valid: string, error: unknown): Promise<StagesError> {
  for (let k = 1; k <= recipe.steps.length; k++) {
    if (!recipe.steps[k - 1]!.enabled) continue;
    const prefix = compileSteps(ident(valid), recipe.steps.slice(0, k), columns.map((c) => c.name), [ROW, LINE]);
    if (!prefix.ok) continue;
    try {
      await conn.query(`CREATE OR REPLACE TEMP TABLE _stages_probe AS ${prefix.sql}`);
    } catch (stepError) {
      await conn.query("DROP TABLE IF EXISTS _stages_probe");
      return { ...fromDuckDbError(errorText(stepError)), at: { part: "step", index: k - 1 } };
    }
  }
  await conn.query("DROP TABLE IF EXISTS _stages_probe");
  return fromDuckDbError(errorText(error));
}

/** Staged files that the SQL names (by their file name's stem) become views it can join. */
async function exposeStagedFiles(conn: Connection, db: StagesDb, sql: string): Promise<void> {
  for (const file of await db.files.toArray()) {
    const name = suggestDatasetName(file.name);
    if (file.status !== "ready" || !new RegExp(`\\b${name}\\b`, "i").test(sql)) continue;
    const loaded = await ensureTable(db, { kind: "staged", fileId: file.id });
    if (loaded.ok) await conn.query(`CREATE OR REPLACE VIEW ${ident(name)} AS SELECT * FROM ${ident(tableName({ kind: "staged", fileId: file.id }))}`);
  }
}
