import { rowsOfWidth, type Dialect } from "./records";

/** A version number (5.4.12): parts of one digit before the last, which no writer of dates with dots leaves unpadded. */
const VERSION = /^(\d\.\d{1,2}|\d{1,2}\.\d)\.\d{1,2}$/;

/**
 * The DATE columns that DuckDB's sniffer read with dots and a two-digit year (%y.%m.%d, %d.%m.%y) whose values
 * in the file's first lines (as many fields as the table has columns) include a version number: 5.4.12 is a
 * release, not 12 April 2005 nor 5 April 2012. Such columns are text.
 */
export function versionColumns(lines: readonly string[], dialect: Dialect, columns: readonly { name: string; type: string }[], format: string | null | undefined): string[] {
  if (!/^%[ymd]\.%[ymd]\.%[ymd]$/.test(format ?? "") || !format!.includes("%y")) return [];
  const rows = rowsOfWidth(lines, dialect, columns.length);
  return columns.filter((c, i) => c.type === "DATE" && rows.some((r) => VERSION.test(r[i]!.trim()))).map((c) => c.name);
}
