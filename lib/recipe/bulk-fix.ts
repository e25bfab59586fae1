import { z } from "@/lib/zod";
import type { Column } from "@/lib/datasets/manifest";
import { failsOnColumnSql, type Checks } from "./checks";
import { ident, literal } from "@/lib/sql/quote";
import { isTextType } from "@/lib/sql/types";
import { editsReplaceSql, type CellEdit } from "./edits";

/** A fix for many cells of one column at once; what it changes becomes cell edits (lib/recipe/edits.ts). */
export const bulkFixSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("replaceValue"), from: z.string(), to: z.string() }),
  z.object({ kind: z.literal("findReplace"), find: z.string().min(1), with: z.string() }),
  z.object({ kind: z.literal("fillEmpty"), value: z.string() }),
  z.object({ kind: z.literal("trim") }),
  z.object({ kind: z.literal("case"), to: z.enum(["upper", "lower"]) }),
]);
export type BulkFix = z.infer<typeof bulkFixSchema>;

/** Which rows a fix may change: those where a rule failed on the column (by the last run's checks), every row, or the rows the staged grid shows (its filter). */
export type FixScope = "failing" | "all" | "shown";

/** The rows a fix reaches, as the engine resolves its scope: by a run's checks, every row, or the staged row ids a query selects. */
export type FixRows = { checks: Checks } | "all" | { rowIds: string };

/** A fix turns into one edit per cell; more than this is refused (a recipe carries its edits). */
export const MAX_FIX_CELLS = 10_000;

function fixedSql(fix: BulkFix, value: string): string {
  switch (fix.kind) {
    case "replaceValue":
      return `CASE WHEN ${value} = ${literal(fix.from)} THEN ${literal(fix.to)} ELSE ${value} END`;
    case "findReplace":
      return `replace(${value}, ${literal(fix.find)}, ${literal(fix.with)})`;
    case "fillEmpty":
      return `CASE WHEN ${value} IS NULL OR trim(${value}) = '' THEN ${literal(fix.value)} ELSE ${value} END`;
    case "trim":
      return `trim(${value})`;
    case "case":
      return `${fix.to}(${value})`;
  }
}

/**
 * The cells a fix would change, as edits (row, old and new text), and how many there are:
 * the staged rows with the recipe's edits in force; a new value the column's type cannot
 * hold is left out. `within` says which rows: where a rule failed on the column (by the last
 * run's checks), every row, or the row ids a query selects.
 */
export function bulkFixSql(staged: string, columns: readonly Column[], column: Column, fix: BulkFix, within: FixRows, edits: readonly CellEdit[]): string {
  const value = `CAST(${ident(column.name)} AS VARCHAR)`;
  const only = typeof within === "object" && "rowIds" in within ? ` WHERE rowid IN (${within.rowIds})` : "";
  const rows = `(SELECT CAST(rowid + 1 AS BIGINT) AS _stages_fix_row, *${editsReplaceSql(columns, edits)} FROM ${ident(staged)}${only})`;
  const source =
    typeof within === "object" && "checks" in within
      ? `${rows} AS s POSITIONAL JOIN ${ident(within.checks.table)} AS c WHERE ${failsOnColumnSql(within.checks.flags, column.name, "c")}`
      : `${rows} AS s`;
  const fits = isTextType(column.type) ? "" : ` AND (_to IS NULL OR TRY_CAST(_to AS ${column.type}) IS NOT NULL)`;
  return `WITH changed AS (
  SELECT _stages_fix_row AS row, _from, _to FROM (SELECT s._stages_fix_row, ${value} AS _from, ${fixedSql(fix, value)} AS _to FROM ${source})
  WHERE _from IS DISTINCT FROM _to${fits}
)
SELECT (SELECT count(*) FROM changed)::BIGINT AS n, row, _from AS "from", _to AS "to" FROM changed ORDER BY row LIMIT ${MAX_FIX_CELLS}`;
}

/** What a fix says in words, for its preview and for the edits it makes. */
export function describeFix(fix: BulkFix): string {
  switch (fix.kind) {
    case "replaceValue":
      return `replace “${fix.from}” with “${fix.to}”`;
    case "findReplace":
      return `replace the text “${fix.find}” with “${fix.with}”`;
    case "fillEmpty":
      return `fill empty cells with “${fix.value}”`;
    case "trim":
      return "trim spaces";
    case "case":
      return `change to ${fix.to} case`;
  }
}
