import { rowsOfWidth, type Dialect } from "./records";

/**
 * The date format DuckDB's sniffer reports for a file whose DATE columns
 * hold ISO dates (2024-03-05), told from the file's first lines instead of
 * asking the sniffer again (a second sniff of a 200-column file took about
 * a second). Of the formats the sniffer tries, only %Y-%m-%d reads a value
 * that starts with four digits and a dash, and a column is DATE only when
 * every value reads with the one format chosen. Null when a DATE column
 * shows no value, or one written otherwise: then the sniffer is asked.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_FORMAT = "%Y-%m-%d";

export function isoDateFormat(lines: readonly string[], dialect: Dialect, columns: readonly { type: string }[]): string | null {
  const dates = columns.flatMap((c, i) => (c.type === "DATE" ? [i] : []));
  if (dates.length === 0) return null;
  const rows = rowsOfWidth(lines, dialect, columns.length);
  return dates.every((i) => allIsoDates(rows, i)) ? ISO_DATE_FORMAT : null;
}

const allIsoDates = (rows: readonly (readonly string[])[], i: number) => {
  const values = rows.map((r) => r[i]!.trim()).filter((v) => v !== "");
  return values.length > 0 && values.every((v) => ISO_DATE.test(v));
};

/**
 * The date format to read a file with whose first lines show a column of ISO dates, before DuckDB reads it: DuckDB
 * reads ISO dates by a cast that takes anything after the date and a space (2025-02-18 01:01:00 and 2025-02-18 xyz
 * are 2025-02-18), so a time or a note further down than its sniffer's sample was dropped without a word. Read by the
 * format, such a value fails its cast and the column is read as text (csv/mend.ts). Null when no column shows one.
 */
export function isoDatesInHead(lines: readonly string[], dialect: Dialect, width: number): string | null {
  const rows = rowsOfWidth(lines, dialect, width);
  return Array.from({ length: width }, (_, i) => i).some((i) => allIsoDates(rows, i)) ? ISO_DATE_FORMAT : null;
}

/**
 * Some TIMESTAMP column's first values start with a day and a month in either order (1/2/2024 9:05): only then
 * is the sniffer asked which format it read them with (to flag an order that could be either), as a sniff of
 * a wide file takes long; timestamps written year first (ISO's) cannot be read two ways.
 */
export function dayMonthTimestamps(lines: readonly string[], dialect: Dialect, columns: readonly { type: string }[]): boolean {
  const stamps = columns.flatMap((c, i) => (c.type === "TIMESTAMP" ? [i] : []));
  if (stamps.length === 0) return false;
  const rows = rowsOfWidth(lines, dialect, columns.length);
  return stamps.some((i) => rows.some((r) => /^\d{1,2}[./-]\d{1,2}[./-]/.test(r[i]!.trim())));
}
