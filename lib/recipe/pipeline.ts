import type { Column } from "@/lib/datasets/manifest";
import { checkRecipeSql } from "@/lib/sql/guard";
import { ident } from "@/lib/sql/quote";
import { ERRORS, LINE, REJECTED, ROW, checkRule, columnFindings, validationSql } from "./rules";
import type { Recipe } from "./schema";
import { compileSteps } from "./steps";

/**
 * A recipe run over one staged table, as DuckDB statements. Every input row
 * ends in exactly one of two places: the transformed rows, or the rejected
 * rows (broken by a rejecting rule, or removed by a step), so
 * rows in = rows transformed + rows rejected, always.
 */
export interface PipelineNames {
  validated: string;
  valid: string;
  transformedFull: string;
  rejected: string;
  final: string;
}

/** The name a recipe's SQL reads: the valid rows after the steps. */
export const TRANSFORMED_VIEW = "transformed";
export const REJECT_LINE = "_line";
export const REJECT_ERRORS = "_errors";

export const pipelineNames = (prefix: string): PipelineNames => ({
  validated: `${prefix}_validated`,
  valid: `${prefix}_valid`,
  transformedFull: `${prefix}_transformed`,
  rejected: `${prefix}_rejected`,
  final: `${prefix}_final`,
});

export type PipelineProblem = { where: "rule" | "step" | "sql"; index: number; reason: string };

export type CompiledPipeline =
  | { ok: true; statements: string[]; finalSql: string; tableFindings: { ruleId: string; message: string }[] }
  | { ok: false; problem: PipelineProblem };

/** The prefix that puts the recipe's SQL on line 2 of the statement DuckDB sees. */
export const finalPrefix = (names: PipelineNames) => `CREATE OR REPLACE TABLE ${ident(names.final)} AS\n`;

export function compilePipeline(
  staged: string,
  columns: readonly Column[],
  recipe: Recipe,
  names: PipelineNames,
  headerLines = 1,
): CompiledPipeline {
  const guarded = guardSql(recipe);
  if (guarded) return { ok: false, problem: guarded };
  for (const [index, rule] of recipe.rules.entries()) {
    const reason = rule.enabled ? checkRule(rule, columns) : null;
    if (reason) return { ok: false, problem: { where: "rule", index, reason } };
  }
  const userColumns = columns.map((c) => c.name);
  const steps = compileSteps(ident(names.valid), recipe.steps, userColumns, [ROW, LINE]);
  if (!steps.ok) return { ok: false, problem: { where: "step", index: steps.step, reason: steps.reason } };

  const cols = userColumns.map(ident).join(", ");
  const rejectMessages = `array_to_string(list_transform(list_filter(${ERRORS}, e -> e.severity = 'reject'), e -> e.message || coalesce(' (value: ' || e.value || ')', ' (value: empty)')), '; ')`;
  const hidden = `EXCLUDE (${ROW}, ${LINE})`;
  const sql = recipe.sql?.trim().replace(/;\s*$/, "");
  const finalSql = sql ? sql : `SELECT * ${hidden} FROM ${ident(names.transformedFull)}`;
  // Tables keep the order rows were inserted in; only duplicate removal (a window) reorders, so only it pays for a sort.
  const reorders = recipe.steps.some((s) => s.enabled && s.kind === "dedupe");
  // Only filters and duplicate removal drop rows. Without them no valid row goes missing, and the anti join that
  // finds such rows (a hash table of every row number: it ran DuckDB-WASM out of memory at 23 M rows) is left out.
  const dropsRows = recipe.steps.some((s) => s.enabled && (s.kind === "filter" || s.kind === "dedupe"));
  const removedByStepsSql = `SELECT v.${LINE}, ${userColumns.map((c) => `v.${ident(c)}`).join(", ")}${cols ? ", " : ""}'Removed by a transform step (a filter or duplicate removal)'
FROM ${ident(names.valid)} AS v ANTI JOIN ${ident(names.transformedFull)} AS t ON v.${ROW} = t.${ROW}`;

  const statements = [
    `CREATE OR REPLACE TABLE ${ident(names.validated)} AS ${validationSql(ident(staged), recipe.rules, columns, headerLines)}`,
    `CREATE OR REPLACE VIEW ${ident(names.valid)} AS SELECT * EXCLUDE (${ERRORS}, ${REJECTED}) FROM ${ident(names.validated)} WHERE NOT ${REJECTED}`,
    `CREATE OR REPLACE TABLE ${ident(names.transformedFull)} AS ${reorders ? `SELECT * FROM (${steps.sql}) ORDER BY ${ROW}` : steps.sql}`,
    `CREATE OR REPLACE TABLE ${ident(names.rejected)} AS
SELECT ${LINE} AS ${REJECT_LINE}, ${cols ? `${cols}, ` : ""}${rejectMessages} AS ${REJECT_ERRORS} FROM ${ident(names.validated)} WHERE ${REJECTED}${dropsRows ? `\nUNION ALL\n${removedByStepsSql}` : ""}
ORDER BY ${REJECT_LINE}`,
    `CREATE OR REPLACE VIEW ${TRANSFORMED_VIEW} AS SELECT * ${hidden} FROM ${ident(names.transformedFull)}`,
  ];
  const tableFindings = columnFindings(recipe.rules, columns).map((f) => ({ ruleId: f.rule.id, message: f.message }));
  return { ok: true, statements, finalSql, tableFindings };
}

/** Every SQL fragment of the recipe goes through the guard (lib/sql/guard.ts) before anything runs. */
export function guardSql(recipe: Recipe): PipelineProblem | null {
  for (const [index, rule] of recipe.rules.entries()) {
    const reason = rule.kind === "expression" ? checkRecipeSql(rule.sql) : null;
    if (reason) return { where: "rule", index, reason };
  }
  for (const [index, step] of recipe.steps.entries()) {
    const fragment = step.kind === "filter" ? step.where : step.kind === "derive" ? step.expression : null;
    const reason = fragment === null ? null : checkRecipeSql(fragment);
    if (reason) return { where: "step", index, reason };
  }
  const reason = recipe.sql ? checkRecipeSql(recipe.sql, true) : null;
  return reason ? { where: "sql", index: 0, reason } : null;
}

/** The counts a run reports; `check` says whether they reconcile. */
export function countsSql(staged: string, names: PipelineNames): string {
  return `SELECT
  (SELECT count(*) FROM ${ident(staged)})::BIGINT AS rows_in,
  (SELECT count(*) FROM ${ident(names.validated)} WHERE ${REJECTED})::BIGINT AS rejected_by_rules,
  (SELECT count(*) FROM ${ident(names.validated)} WHERE NOT ${REJECTED} AND len(${ERRORS}) > 0)::BIGINT AS warned,
  (SELECT count(*) FROM ${ident(names.rejected)})::BIGINT AS rejected,
  (SELECT count(*) FROM ${ident(names.transformedFull)})::BIGINT AS transformed,
  (SELECT count(*) FROM ${ident(names.final)})::BIGINT AS final`;
}

export function ruleCountsSql(names: PipelineNames): string {
  return `SELECT e.rule AS rule, e.severity AS severity, count(*)::BIGINT AS n
FROM (SELECT unnest(${ERRORS}) AS e FROM ${ident(names.validated)}) GROUP BY ALL ORDER BY n DESC, rule`;
}
