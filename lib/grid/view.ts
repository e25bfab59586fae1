import { z } from "@/lib/zod";
import type { Column } from "@/lib/datasets/manifest";
import { ident, literal } from "@/lib/sql/quote";
import { isNumericType } from "@/lib/sql/types";
import { isPlainNumber } from "@/lib/number";
import type { Checks } from "@/lib/recipe/checks";
import { onlyRowsSql, SOURCE_ROW } from "./issues";

/**
 * A grid's view of a source: sorted by a column, filtered by a text search
 * over every column and by per-column conditions. Compiled to one SELECT
 * that the engine materializes once, then pages through by row id.
 */
export const OPERATORS = ["=", "!=", "<", "<=", ">", ">=", "contains", "is empty", "is not empty"] as const;
export type Operator = (typeof OPERATORS)[number];

export const gridViewSchema = z.object({
  sort: z.object({ column: z.string(), descending: z.boolean() }).optional(),
  search: z.string().optional(),
  conditions: z.array(z.object({ column: z.string(), op: z.enum(OPERATORS), value: z.string() })).default([]),
  /** Only the rows a recipe run found errors in, or warnings alone (a staged source checked by a run). */
  only: z.enum(["errors", "warnings"]).optional(),
});

export type GridView = z.infer<typeof gridViewSchema>;

export const isPlainView = (view: GridView | undefined) =>
  !view || (!view.sort && !view.search?.trim() && view.conditions.length === 0 && !view.only);

function condition(c: GridView["conditions"][number], type: string): string {
  const col = ident(c.column);
  const text = `CAST(${col} AS VARCHAR)`;
  const numeric = isNumericType(type) && isPlainNumber(c.value.trim());
  const value = numeric ? c.value.trim() : literal(c.value);
  const left = numeric ? col : text;
  switch (c.op) {
    case "contains":
      return `${text} ILIKE ${literal(`%${c.value.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)} ESCAPE '\\'`;
    case "is empty":
      return `(${col} IS NULL OR ${text} = '')`;
    case "is not empty":
      return `(${col} IS NOT NULL AND ${text} <> '')`;
    default:
      return `${left} ${c.op} ${value}`;
  }
}

/**
 * The SELECT behind a view, or an error naming the column the view refers to but the data lacks.
 * Over a staged table, `rowIds` has each row carry its staged row id (SOURCE_ROW: to find its
 * issues and edits by), and `checks` (a run's checks of its rows) lets the view keep only rows
 * with errors or warnings.
 */
export function viewSql(
  table: string,
  columns: readonly Column[],
  view: GridView,
  { checks, rowIds = false }: { checks?: Checks; rowIds?: boolean } = {},
): { sql: string } | { error: string } {
  const types = new Map(columns.map((c) => [c.name, c.type]));
  const missing = [view.sort?.column, ...view.conditions.map((c) => c.column)].find((c) => c !== undefined && !types.has(c));
  if (missing) return { error: `There is no column "${missing}".` };
  if (view.only && !checks) return { error: "Run the recipe first: its checks tell which rows have errors." };
  const where: string[] = view.conditions.map((c) => condition(c, types.get(c.column)!));
  if (view.only && checks) where.push(onlyRowsSql(view.only, checks));
  const search = view.search?.trim();
  if (search && columns.length) {
    const pattern = literal(`%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where.push(`(${columns.map((c) => `CAST(${ident(c.name)} AS VARCHAR) ILIKE ${pattern} ESCAPE '\\'`).join(" OR ")})`);
  }
  const order = view.sort ? ` ORDER BY ${ident(view.sort.column)} ${view.sort.descending ? "DESC" : "ASC"} NULLS LAST` : "";
  return { sql: `SELECT *${rowIds ? `, rowid AS ${SOURCE_ROW}` : ""} FROM ${ident(table)}${where.length ? ` WHERE ${where.join(" AND ")}` : ""}${order}` };
}

/**
 * One page by row id: fast at any depth of a table written in order (DuckDB
 * filters the scan by row id), and of a view that carries its table's row id
 * as `key` (the filter reaches the scan through the view).
 */
export function pageSql(table: string, selectList: string, offset: number, limit: number, key = "rowid"): string {
  const k = key === "rowid" ? key : ident(key);
  return `SELECT ${selectList} FROM ${ident(table)} WHERE ${k} >= ${offset} AND ${k} < ${offset + limit} ORDER BY ${k}`;
}
