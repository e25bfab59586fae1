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

/**
 * A two-digit year first (24.12.31): DuckDB's sniffer takes 31.12.24, as German and many other exports write
 * the last day of 2024, for 24 December 2031, as that format fits any such date up to the 31st year. The
 * formats that read the same text with the year last, day first then month first; null for any other format.
 */
export function yearLastFormats(format: string | null | undefined): string[] {
  const match = /^%y([./-])%m\1%d$/.exec(format ?? "");
  if (!match) return [];
  const sep = match[1]!;
  return [`%d${sep}%m${sep}%y`, `%m${sep}%d${sep}%y`];
}

/**
 * SQL aggregates, named `<alias>_<i>`: whether every date of the column, read with a two-digit year first,
 * is a date too when its text is read as yearLastFormats(format)[i] (its year's last two digits a day or a
 * month, its day a year of this century).
 */
export function yearLastFitSql(column: string, alias: string): string[] {
  const c = ident(column);
  const yy = `(year(${c}) % 100)`;
  const asDate = (month: string, day: string) => `TRY_CAST(printf('%04d-%02d-%02d', 2000 + day(${c}), ${month}, ${day}) AS DATE) IS NOT NULL`;
  return [asDate(`month(${c})`, yy), asDate(yy, `month(${c})`)].map((fits, i) => `coalesce(bool_and(${c} IS NULL OR ${fits}), false) AS ${ident(`${alias}_${i}`)}`);
}
