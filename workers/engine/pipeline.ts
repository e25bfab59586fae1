import type { Column } from "@/lib/datasets/manifest";
import type { ProgressFn, RunSummary } from "@/lib/engine/api";
import { checkFlags, ruleCountsSql } from "@/lib/recipe/checks";
import { compilePipeline, countsSql, finalPrefix, RECIPE_SCHEMA, statementSql, transformedViewSql, type PipelineNames, type PipelineStatement } from "@/lib/recipe/pipeline";
import { ROW, LINE, reservedColumnsProblem } from "@/lib/recipe/rules";
import { keptFromLastRun } from "@/lib/recipe/recheck";
import { recipeSchema, type Recipe } from "@/lib/recipe/schema";
import { compileSteps } from "@/lib/recipe/steps";
import { errorText, fail, ok, type Result, type StagesError } from "@/lib/result";
import { fromDuckDbError, sqlErrorPosition } from "@/lib/sql/duckdb-error";
import { ident, literal } from "@/lib/sql/quote";
import { checkCached, readableFiles, referenceTables, type Readable } from "./recipe-trust";
import { appendAudit } from "@/browser/staging-store";
import type { StagesDb } from "@/browser/staging-db";
import { plainRows } from "./arrow-text";
import { resultsReplaced } from "./version-sources";
import { roomFor } from "./quota";
import { withConnection, type Connection } from "./duckdb";
import { multilineOf } from "./multiline";
import { rowLinesTable } from "./csv/row-lines";
import { serial } from "./serial";
import { runCancellable, runLong } from "./query";
import { Cancelled, throwIfCancelled } from "./tasks";
import { finalRowidProblem } from "@/lib/staging/rowid-clash";
import { checksWritten, columnsWith, ensureTable, pageFinalBy, resultNames, tableName } from "./tables";

/**
 * Run a recipe over a staged file, entirely in DuckDB: rules, steps, SQL.
 * Failures come back pinned to the rule, step or SQL line that caused them.
 */
export function runRecipe(db: StagesDb, fileId: string, recipe: Recipe, taskId: string, onProgress?: ProgressFn): Promise<Result<RunSummary>> {
  return serial(PIPELINE, () => withConnection((conn) => runRecipeOn(conn, db, fileId, recipe, taskId, onProgress)));
}

/** What a statement of a compiled pipeline does, for progress (views are instant and say nothing; an update follows its patch). */
const phaseOf = (statement: PipelineStatement, names: PipelineNames): string | null => {
  if (statement.kind === "VIEW" || statement.sql) return null;
  const phases: Record<string, string> = { [names.checks]: "Checking rules", [names.patch]: "Checking the edited rows again", [names.rejected]: "Collecting rejected rows", [names.finalRows]: "Listing the final rows" };
  return phases[statement.target] ?? "Applying steps";
};

/**
 * The last run per file that completed, by everything it read: a promotion
 * right after a run of the same recipe uses its result tables instead of
 * running it again; a run with the same rules keeps its checks, checking
 * again only the rows whose edits changed (lib/recipe/recheck.ts), so a
 * changed step or SQL does not check every row again. Any run that starts
 * forgets it first.
 */
