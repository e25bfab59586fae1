import type { Column } from "@/lib/datasets/manifest";
import { fragmentProblem } from "@/lib/sql/fragment";
import { ident } from "@/lib/sql/quote";
import { editsReplaceSql, type CellEdit } from "./edits";
import { finalView, type FinalView } from "./final-view";
import { checkedRowsSql, checkFlags, errorsSql, failsAnySql, validationSql, type CheckFlag, type CheckOptions } from "./checks";
import { editsChangedBetween, recheckSql, stepsRemoveRows } from "./recheck";
import { SELF, selfReferencedColumns } from "./references";
import { ERRORS, ITEM, LINE, REJECTED, ROW, checkRule, columnFindings } from "./rules";
import type { Recipe } from "./schema";
import { compileSteps } from "./steps";

/**
 * A recipe run over one staged table, as DuckDB statements. Every input row
 * ends in exactly one of two places: the transformed rows, or the rejected
 * rows (broken by a rejecting rule, or removed by a step), so
 * rows in = rows transformed + rows rejected, always.
 */
export interface PipelineNames {
  checks: string;
  validated: string;
  valid: string;
  transformedFull: string;
  rejected: string;
  final: string;
  /** The staged row ids of a final view's rows, when rules reject rows (final-view.ts). */
  finalRows: string;
  /** The rows an edit made to be checked again, with their new flags (recheck.ts). */
  patch: string;
}

/** The name a recipe's SQL reads: the valid rows after the steps. */
export const TRANSFORMED_VIEW = "transformed";
/**
 * The schema that holds what a recipe's SQL may read: the transformed view
 * and a view per staged file it reads (by the file's SQL name). The SQL stage
 * runs with this schema first on the search path; the engine's own tables
 * live in `main`, where no name in it can shadow them.
 */
export const RECIPE_SCHEMA = "recipe";
export const REJECT_LINE = "_line";
export const REJECT_ERRORS = "_errors";

export const pipelineNames = (prefix: string): PipelineNames => ({
  checks: `${prefix}_checks`,
  validated: `${prefix}_validated`,
  valid: `${prefix}_valid`,
  transformedFull: `${prefix}_transformed`,
  rejected: `${prefix}_rejected`,
  final: `${prefix}_final`,
  finalRows: `${prefix}_final_rows`,
  patch: `${prefix}_patch`,
});

export type PipelineProblem = { where: "rule" | "step" | "sql"; index: number; reason: string };

/** One statement of a pipeline: a table or view made from a SELECT, or (`sql`) a table brought up to date otherwise. */
export interface PipelineStatement {
  target: string;
  kind: "TABLE" | "VIEW";
  select: string;
  sql?: string;
}
export const statementSql = ({ target, kind, select, sql }: PipelineStatement): string => sql ?? `CREATE OR REPLACE ${kind} ${ident(target)} AS ${select}`;

export type CompiledPipeline =
  | {
      ok: true;
      statements: PipelineStatement[];
      finalSql: string;
      /** The final rows as a view of the staged table instead of a table, when nothing needs them written (final-view.ts). */
      finalView: FinalView | null;
      tableFindings: { ruleId: string; message: string }[];
    }
  | { ok: false; problem: PipelineProblem };

/** The prefix that puts the recipe's SQL on line 2 of the statement DuckDB sees (the table is in main, whatever the search path). */
export const finalPrefix = (names: PipelineNames) => `CREATE OR REPLACE TABLE main.${ident(names.final)} AS\n`;

/** The view the SQL stage reads as `transformed`: the valid rows after the steps, without the engine's columns. */
export const transformedViewSql = (names: PipelineNames): string =>
  `CREATE OR REPLACE VIEW ${RECIPE_SCHEMA}.${TRANSFORMED_VIEW} AS SELECT * EXCLUDE (${ROW}, ${LINE}) FROM main.${ident(names.transformedFull)}`;

