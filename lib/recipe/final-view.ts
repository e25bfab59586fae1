import type { Column } from "@/lib/datasets/manifest";
import { ident } from "@/lib/sql/quote";
import { editsReplaceSql } from "./edits";
import type { PipelineNames, PipelineStatement } from "./pipeline";
import { PAGE, REJECTED, ROW } from "./rules";
import type { Recipe } from "./schema";
import { compileSteps } from "./steps";

/**
 * The final rows as a view of the staged table, when nothing needs them
 * written: no SQL stage, and only steps that reshape values row by row
 * without failing on one (a cast, a fill or a derived expression can fail,
 * and a view would fail later, when it is read). Every view carries PAGE,
 * the staged row id of each row, for the grid to page by.
 *
 * When no rule rejects, every staged row passes, in order: the grid pages
 * the view by PAGE range (the filter reaches the staged table's scan). When
 * rules reject rows, the view reads the staged rows beside their checks by
 * position, and a narrow table of the passing rows' staged row ids (in
 * order) is written: a page is a range of that table, read from the staged
 * table by row id.
 */
const VALUE_STEPS = new Set(["select", "rename", "trim", "case", "replace", "split"]);

export interface FinalView {
  /** The view's SELECT. */
  sql: string;
  /** The table of the passing rows' staged row ids (`src`), when rules reject rows. */
  rows: PipelineStatement | null;
}

export function finalView(staged: string, columns: readonly Column[], recipe: Recipe, names: PipelineNames, rejects: boolean): FinalView | null {
  // Rows kept with their errors come from the checked rows (pipeline.ts): such a run writes its final rows.
  if (recipe.sql || recipe.onErrors === "include" || !recipe.steps.every((s) => !s.enabled || VALUE_STEPS.has(s.kind))) return null;
  // Cells edited by hand are put in force over the staged rows, as the checks read them.
  const edited = editsReplaceSql(columns, recipe.edits);
  const source = rejects
    ? `(SELECT c.${ROW} - 1 AS ${PAGE}, s.* FROM ${edited ? `(SELECT *${edited} FROM ${ident(staged)})` : ident(staged)} AS s POSITIONAL JOIN ${ident(names.checks)} AS c WHERE NOT c.${REJECTED})`
    : `(SELECT rowid AS ${PAGE}, *${edited} FROM ${ident(staged)})`;
  const view = compileSteps(source, recipe.steps, columns.map((c) => c.name), [PAGE]);
  if (!view.ok) return null;
  const rows: PipelineStatement | null = rejects
    ? { target: names.finalRows, kind: "TABLE", select: `SELECT CAST(${ROW} - 1 AS BIGINT) AS src FROM ${ident(names.checks)} WHERE NOT ${REJECTED}` }
    : null;
  return { sql: view.sql, rows };
}

/** The staged row ids a page of final rows spans ([lo, hi]; NULL when the page is past the end). */
export const finalRowsSpanSql = (names: PipelineNames, offset: number, limit: number): string =>
  `SELECT min(src)::BIGINT AS lo, max(src)::BIGINT AS hi FROM ${ident(names.finalRows)} WHERE rowid >= ${offset} AND rowid < ${offset + limit}`;

/** A page of a view that passes the rows no rule rejected: those staged rows of the span, by row id, the steps applied. */
export function finalRowsPageSql(
  staged: string,
  columns: readonly Column[],
  recipe: Recipe,
  names: PipelineNames,
  selectList: string,
  page: { offset: number; limit: number; lo: number; hi: number },
): string {
  const rows = `SELECT src FROM ${ident(names.finalRows)} WHERE rowid >= ${page.offset} AND rowid < ${page.offset + page.limit}`;
  const source = `(SELECT rowid AS ${PAGE}, *${editsReplaceSql(columns, recipe.edits)} FROM ${ident(staged)} WHERE rowid BETWEEN ${page.lo} AND ${page.hi} AND rowid IN (${rows}))`;
  const view = compileSteps(source, recipe.steps, columns.map((c) => c.name), [PAGE]);
  if (!view.ok) throw new Error(view.reason);
  return `SELECT ${selectList} FROM (${view.sql}) ORDER BY ${PAGE}`;
}