const lastRuns = new Map<string, { recipe: Recipe; context: string; summary: RunSummary }>();

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
  let total = 0;
  const phase = (name: string) => onProgress?.({ phase: name, done: step++, total, unit: "steps" });
  const parsed = recipeSchema.safeParse(input);
  if (!parsed.success) return fail({ message: `The recipe is malformed: ${parsed.error.issues[0]?.message}` });
  const recipe = parsed.data;
  const source = { kind: "staged", fileId } as const;
  throwIfCancelled(taskId);
  const staged = await ensureTable(db, source);
  if (!staged.ok) return staged;
  const columns = staged.value.columns;
  const reserved = reservedColumnsProblem(columns);
  if (reserved) return fail({ message: reserved });
  const file = await db.files.get(fileId);
  const readable = await readableFiles(db, fileId);
  // The same recipe over the same read of the file and the same other files: its result tables are still there.
  const context = JSON.stringify({ read: file?.readCount, files: readable.map((f) => [f.id, f.sqlName, f.columns, f.readCount]) });
  const last = lastRuns.get(fileId);
  const sameContext = last?.context === context;
  if (sameContext && JSON.stringify(last.recipe) === JSON.stringify(recipe)) return ok(last.summary);
  lastRuns.delete(fileId);
  resultsReplaced(fileId);
  // A run writes its result tables (about one copy of the data) to DuckDB's database.
  const room = await roomFor(file?.size ?? 0, "run the recipe on this file");
  if (!room.ok) return room;
  const names = resultNames(fileId);
  // Of a last run with the same rules, the checks stay (brought up to date where edits changed); so do its rejected rows while no step removes rows.
  const { editedSince, onlyEditsChanged, rejectedKept } = sameContext ? keptFromLastRun(last.recipe, recipe) : { editedSince: undefined, onlyEditsChanged: false, rejectedKept: false };
  const references = await referenceTables(db, readable, recipe.rules);
  if (!references.ok) return references;
  // A row's line: from the table of each row's line, or counted from the lines before the first row (and values' line ends).
  const lineTable = file?.rowLines?.table ? rowLinesTable(tableName(source)) : undefined;
  const lines = { headerLines: file?.rowLines?.before ?? 1, lineTable, multiline: !lineTable && (await multilineOf(conn, tableName(source), columns, file?.readCount)) };
  const compiled = compilePipeline(tableName(source), columns, recipe, names, { editedSince, rejectedKept, ...lines, rows: staged.value.rowCount, references: references.value });
  if (!compiled.ok) return fail({ message: compiled.problem.reason, at: { part: compiled.problem.where, index: compiled.problem.index } });

  // Nothing of the recipe runs here before DuckDB's binder has read all of it in the check database.
  const checked = await checkCached({ recipe, columns, files: readable });
  if (!checked.ok) return checked;

  // Each phase below, then the final rows and the counts.
  const view = compiled.finalView;
  const finalStatement = view ? `CREATE OR REPLACE VIEW main.${ident(names.final)} AS\n${view.sql}` : finalPrefix(names) + compiled.finalSql;
  const statements = [...compiled.statements, ...(view?.rows ? [view.rows] : [])];
  const flags = checkFlags(recipe.rules);
  total = statements.filter((st) => phaseOf(st, names)).length + 2;
  await dropOtherKinds(conn, [...statements, { target: names.final, kind: view ? "VIEW" : "TABLE", select: "" }]);
  if (!view?.rows && madeAs.delete(names.finalRows)) await conn.query(`DROP TABLE IF EXISTS main.${ident(names.finalRows)}`);
  for (const statement of statements) {
    const name = phaseOf(statement, names);
    const checks = statement.target === names.checks;
    if (name) phase(name);
    if (checks) checksWritten(fileId, null);
    try {
      await runCancellable(conn, statementSql(statement), taskId);
      madeAs.set(statement.target, statement.kind);
      if (checks) checksWritten(fileId, flags);
    } catch (error) {
      if (error instanceof Cancelled) throw unsure(statement.target, error);
      // The steps run inside whichever statement first reads the transformed rows; the rules run in the checks.
      const stepError = statement.target === names.checks || statement.target === names.patch ? null : await locateStepError(conn, recipe, columns, names.valid);
      return fail(stepError ?? fromDuckDbError(errorText(error)));
    }
  }
  // Only the SQL stage reads the recipe's schema: a run without one leaves it be.
  const exposed = recipe.sql ? await exposeRecipeSchema(conn, db, names, readable.filter((f) => checked.value.reads.includes(f.sqlName))) : ok(null);
  if (!exposed.ok) return exposed;
  phase(recipe.sql ? "Running your SQL" : "Writing the final rows");
  try {
    if (recipe.sql) await conn.query(`SET search_path = ${literal(RECIPE_SCHEMA)}`);
    await runCancellable(conn, finalStatement, taskId);
    madeAs.set(names.final, view ? "VIEW" : "TABLE");
  } catch (error) {
    if (error instanceof Cancelled) throw unsure(names.final, error);
    const stepError = await locateStepError(conn, recipe, columns, names.valid);
    if (stepError) return fail(stepError);
    const text = errorText(error);
    const where = recipe.sql ? sqlErrorPosition(text, finalStatement, finalPrefix(names).length) : null;
    return fail({ ...fromDuckDbError(text), ...(where ?? {}), at: { part: "sql", index: 0 } });
  } finally {
    if (recipe.sql) await conn.query("RESET search_path");
  }

  const finalColumns = await columnsWith(conn, names.final);
  const rowidProblem = finalRowidProblem(finalColumns.map((c) => c.name), !!recipe.sql);
  if (rowidProblem) return fail({ message: rowidProblem, ...(recipe.sql ? { at: { part: "sql" as const, index: 0 } } : {}) });
  pageFinalBy(names.final, !view ? null : view.rows ? { by: "rows", staged: tableName(source), columns, recipe, names } : { by: "page" });
  phase("Counting and reconciling");
  const counts = plainRows(await runLong(conn, countsSql(tableName(source), names, flags)))[0] as Record<string, number>;
  if (counts.rows_in !== counts.rejected! + counts.transformed! || (!recipe.sql && counts.final !== counts.transformed)) {
    return fail({ message: `Row counts do not reconcile (${JSON.stringify(counts)}); nothing was changed.` });
  }
  // Checks kept as they were (the same rules, no edit changed) count as they did.
  const checksKept = last && !statements.some((st) => st.target === names.checks);
  const ruleCounts = checksKept ? last.summary.ruleCounts : (plainRows(await conn.query(ruleCountsSql(names.checks, flags))) as RunSummary["ruleCounts"]);
  throwIfCancelled(taskId);
  await appendAudit(db, {
    kind: "validate",
    file: file?.name,
    sha256: file?.sha256,
    counts: { in: counts.rows_in!, rejected: counts.rejected!, warned: counts.warned!, final: counts.final! },
    detail: `${recipe.rules.length} rules, ${recipe.steps.length} steps${recipe.sql ? ", SQL" : ""}`,
  });
  // Edits change values, never columns: a run after edits alone has the last run's.
  const [rejectedColumns, transformedColumns] = onlyEditsChanged
    ? [last!.summary.rejectedColumns, last!.summary.transformedColumns]
    : [rejectedKept ? last!.summary.rejectedColumns : await columnsWith(conn, names.rejected), await columnsWith(conn, names.transformedFull)];
  const summary: RunSummary = {
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
    transformedColumns,
    finalColumns,
    rejectedColumns,
  };
  lastRuns.set(fileId, { recipe, context, summary });
  return ok(summary);
}