export function compilePipeline(
  staged: string,
  columns: readonly Column[],
  recipe: Recipe,
  names: PipelineNames,
  { editedSince: keptSince, rejectedKept: keptRejected = false, ...given }: CheckOptions & {
    /**
     * The checks table holds the checks of these same rules, over the same read, with these edits in force
     * (the last run's): only the rows whose edits changed since are checked again (recheck.ts).
     */
    editedSince?: readonly CellEdit[];
    /**
     * And the rejected rows table holds what these rules rejected with those edits (recheck.ts `keptFromLastRun`):
     * it is patched too, unless a step can remove rows.
     */
    rejectedKept?: boolean;
  } = {},
): CompiledPipeline {
  const unsafe = fragmentProblems(recipe);
  if (unsafe) return { ok: false, problem: unsafe };
  // A key into the file itself looks values up among its own rows, with the edits in force.
  const references = new Map(given.references ?? []);
  references.set(SELF, { table: `(SELECT *${editsReplaceSql(columns, recipe.edits)} FROM ${ident(staged)})`, columns });
  const options = { ...given, references };
  // An edit to a column the file's own keys are looked up in changes other rows' lookups: then every row is checked again.
  const selfFields = selfReferencedColumns(recipe.rules);
  const movesLookups = keptSince !== undefined && editsChangedBetween(keptSince, recipe.edits ?? []).columns.some((c) => selfFields.includes(c));
  const editedSince = movesLookups ? undefined : keptSince;
  const rejectedKept = movesLookups ? false : keptRejected;
  for (const [index, rule] of recipe.rules.entries()) {
    const reason = rule.enabled ? checkRule(rule, columns, options.references) : null;
    if (reason) return { ok: false, problem: { where: "rule", index, reason } };
  }
  const userColumns = columns.map((c) => c.name);
  // Rows a rule rejects either go to the rejected rows, or (onErrors "include") on with their reasons in `_errors`.
  const include = recipe.onErrors === "include";
  // Filling down finds the value above a row among all the checked rows, rejected ones too.
  const steps = compileSteps(ident(names.valid), recipe.steps, userColumns, include ? [ROW, LINE, REJECT_ERRORS] : [ROW, LINE], ident(names.validated));
  if (!steps.ok) return { ok: false, problem: { where: "step", index: steps.step, reason: steps.reason } };

  const cols = userColumns.map(ident).join(", ");
  const rejectMessages = `array_to_string(list_transform(list_filter(${ERRORS}, ${ITEM} -> ${ITEM}.severity = 'reject'), ${ITEM} -> ${ITEM}.message || coalesce(' (value: ' || ${ITEM}.value || ')', ' (value: empty)')), '; ')`;
  const hidden = `EXCLUDE (${ROW}, ${LINE})`;
  const sql = recipe.sql ? stageSql(recipe.sql) : "";
  const finalSql = sql ? sql : `SELECT * ${hidden} FROM ${ident(names.transformedFull)}`;
  // Tables keep the order rows were inserted in; only windows (duplicate removal, filling down) reorder, so only they pay for a sort.
  const reorders = recipe.steps.some((s) => s.enabled && (s.kind === "dedupe" || s.kind === "fillDown"));
  // Only filters and duplicate removal drop rows. Without them no valid row goes missing, and the anti join that
  // finds such rows (a hash table of every row number: it ran DuckDB-WASM out of memory at 23 M rows) is left out.
  const dropsRows = stepsRemoveRows(recipe);
  const rejects = !include && recipe.rules.some((r) => r.enabled && r.kind !== "columns" && r.severity === "reject");
  const flags = checkFlags(recipe.rules);
  const rejectedFrom = (source: string) =>
    `SELECT ${LINE} AS ${REJECT_LINE}, ${cols ? `${cols}, ` : ""}${rejectMessages} AS ${REJECT_ERRORS} FROM ${source} WHERE ${rejects ? REJECTED : "false"}`;
  const removedByStepsSql = `SELECT v.${LINE}, ${userColumns.map((c) => `v.${ident(c)}`).join(", ")}${cols ? ", " : ""}'Removed by a transform step (a filter or duplicate removal)'
FROM ${ident(names.valid)} AS v ANTI JOIN ${ident(names.transformedFull)} AS t ON v.${ROW} = t.${ROW}`;

  // Only the checks, the rejected rows and the final rows are written: the rows themselves are read from the
  // staged table through views. Every full copy written costs DuckDB-WASM compressing it into its database file.
  const checks: PipelineStatement = { target: names.checks, kind: "TABLE", select: validationSql(ident(staged), recipe.rules, columns, { ...options, edits: recipe.edits }) };
  const rejected: PipelineStatement = {
    target: names.rejected,
    kind: "TABLE",
    select: `${rejectedFrom(ident(names.validated))}${dropsRows ? `\nUNION ALL\n${removedByStepsSql}` : ""}\nORDER BY ${REJECT_LINE}`,
  };
  // The checks were written with the same rules: check again only the rows whose edits changed.
  const recheck = editedSince ? recheckSql(names.checks, ident(staged), recipe.rules, columns, editedSince, recipe.edits ?? [], options.references) : null;
  const checking: PipelineStatement[] = !editedSince ? [checks] : recheck ? [{ target: names.patch, kind: "TABLE", select: recheck.patch }, { ...checks, sql: recheck.update(names.patch) }] : [];
  const edited = `(SELECT CAST(rowid + 1 AS BIGINT) AS ${ROW}, *${editsReplaceSql(columns, recipe.edits)} FROM ${ident(staged)} WHERE rowid IN (SELECT ${ROW} - 1 FROM ${ident(names.patch)}))`;
  const patchedRejected = `SELECT * FROM (SELECT * FROM ${ident(names.rejected)} WHERE ${REJECT_LINE} NOT IN (SELECT ${LINE} FROM ${ident(names.checks)} WHERE ${ROW} IN (SELECT ${ROW} FROM ${ident(names.patch)}))
UNION ALL
${rejectedFrom(`(SELECT s.*, c.${LINE}, ${errorsSql(flags, "c", "s")} AS ${ERRORS}, c.${REJECTED} FROM ${edited} AS s JOIN ${ident(names.checks)} AS c ON c.${ROW} = s.${ROW})`)}) ORDER BY ${REJECT_LINE}`;
  const statements: PipelineStatement[] = [
    ...checking,
    { target: names.validated, kind: "VIEW", select: checkedRowsSql(ident(staged), ident(names.checks), flags, editsReplaceSql(columns, recipe.edits)) },
    {
      target: names.valid,
      kind: "VIEW",
      select: include
        ? `SELECT * EXCLUDE (${ERRORS}, ${REJECTED}), CASE WHEN ${REJECTED} THEN ${rejectMessages} END AS ${REJECT_ERRORS} FROM ${ident(names.validated)}`
        : `SELECT * EXCLUDE (${ERRORS}, ${REJECTED}) FROM ${ident(names.validated)} WHERE NOT ${REJECTED}`,
    },
    // Windows sort: done once, into a table. Other steps work row by row, read as they are needed.
    reorders
      ? { target: names.transformedFull, kind: "TABLE", select: `SELECT * FROM (${steps.sql}) ORDER BY ${ROW}` }
      : { target: names.transformedFull, kind: "VIEW", select: steps.sql },
    ...(!rejectedKept || (recheck && dropsRows) ? [rejected] : recheck ? [{ ...rejected, select: patchedRejected }] : []),
  ];
  const tableFindings = columnFindings(recipe.rules, columns).map((f) => ({ ruleId: f.rule.id, message: f.message }));
  return { ok: true, statements, finalSql, finalView: finalView(staged, columns, recipe, names, rejects), tableFindings };
}

