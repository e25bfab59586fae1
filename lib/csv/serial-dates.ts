import { ident } from "@/lib/sql/quote";
import type { TypeFinding } from "./findings";

/**
 * Dates as Excel's serial day numbers (45292 is 2024-01-01; a fraction is the time of day), which a sheet saved
 * as CSV writes for a date column formatted "General": read as numbers, and nothing said. A numeric column is
 * taken for one when its name says it holds dates (created_at, ship_day, Order Date) and every value is a day between
 * 1950 and 2099; a name of times alone (response_time) is no date: its numbers may be milliseconds.
 */
const DATE_NAME = /date|datum|fecha|dob|birth|(^|[_\s])(day|dt|on|at)$/i;
/** Excel's serial days of 1950-01-01 and 2099-12-31. */
const FIRST = 18_264;
const LAST = 73_050;
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|REAL|DOUBLE|DECIMAL.*)$/i;

/** The numeric columns named as dates, worth a look. */
export const serialDateCandidates = (columns: readonly { name: string; type: string }[]): string[] =>
  columns.filter((c) => NUMERIC.test(c.type) && DATE_NAME.test(c.name)).map((c) => c.name);

/** One row: per column `lo{i}`, `hi{i}`, and `frac{i}` whether any value has a time of day. */
export const serialDatesSql = (table: string, columns: readonly string[]): string =>
  `SELECT ${columns.map((name, i) => `min(${ident(name)})::DOUBLE AS lo${i}, max(${ident(name)})::DOUBLE AS hi${i}, coalesce(bool_or(${ident(name)} <> floor(${ident(name)})), false) AS frac${i}`).join(", ")} FROM ${ident(table)}`;

/** Excel's day 0, from which its serial days count (1900's leap day, which Excel counts, comes before any day taken here). */
const DAY_ZERO = Date.UTC(1899, 11, 30);

/** A serial day as its date (2024-01-01). */
export const serialDay = (serial: number): string => new Date(DAY_ZERO + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);

/** The columns of `serialDatesSql`'s row that hold serial dates, as findings every value of which converts (as DATE, or TIMESTAMP with times of day). */
export function serialDateFindings(row: Record<string, unknown>, columns: readonly string[]): TypeFinding[] {
  return columns.flatMap((column, i): TypeFinding[] => {
    const lo = row[`lo${i}`];
    const hi = row[`hi${i}`];
    if (lo === null || lo === undefined || Number(lo) < FIRST || Number(hi) > LAST) return [];
    return [{ column, type: row[`frac${i}`] ? "TIMESTAMP" : "DATE", values: [], serial: { first: Number(lo), day: serialDay(Number(lo)) } }];
  });
}
