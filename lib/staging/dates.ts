import { ident } from "@/lib/sql/quote";

/**
 * Dates like 03/04/2024 read as March 4 or April 3. When DuckDB's sniffer
 * chose a day/month format and no value in a date column has a day above 12,
 * the data cannot tell which was meant: the user is asked. A format that
 * starts with the year (2024-03-04, ISO 8601) is year, month, day: no one
 * writes year, day, month, and DuckDB's sniffer never tries it.
 */
export function swappedDateFormat(format: string | null | undefined): string | null {
  if (!format || !format.includes("%d") || !format.includes("%m") || /^%[Yy]/.test(format)) return null;
  return format.replace("%d", "\u0000").replace("%m", "%d").replace("\u0000", "%m");
}

/** True for each DATE column whose every day is 12 or less (so day and month could be swapped). */
export function ambiguousDatesSql(table: string, dateColumns: readonly string[]): string {
  return `SELECT ${dateColumns.map((c, i) => `coalesce(bool_and(day(${ident(c)}) <= 12), false) AS c${i}`).join(", ")} FROM ${ident(table)}`;
}
