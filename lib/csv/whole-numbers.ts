import { ident } from "@/lib/sql/quote";
import type { CsvReadPlan } from "./read-sql";
import { fieldRows, type Dialect } from "./records";

/**
 * Columns of whole numbers whose values further down have a fraction. DuckDB's sniffer types a column from its
 * first 20,480 rows, and its reader casts the values after them to that type without its sniffer's strictness: 12.5
 * in a BIGINT column is read as 13, without a word (duckdb/duckdb issue 25824). So a column whose first lines hold
 * whole numbers alone is read as DOUBLE (exact for them: at most 15 digits) and made BIGINT in the same statement,
 * each value checked: a value with a fraction, or too big for a DOUBLE to hold exactly, stops the statement with an
 * error naming the column. The read is then made again with every such column DOUBLE, unchecked, and one scan of the
 * table tells each: whole numbers are made BIGINT, fractions stay DOUBLE, and a column with numbers too big for a
 * DOUBLE is read once more as the sniffer reads it (numbers of 16 digits and more, exact as before). So a file with
 * fractions in several columns is read twice, not once a column.
 */
// Without a leading zero: DuckDB's sniffer reads 007 as text (a code), and so is it left to.
const WHOLE = /^[+-]?(0|[1-9]\d{0,14})$/;
const MARK = "stages whole numbers";
/** 2^53: a DOUBLE holds every whole number below it exactly. */
const EXACT = "9007199254740992";

/** The columns (by name, as the read names them) whose values in the file's first lines are all whole numbers of at most 15 digits, none with a leading zero. */
export function wholeNumberColumns(lines: readonly string[], dialect: Dialect, names: readonly string[]): string[] {
  const rows = fieldRows(lines, dialect).filter((r) => r.length === names.length);
  return names.filter((_, i) => {
    const values = rows.map((r) => r[i]!.trim()).filter((v) => v !== "");
    return values.length > 0 && values.every((v) => WHOLE.test(v));
  });
}

/**
 * The names the read gives the columns, where the plan's own names or a header's fields say them for sure, or DuckDB's
 * names for a file without a header (column0, or column00 from 11 columns on); none for a header whose names DuckDB
 * would make (empty ones, repeats, spaces around). A type given to a name the read lacks fails it (table.ts reads again).
 */
export function namesRead(plan: Pick<CsvReadPlan, "names" | "header">, headerFields: readonly string[], width: number): readonly string[] {
  if (plan.names) return plan.names;
  if (!plan.header) return Array.from({ length: width }, (_, i) => `column${String(i).padStart(String(width - 1).length, "0")}`);
  const lower = headerFields.map((f) => f.toLowerCase());
  const sure = headerFields.every((f, i) => f !== "" && f === f.trim() && lower.indexOf(lower[i]!) === i);
  return sure ? headerFields : [];
}

/** A read that named a column it lacks in its types. */
export const NAMES_MISSED = /COLUMN_TYPES error|in REPLACE list not found/;

/** The select list of the read: every column, those of `columns` (read as DOUBLE) made BIGINT, checked value by value. */
export function wholeNumbersSelect(columns: readonly string[]): string {
  if (columns.length === 0) return "*";
  const made = columns.map((name, i) => {
    const c = ident(name);
    const fails = (kind: string) => `error('${MARK}: ${kind} ${i}')`;
    // The test for empty values after the one for whole numbers: one comparison fewer for most values (2% of a read of 100 MB).
    return `CASE WHEN ${c} = trunc(${c}) AND abs(${c}) < ${EXACT} THEN CAST(${c} AS BIGINT) WHEN ${c} IS NULL THEN NULL WHEN ${c} = trunc(${c}) THEN ${fails("size")} ELSE ${fails("fraction")} END AS ${c}`;
  });
  return `* REPLACE (${made.join(", ")})`;
}

/** From a failed read's error, the column of `columns` that stopped it and why; null for any other error. */
export function wholeNumbersFailure(error: string, columns: readonly string[]): { column: string; fraction: boolean } | null {
  const match = new RegExp(`${MARK}: (size|fraction) (\\d+)`).exec(error);
  const column = match ? columns[Number(match[2])] : undefined;
  return column === undefined ? null : { column, fraction: match![1] === "fraction" };
}

/** One row: for each column of `columns` (DOUBLE), `i<n>` whether its values are all whole, `s<n>` whether all below 2^53. */
export function wholeKindsSql(table: string, columns: readonly string[]): string {
  const tests = columns.map((name, i) => {
    const c = ident(name);
    return `coalesce(bool_and(${c} = trunc(${c})), true) AS i${i}, coalesce(bool_and(abs(${c}) < ${EXACT}), true) AS s${i}`;
  });
  return `SELECT ${tests.join(", ")} FROM ${ident(table)}`;
}

export type WholeKind = "whole" | "fraction" | "big";

/** Each column's kind from `wholeKindsSql`'s row. */
export function wholeKinds(row: Record<string, unknown>, columns: readonly string[]): Map<string, WholeKind> {
  return new Map(columns.map((c, i) => [c, row[`i${i}`] !== true ? "fraction" : row[`s${i}`] !== true ? "big" : "whole"]));
}
