import { z } from "@/lib/zod";
import type { Column } from "@/lib/datasets/manifest";
import { isPlainNumber } from "@/lib/number";
import { ident, literal } from "@/lib/sql/quote";
import { isIntegerType, isNumericType, isTextType } from "@/lib/sql/types";

/**
 * A cell edited by hand: a patch over the staged rows, kept in the recipe.
 * The row is the staged row's number (1 is the first row after the header;
 * the staged table's row id plus one), `line` where it was in the file.
 */
export const editSchema = z.object({
  row: z.number().int().positive(),
  line: z.number().int().positive().optional(),
  column: z.string().min(1),
  from: z.string().nullable(),
  to: z.string().nullable(),
  at: z.string(),
});
export type CellEdit = z.infer<typeof editSchema>;

/** The edits in force: the last one of each cell (a later edit of a cell supersedes the earlier). */
export function editsInForce(edits: readonly CellEdit[]): CellEdit[] {
  const last = new Map<string, CellEdit>();
  for (const e of edits) last.set(`${e.row}\u0000${e.column}`, e);
  return [...last.values()];
}

/** The value a column takes over the staged rows once the edits are in: its own, or the edited one (cast to the column's type). */
export function editedColumnSql(column: Column, edits: readonly CellEdit[], rowid = "rowid"): string {
  const own = editsInForce(edits).filter((e) => e.column === column.name);
  if (own.length === 0) return ident(column.name);
  const value = (to: string | null) => (to === null ? "NULL" : `TRY_CAST(${literal(to)} AS ${column.type})`);
  return `CASE ${rowid} ${own.map((e) => `WHEN ${e.row - 1} THEN ${value(e.to)}`).join(" ")} ELSE ${ident(column.name)} END`;
}

/** `REPLACE (...)` for a `SELECT *` over the staged table that puts the edits in (empty without edits). */
export function editsReplaceSql(columns: readonly Column[], edits: readonly CellEdit[] | undefined): string {
  if (!edits?.length) return "";
  const edited = new Set(edits.map((e) => e.column));
  const parts = columns.filter((c) => edited.has(c.name)).map((c) => `${editedColumnSql(c, edits)} AS ${ident(c.name)}`);
  return parts.length ? ` REPLACE (${parts.join(", ")})` : "";
}

/**
 * What DuckDB's binder can tell of edits: the columns they touch. Their rows
 * and values reach SQL only as literals (a row number, TRY_CAST of a quoted
 * text), so a check of a recipe's SQL holds for any edits of the same columns.
 */
export function editedColumns(edits: readonly CellEdit[] | undefined): string[] {
  return [...new Set((edits ?? []).map((e) => e.column))].sort();
}

/** Edits whose cell is not in the staged data (a row past its end, a column it lacks): reported, never applied silently. */
export function editsOutside(edits: readonly CellEdit[], columns: readonly Column[], rowCount: number): CellEdit[] {
  const names = new Set(columns.map((c) => c.name));
  return editsInForce(edits).filter((e) => e.row > rowCount || !names.has(e.column));
}


/**
 * What a typed value becomes in a column of this type: text as typed, an empty entry as null
 * (text keeps an empty string); or why it cannot be put there (it would turn into null).
 */
export function editValue(text: string, type: string): { value: string | null } | { problem: string } {
  if (isTextType(type)) return { value: text };
  const value = text.trim();
  if (value === "") return { value: null };
  if (isIntegerType(type) && !/^[+-]?\d+$/.test(value)) return { problem: `a whole number is needed here (${type})` };
  if (isNumericType(type) && !isPlainNumber(value)) return { problem: `a number is needed here (${type})` };
  if (/^BOOLEAN$/i.test(type) && !/^(true|false)$/i.test(value)) return { problem: "true or false is needed here" };
  if (/^DATE$/i.test(type) && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { problem: "a date like 2026-12-01 is needed here" };
  if (/^TIMESTAMP/i.test(type) && !/^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?/.test(value)) return { problem: "a date and time like 2026-12-01 14:30:00 is needed here" };
  return { value };
}
