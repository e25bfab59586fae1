import { COLUMN_NAME, columnValuesSql, VALUE } from "@/lib/sql/column-values";
import { ident } from "@/lib/sql/quote";
import { isNumericType } from "@/lib/sql/types";
import type { TypeFinding } from "./findings";
import { namedAsDate } from "./written-dates";

/**
 * Dates as Excel's serial day numbers (45292 is 2024-01-01; a fraction is the time of day), which a sheet saved
 * as CSV writes for a date column formatted "General": read as numbers, and nothing said. A numeric column is
 * taken for one when its name says it holds dates (created_at, ship_day, Order Date) and every value is a day between
 * 1950 and 2099; a name of times alone (response_time) is no date: its numbers may be milliseconds. Named as dates
 * is as a compact date's column is (namedAsDate: date, dt, dob; not update or candidate), or as a moment by its last word.
 */
const namedAsDay = (name: string): boolean => namedAsDate(name) || /datum$|^fecha|(^|[_\s])(day|on|at)$/i.test(name);
/** Excel's serial days of 1950-01-01 and 2099-12-31. */
const FIRST = 18_264;
const LAST = 73_050;

/** The numeric columns named as dates, worth a look. */
export const serialDateCandidates = (columns: readonly { name: string; type: string }[]): string[] =>
  columns.filter((c) => isNumericType(c.type) && namedAsDay(c.name)).map((c) => c.name);

/** One row per column of values (`column_name`): `lo`, `hi`, and `frac` whether any value has a time of day (lib/sql/column-values.ts). */
export const serialDatesSql = (table: string, columns: readonly string[]): string => {
  const v = ident(VALUE);
  return `SELECT ${ident(COLUMN_NAME)}, min(${v})::DOUBLE AS lo, max(${v})::DOUBLE AS hi, coalesce(bool_or(${v} <> floor(${v})), false) AS frac FROM (${columnValuesSql(table, columns)}) GROUP BY ALL`;
};

/** Excel's day 0, from which its serial days count (1900's leap day, which Excel counts, comes before any day taken here). */
const DAY_ZERO = Date.UTC(1899, 11, 30);

/** A serial day as its date (2024-01-01). */
export const serialDay = (serial: number): string => new Date(DAY_ZERO + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);

/** The columns (in their order) of `serialDatesSql`'s rows that hold serial dates, as findings every value of which converts (as DATE, or TIMESTAMP with times of day). */
export function serialDateFindings(rows: readonly Record<string, unknown>[], columns: readonly string[]): TypeFinding[] {
  const of = new Map(rows.map((row) => [String(row[COLUMN_NAME]), row]));
  return columns.flatMap((column): TypeFinding[] => {
    const row = of.get(column);
    if (!row || Number(row.lo) < FIRST || Number(row.hi) > LAST) return [];
    return [{ column, type: row.frac ? "TIMESTAMP" : "DATE", values: [], serial: { first: Number(row.lo), day: serialDay(Number(row.lo)) } }];
  });
}