/**
 * Every SQL fragment of the recipe stays inside the place it is spliced into
 * (lib/sql/fragment.ts); the SQL stage is one statement. What they read is
 * decided by DuckDB's binder before anything runs (workers/engine/sql-check.ts).
 */
export function fragmentProblems(recipe: Recipe): PipelineProblem | null {
  for (const { where, index, sql } of sqlFragments(recipe)) {
    const reason = fragmentProblem(sql);
    if (reason) return { where, index, reason };
  }
  const reason = recipe.sql ? fragmentProblem(stageSql(recipe.sql)) : null;
  return reason ? { where: "sql", index: 0, reason: reason.replace("a fragment is one expression", "the SQL stage is one query") } : null;
}

/** The recipe's SQL expressions spliced into the pipeline: rule expressions, filters, derived columns. */
export function sqlFragments(recipe: Recipe): { where: "rule" | "step"; index: number; sql: string }[] {
  return [
    ...recipe.rules.flatMap((r, index) => (r.kind === "expression" ? [{ where: "rule" as const, index, sql: r.sql }] : [])),
    ...recipe.steps.flatMap((s, index) =>
      s.kind === "filter" ? [{ where: "step" as const, index, sql: s.where }] : s.kind === "derive" ? [{ where: "step" as const, index, sql: s.expression }] : [],
    ),
  ];
}

/** The SQL stage as it runs: trimmed, without a final `;`. */
export const stageSql = (sql: string): string => sql.trim().replace(/;\s*$/, "");

/** The counts a run reports (`flags`: its checks'), for the engine to see that they reconcile. */
export function countsSql(staged: string, names: PipelineNames, flags: readonly CheckFlag[]): string {
  return `SELECT
  (SELECT count(*) FROM ${ident(staged)})::BIGINT AS rows_in,
  (SELECT count(*) FROM ${ident(names.checks)} WHERE ${REJECTED})::BIGINT AS rejected_by_rules,
  (SELECT count(*) FROM ${ident(names.checks)} WHERE NOT ${REJECTED} AND ${failsAnySql(flags)})::BIGINT AS warned,
  (SELECT count(*) FROM ${ident(names.rejected)})::BIGINT AS rejected,
  (SELECT count(*) FROM ${ident(names.transformedFull)})::BIGINT AS transformed,
  (SELECT count(*) FROM ${ident(names.final)})::BIGINT AS final`;
}
