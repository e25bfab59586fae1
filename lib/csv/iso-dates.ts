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
  const allIso = dates.every((i) => {
    const values = rows.map((r) => r[i]!.trim()).filter((v) => v !== "");
    return values.length > 0 && values.every((v) => ISO_DATE.test(v));
  });
  return allIso ? ISO_DATE_FORMAT : null;
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
