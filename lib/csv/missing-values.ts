import { ident, literal } from "@/lib/sql/quote";

/**
 * Missing-value markers (NA from R, NULL and \N from SQL dumps, #N/A and the
 * other error values of Excel's formulas, #NV as German Excel writes #N/A, n.a. in
 * reports, -- as ad platforms and trackers write no value, MySQL's zero date 0000-00-00) in a column of numbers, dates or booleans. DuckDB's sniffer reads
 * such a column as text, and a marker further down fails its cast and makes
 * the column text there too. Column by column, a text column whose every
 * value is a marker or casts to one type becomes that type, the markers
 * empty. Text columns keep their markers: "NA" is also Namibia.
 */
export const MISSING_MARKERS = ["NA", "N/A", "n/a", "NULL", "null", "\\N", "None", "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#NV", "n.a.", "N.A.", "--", "0000-00-00", "0000-00-00 00:00:00"] as const;
const MARKERS = new Set<string>(MISSING_MARKERS);
export const MARKED_TYPES = ["BIGINT", "HUGEINT", "DOUBLE", "DATE", "TIMESTAMP", "BOOLEAN"] as const;
export type MarkedType = (typeof MARKED_TYPES)[number];

export const isMissingMarker = (value: string): boolean => MARKERS.has(value.trim());

/** Looks like a number, a date, a time or a boolean (the first values of a column, to choose which to check). */
export const looksTyped = (value: string): boolean => /^[-+]?\d[\d.,:/ \-+T]*(Z|[eE][-+]?\d+)?$|^(true|false)$/i.test(value.trim());

/** A column's first values: each a marker or typed, one of them typed. */
export function mayHoldMarkers(values: readonly (string | null)[]): boolean {
  const given = values.filter((v): v is string => v !== null && v.trim() !== "");
  return given.some(looksTyped) && given.every((v) => isMissingMarker(v) || looksTyped(v));
}

const markerList = MISSING_MARKERS.map(literal).join(", ");
/** SQL: the (trimmed text) value is a marker. */
export const markerSql = (value: string): string => `${value} IN (${markerList})`;
/** SQL: a column's value as trimmed text, whatever its type. */
export const trimmedText = (column: string) => `trim(CAST(${ident(column)} AS VARCHAR))`;

const ISO_DATE = "%Y-%m-%d";
/** Whole numbers by their digits: DuckDB's cast would round 1.5 to 2. */
const DIGITS: Partial<Record<MarkedType, number>> = { BIGINT: 18, HUGEINT: 38 };
/**
 * A number has no zero before its other digits: 02134 is a code (a ZIP code, an account) whose zero a cast
 * would drop, and DuckDB's sniffer keeps such a column text. 0, 0.5 and -0 are numbers.
 */
export const LEADING_ZERO = "^[+-]?0[0-9]";

/** SQL: the value (text) as the type, or null where it does not fit (a date by the file's date format, else ISO: a cast takes a time too). */
function attemptSql(value: string, type: MarkedType, dateFormat: string | undefined): string {
  const digits = DIGITS[type];
  if (digits) return `CASE WHEN regexp_full_match(${value}, '[+-]?\\d{1,${digits}}') AND NOT regexp_matches(${value}, '${LEADING_ZERO}') THEN CAST(${value} AS ${type}) END`;
  if (type === "DATE") return `CAST(try_strptime(${value}, ${literal(dateFormat ?? ISO_DATE)}) AS DATE)`;
  if (type === "DOUBLE") return `CASE WHEN NOT regexp_matches(${value}, '${LEADING_ZERO}') THEN TRY_CAST(${value} AS DOUBLE) END`;
  return `TRY_CAST(${value} AS ${type})`;
}

/** SQL aggregate over a text column, named after `alias`: whether it holds a marker (one cheap scan, before the casts are tried). */
export function markerAggregate(column: string, alias: string): string {
  return `coalesce(bool_or(${markerSql(trimmedText(column))}), false) AS ${ident(alias)}`;
}

/** SQL aggregates over a text column, named after `alias`: per type, whether every value but the markers casts to it. */
export function typeAggregates(column: string, alias: string, dateFormat: string | undefined): string[] {
  const v = trimmedText(column);
  const other = `${ident(column)} IS NOT NULL AND ${v} <> '' AND NOT ${markerSql(v)}`;
  return MARKED_TYPES.map((t) => `coalesce(bool_and(${attemptSql(v, t, dateFormat)} IS NOT NULL) FILTER (WHERE ${other}), false) AS ${ident(`${alias}_${t}`)}`);
}

/** The type a column with markers is read as (the first that every other value casts to), or null: it stays text. */
export function markedType(row: Record<string, unknown>, alias: string): MarkedType | null {
  return MARKED_TYPES.find((t) => row[`${alias}_${t}`] === true) ?? null;
}

/** The statement that makes a checked column its type in place, its markers empty (as the SQL export repeats it). */
export function markedStatement(table: string, column: string, type: MarkedType, dateFormat: string | undefined): string {
  const v = trimmedText(column);
  return `ALTER TABLE ${ident(table)} ALTER COLUMN ${ident(column)} SET DATA TYPE ${type} USING CASE WHEN ${markerSql(v)} OR ${v} = '' THEN NULL ELSE ${attemptSql(v, type, dateFormat)} END`;
}

/** What the read did with markers, in words (columns typed here, and columns of numbers that had them); null when it did nothing. */
export function describeMarked(parse: { missing?: Record<string, unknown>; numbers?: Record<string, { markers?: boolean }> }): string | null {
  const columns = [...Object.keys(parse.missing ?? {}), ...Object.entries(parse.numbers ?? {}).flatMap(([name, n]) => (n.markers ? [name] : []))];
  return columns.length ? `Read with missing-value markers (NA, NULL, \\N, Excel's #N/A, #DIV/0! and other errors) as empty: ${columns.join(", ")}.` : null;
}