function stepSqlOf(recipe: Recipe, columns: Column[], valid: string): string[] {
  const compiled = compileSteps(ident(valid), recipe.steps, columns.map((c) => c.name));
  return compiled.ok ? compiled.stepSql : [];
}

/**
 * What this engine made under each result name, and as which kind. A name not here holds nothing: the last
 * engine's results go as its database is taken over (kept-tables.ts), and only runs make these names. (Asking
 * DuckDB's catalog instead cost every run 6–28 ms.) A statement cancelled may have made its result before the
 * cancel came (a cancel after it ended is still a cancel): its name is "unsure", and the catalog is asked of it.
 */
const madeAs = new Map<string, PipelineStatement["kind"] | "unsure">();

/** A statement making `target` was cancelled: what it left is not known (the error, for the caller to throw). */
function unsure(target: string, error: Cancelled): Cancelled {
  madeAs.set(target, "unsure");
  return error;
}

/**
 * Drop what an earlier run left under a name this run writes as the other
 * kind: a result may have been a table then and be a view now (or the other
 * way round), and CREATE OR REPLACE does not replace one kind with the other.
 */
async function dropOtherKinds(conn: Connection, statements: PipelineStatement[]): Promise<void> {
  for (const { target, kind } of statements) {
    const made = madeAs.get(target) === "unsure" ? await kindIn(conn, target) : madeAs.get(target);
    if (!made || made === kind) continue;
    madeAs.delete(target);
    await conn.query(`DROP ${made} IF EXISTS main.${ident(target)}`);
  }
}

/** What the catalog holds under the name: a table, a view, or nothing. */
async function kindIn(conn: Connection, name: string): Promise<PipelineStatement["kind"] | undefined> {
  const found = await conn.query(
    `SELECT 'TABLE' AS kind FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ${literal(name)} UNION ALL SELECT 'VIEW' FROM duckdb_views() WHERE schema_name = 'main' AND view_name = ${literal(name)}`,
  );
  const kind = found.getChild("kind")?.get(0) as PipelineStatement["kind"] | null | undefined;
  if (kind) madeAs.set(name, kind);
  else madeAs.delete(name);
  return kind ?? undefined;
}

/** The first step whose SQL fails, found by running the chain one step longer each time; null when every step runs. */
async function locateStepError(conn: Connection, recipe: Recipe, columns: Column[], valid: string): Promise<StagesError | null> {
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
  return null;
}

/**
 * The schema the SQL stage reads: `transformed` (this run's valid rows) and a
 * view per staged file the check found it reads, rebuilt for every run with SQL so
 * nothing of an earlier run or another file is left in it.
 */
async function exposeRecipeSchema(conn: Connection, db: StagesDb, names: PipelineNames, reads: Readable[]): Promise<Result<null>> {
  await conn.query(`DROP SCHEMA IF EXISTS ${RECIPE_SCHEMA} CASCADE`);
  await conn.query(`CREATE SCHEMA ${RECIPE_SCHEMA}`);
  await conn.query(transformedViewSql(names));
  for (const file of reads) {
    const source = { kind: "staged", fileId: file.id } as const;
    const loaded = await ensureTable(db, source);
    if (!loaded.ok) return fail({ ...loaded.error, message: `The staged file read as ${file.sqlName} could not be read: ${loaded.error.message}` });
    await conn.query(`CREATE VIEW ${RECIPE_SCHEMA}.${ident(file.sqlName)} AS SELECT * FROM main.${ident(tableName(source))}`);
  }
  return ok(null);
}
