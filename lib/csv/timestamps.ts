import { ident, literal } from "@/lib/sql/quote";
import { isMissingMarker, markerSql } from "./missing-values";

/**
 * Timestamps written for people: a date as a spreadsheet or a report writes it (12/31/2024, 31.12.2024,
 * 2024/12/31) and a time, with or without seconds, on a 24-hour clock or with AM/PM. DuckDB's sniffer
 * reads only ISO timestamps, so such a column stays text: sorted as text, and no time range can be
 * checked. After the read, a text column whose every value (missing-value markers aside) fits one of
 * these formats becomes TIMESTAMP. Where month and day could go either way (no day past 12), the
 * file's own date format decides, and without one the column stays text.
 */
const DATES = ["%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%Y-%m-%d", "%d-%m-%Y", "%m-%d-%Y"];
const TIMES = ["%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M:%S %p"];
export const TIMESTAMP_FORMATS = DATES.flatMap((date) => TIMES.map((time) => `${date} ${time}`));

const SHAPE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4} \d{1,2}:\d{2}(:\d{2})?( [AP]M)?$/i;

/** A column's first values: each a timestamp of one of these shapes or a marker, one of them a timestamp. */
export function mayBeTimestamps(values: readonly (string | null)[]): boolean {
  const given = values.filter((v): v is string => v !== null && v.trim() !== "" && !isMissingMarker(v));
  return given.length > 0 && given.every((v) => SHAPE.test(v.trim()));
}

const text = (column: string) => `trim(CAST(${ident(column)} AS VARCHAR))`;

/** SQL aggregates, named `<alias>_<i>`: whether every value of the column fits format i (markers and empty values aside). */
export function timestampAggregates(column: string, alias: string): string[] {
  const v = text(column);
  const given = `${v} <> '' AND NOT ${markerSql(v)}`;
  return TIMESTAMP_FORMATS.map((format, i) => `coalesce(bool_and(try_strptime(${v}, ${literal(format)}) IS NOT NULL) FILTER (WHERE ${given}), false) AS ${ident(`${alias}_${i}`)}`);
}

/** The format every value fits, from the aggregates' row; with month and day either way, the file's date format's; else null. */
export function timestampFormat(row: Record<string, unknown>, alias: string, dateFormat: string | undefined): string | null {
  const fits = TIMESTAMP_FORMATS.filter((_, i) => row[`${alias}_${i}`] === true);
  const dates = new Set(fits.map((format) => format.slice(0, format.indexOf(" "))));
  if (dates.size <= 1) return fits[0] ?? null;
  return fits.find((format) => format.startsWith(`${dateFormat} `)) ?? null;
}

/** The statement that makes the column a TIMESTAMP in place, its markers empty (as the SQL export repeats it). */
export function timestampStatement(table: string, column: string, format: string): string {
  const v = text(column);
  return `ALTER TABLE ${ident(table)} ALTER COLUMN ${ident(column)} SET DATA TYPE TIMESTAMP USING CASE WHEN ${v} = '' OR ${markerSql(v)} THEN NULL ELSE strptime(${v}, ${literal(format)}) END`;
}

const EXAMPLE: Record<string, string> = { "%d": "31", "%m": "12", "%Y": "2024", "%H": "23", "%I": "11", "%M": "59", "%S": "58", "%p": "PM" };

/** What the read made timestamps, in words; null when it made none. */
export function describeTimestamps(timestamps: Record<string, string> | undefined): string | null {
  const entries = Object.entries(timestamps ?? {});
  if (entries.length === 0) return null;
  const example = (format: string) => format.replace(/%[dmYHIMSp]/g, (code) => EXAMPLE[code]!);
  return `Read as timestamps: ${entries.map(([column, format]) => `${column} (written as ${example(format)})`).join(", ")}.`;
}
