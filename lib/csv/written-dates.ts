import { COLUMN_NAME, VALUE } from "@/lib/sql/column-values";
import { ident, literal } from "@/lib/sql/quote";
import { swappedDateFormat } from "@/lib/staging/dates";
import { isMissingMarker, markerSql, trimmedText } from "./missing-values";

/**
 * Dates and timestamps written for people. DuckDB's sniffer reads ISO dates and timestamps and one other
 * date format per file, so these stay text, sorted as text and out of reach of a date or time rule:
 * - dates written as a spreadsheet or a report writes them (12/31/2024, 31.12.2024, 2024/12/31, 12/31/24), with a
 *   time or not (a date alone when the file's other dates took DuckDB's one format), with or without seconds (and
 *   their fraction), on a 24-hour clock or with AM/PM;
 * - dates with the month's name (02-Jan-2024 or 02-JAN-24 as Oracle writes them, 2 January 2024, Jan 2, 2024,
 *   15/Jan/24 as Jira writes them), with or without a time (Jan 2, 2024 3:04 PM; 02-JAN-2024 10:15:00; Jan 2,
 *   2024 at 3:04 PM as Apple's and Google's apps write them);
 * - timestamps with an offset after a space, as Snowflake writes them (2024-01-01 10:00:00.000 -0800);
 * - times of day with AM or PM (10:30 PM; DuckDB reads a 24-hour clock only).
 * After the read, a text column whose every value (missing-value markers aside) fits one of these formats
 * becomes TIMESTAMP, DATE or TIME; one whose values are dates written one way, some with a time and some without
 * (a midnight written as the date alone, 2025-01-17 beside 2025-02-18 01:01:00), becomes TIMESTAMP, read by the
 * list of that date's formats (MIXED_FORMATS). Where month and day could go either way (no day past 12), the
 * file's own date format decides, and without one the first way is read and flagged.
 */
const DATES = ["%m/%d/%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d", "%Y-%m-%d", "%d-%m-%Y", "%m-%d-%Y"];
// A year of two digits last (12/31/24 23:59): %Y takes 24 for the year 24 too, so where both fit, %y is read.
const SHORT_YEAR_DATES = DATES.filter((date) => date.endsWith("%Y")).map((date) => date.replace("%Y", "%y"));
const TIMES = ["%H:%M", "%H:%M:%S", "%H:%M:%S.%f", "%I:%M %p", "%I:%M:%S %p"];
// A two-digit year first: %Y would read 24 as the year 24.
const NAMED_MONTHS = ["%d-%b-%y", "%d-%b-%Y", "%d/%b/%y", "%d/%b/%Y", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y"];
// An offset after a space, as Snowflake writes its timestamps (2024-01-01 10:00:00.000 -0800).
const WITH_OFFSET = ["%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S.%f %z"];
// Times of day on a 12-hour clock (10:30 PM), which DuckDB reads on a 24-hour clock only.
const CLOCK_TIMES = ["%I:%M %p", "%I:%M:%S %p"];
// A month's name, then "at" before the time, as Apple's and Google's apps write them (Jan 2, 2024 at 3:04 PM).
const AT_TIMES = ["%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y"].flatMap((date) => TIMES.map((time) => `${date} at ${time}`));
// ISO 8601's T between date and time, which DuckDB reads itself unless some values of the column are dates alone.
const ISO_DATE = "%Y-%m-%d";
const T_TIMES = ["%H:%M", "%H:%M:%S", "%H:%M:%S.%f"].map((time) => `${ISO_DATE}T${time}`);
// Dates alone too: DuckDB's sniffer reads one date format per file, so a second column written another way stays text.
export const WRITTEN_FORMATS = [...[...DATES, ...SHORT_YEAR_DATES, ...NAMED_MONTHS].flatMap((date) => [...TIMES.map((time) => `${date} ${time}`), date]), ...AT_TIMES, ...WITH_OFFSET, ...CLOCK_TIMES, ...T_TIMES];

/** A list of formats, as `writtenDates` keeps a column read by more than one: each value fits exactly one of them. */
const LIST = "|";

/**
 * By date, the list of its formats (the date alone first, then with each time; an offset's apart), as one format:
 * a column whose every value fits one of them is read by the list.
 */
export const MIXED_FORMATS = [...DATES, ...SHORT_YEAR_DATES, ...NAMED_MONTHS].map((date) =>
  [date, ...WRITTEN_FORMATS.filter((format) => !format.includes("%z") && (format.startsWith(`${date} `) || (date === ISO_DATE && format.startsWith(`${date}T`))))].join(LIST),
);
/** What a column is tested against: the formats, then the lists (as indices past the formats'). */
const CANDIDATES = [...WRITTEN_FORMATS, ...MIXED_FORMATS];
const SINGLE = WRITTEN_FORMATS.map((_, i) => i);
const MIXED = MIXED_FORMATS.map((_, i) => WRITTEN_FORMATS.length + i);
const isList = (format: string) => format.includes(LIST);
const named = (format: string) => /%[bB]/.test(format);
/** A format's date: its text before the first space (or T), the first of a list's. */
const datePart = (format: string | undefined) => format?.split(LIST)[0]!.split(/[ T]/)[0];
/** A format as DuckDB's strptime takes it: a list's as a list. */
const formatSql = (format: string) => (isList(format) ? `[${format.split(LIST).map(literal).join(", ")}]` : literal(format));

/** The format the user is shown and may turn for a column read by `format`: a list's first with a time. */
export function shownFormat(format: string): string {
  return isList(format) ? format.split(LIST).find((f) => f.includes("%H") || f.includes("%I"))! : format;
}

// Numeric dates, a month's name with a year of two or four digits: a time after them or not.
const TIME_SHAPE = String.raw`( at)? \d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?( [AP]M)?`;
const SHAPES = [
  /^(\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})) \d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?( [AP]M| [+-]\d{2}:?\d{2})?$/i,
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/,
  // A date alone with dots and a two-digit year has two-digit days and months: 5.4.12 is a version, not a date.
  /^(\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/-]\d{1,2}[/-](\d{2}|\d{4})|\d{1,2}\.\d{1,2}\.\d{4}|\d{2}\.\d{2}\.\d{2})$/,
  new RegExp(String.raw`^\d{1,2}[-/ ]\p{L}{3,9}[-/ ](\d{2}|\d{4})(${TIME_SHAPE})?$`, "iu"),
  new RegExp(String.raw`^\p{L}{3,9} \d{1,2},? \d{4}(${TIME_SHAPE})?$`, "iu"),
  /^\d{1,2}:\d{2}(:\d{2})? [AP]M$/i,
];

/**
 * Dates written as one number, yyyymmdd (20240131), as GTFS feeds, SAP and trading systems write them: DuckDB
 * reads them as whole numbers. A whole-number column is read as dates when its name says it holds dates
 * (start_date, TradeDate, DATE, dob) and every value is a date of the years 1800 to 2200 written so.
 */
export const COMPACT_DATE = "%Y%m%d";

/** A column's name says it holds dates: one of its words (snake_case, camelCase) is date, dt, dob or yyyymmdd, or ends in date (tradedate; not update, candidate, validate). */
export function namedAsDate(name: string): boolean {
  const words = name.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? [];
  return words.some((w) => /^(date|dt|dob|yyyymmdd)$/i.test(w) || (/date$/i.test(w) && !/(up|candi|vali|man|liqui|consoli|accommo)date$/i.test(w)));
}

/** SQL aggregate named `alias`: whether every value of the whole-number column is a date written yyyymmdd (empty ones aside). */
export function compactDateAggregate(column: string, alias: string): string {
  const v = ident(column);
  return `coalesce(bool_and(${v} BETWEEN 18000101 AND 22001231 AND try_strptime(CAST(${v} AS VARCHAR), ${literal(COMPACT_DATE)}) IS NOT NULL) FILTER (WHERE ${v} IS NOT NULL), false) AS ${ident(alias)}`;
}

/** The type a format reads: a time in it makes a TIMESTAMP, with an offset a TIMESTAMP WITH TIME ZONE; a time alone a TIME. */
export function writtenType(format: string): "DATE" | "TIME" | "TIMESTAMP" | "TIMESTAMP WITH TIME ZONE" {
  if (format.includes("%z")) return "TIMESTAMP WITH TIME ZONE";
  if (CLOCK_TIMES.includes(format)) return "TIME";
  return format.includes("%H") || format.includes("%I") ? "TIMESTAMP" : "DATE";
}

/** A column's first values: each a date or timestamp of one of these shapes or a marker, one of them not a marker. */
export function mayBeWrittenDates(values: readonly (string | null)[]): boolean {
  const given = values.filter((v): v is string => v !== null && v.trim() !== "" && !isMissingMarker(v));
  return given.length > 0 && given.every((v) => SHAPES.some((shape) => shape.test(v.trim())));
}

/**
 * The rows of `valuesSql` (a column's values as `column_name` and `value`: lib/sql/column-values.ts) with each value
 * trimmed, without empty values and missing-value markers: what the aggregates below test. Trimmed and left out once
 * here, rather than in each of 156 aggregates, the test of 256 rows took DuckDB-WASM in Node half the time (110–130 ms
 * against 245–260 ms, and 150 against 670 ms the first time).
 */
export function writtenDateValues(valuesSql: string): string {
  const v = ident("text");
  return `SELECT ${ident(COLUMN_NAME)}, ${v} AS ${ident(VALUE)} FROM (SELECT ${ident(COLUMN_NAME)}, trim(CAST(${ident(VALUE)} AS VARCHAR)) AS ${v} FROM (${valuesSql})) WHERE ${v} <> '' AND NOT ${markerSql(v)}`;
}

/**
 * SQL aggregates over `writtenDateValues`, named `<alias>_<i>`: how many values fit candidate i (a format of
 * WRITTEN_FORMATS, or past them a list of MIXED_FORMATS), for the candidates `only` names or every format; and
 * `<alias>_given`, how many values there are.
 */
export function writtenDateAggregates(alias: string, only: readonly number[] = SINGLE): string[] {
  const v = ident(VALUE);
  return [`count(*) AS ${ident(`${alias}_given`)}`, ...only.map((i) => `count_if(try_strptime(${v}, ${formatSql(CANDIDATES[i]!)}) IS NOT NULL) AS ${ident(`${alias}_${i}`)}`)];
}

const given = (row: Record<string, unknown>, alias: string) => Number(row[`${alias}_given`]);
const fitsAll = (row: Record<string, unknown>, alias: string, i: number) => row[`${alias}_${i}`] !== undefined && Number(row[`${alias}_${i}`]) === given(row, alias);

/**
 * What the whole column is to be tested against, from the test of its first rows (every format's count): the
 * formats all their values fit, then, tested only when none of those fits the whole column, the lists whose
 * formats they fit between them. A format or list every value of the column fits is always among them, so the
 * whole column is tested against these alone (a column of 1,000,000 values against all 159 formats took
 * DuckDB-WASM minutes). First rows without a value leave everything open. Passes that test nothing are left out.
 */
export function formatsLeftOpen(row: Record<string, unknown> | undefined, alias: string): number[][] {
  if (!row || given(row, alias) === 0) return [SINGLE, MIXED];
  const counted = (format: string) => Number(row[`${alias}_${WRITTEN_FORMATS.indexOf(format)}`] ?? 0);
  const single = SINGLE.filter((i) => fitsAll(row, alias, i));
  const mixed = MIXED.filter((i) => CANDIDATES[i]!.split(LIST).reduce((sum, format) => sum + counted(format), 0) === given(row, alias));
  return [single, mixed].filter((pass) => pass.length > 0);
}

/**
 * Over `writtenDateValues`: a value that fits none of the candidates `only` names, if there is one. DuckDB stops at the
 * first (LIMIT 1), so a pass of one candidate that a value further down does not fit ends there, rather than counting
 * the column's fits (a million values not fitting took DuckDB-WASM 2.7 s to count: a failed parse is its slow path).
 */
export function misfitSql(valuesSql: string, only: readonly number[]): string {
  const v = ident(VALUE);
  return `SELECT 1 AS misfit FROM (${valuesSql}) WHERE NOT (${only.map((i) => `try_strptime(${v}, ${formatSql(CANDIDATES[i]!)}) IS NOT NULL`).join(" OR ")}) LIMIT 1`;
}

/** The aggregates' row of a column every value of which fits candidate `i`, as `writtenDateFormat` reads it. */
export function fitRow(alias: string, i: number): Record<string, unknown> {
  return { [`${alias}_given`]: 1, [`${alias}_${i}`]: 1 };
}

/** Whether some candidate of the aggregates' row fits every value: a later pass need not run. */
export function someFit(row: Record<string, unknown>, alias: string): boolean {
  return CANDIDATES.some((_, i) => fitsAll(row, alias, i));
}

/**
 * The format (or list) every value fits, from the aggregates' row, a format before a list; with month and day
 * either way, the one whose date part is the file's (`fileFormat`: its date or timestamp format), else day first as
 * DuckDB's sniffer reads dates (month first before a 12-hour clock), which the read flags for the user to turn
 * (workers/engine/readers.ts); null when the values fit none.
 */
export function writtenDateFormat(row: Record<string, unknown>, alias: string, fileFormat: string | undefined): string | null {
  const single = WRITTEN_FORMATS.filter((_, i) => fitsAll(row, alias, i));
  const all = single.length ? single : MIXED_FORMATS.filter((_, i) => fitsAll(row, alias, MIXED[i]!));
  // Years of two digits fit %Y too, as years 0 to 99.
  const fits = all.filter((format) => !(format.includes("%Y") && all.includes(format.replaceAll("%Y", "%y"))));
  // Month and day either way show as two numeric date parts; a month's name and its abbreviation (May) are no choice.
  const dates = [...new Set(fits.map((format) => (named(format) ? "named" : datePart(format))))];
  if (dates.length <= 1) return fits[0] ?? null;
  const given = fits.find((format) => datePart(format) === datePart(fileFormat));
  if (given) return given;
  // Either way: day first, but month first before a 12-hour clock (1/2/2024 1:45 PM), as the US writes them.
  const first = fits.some((format) => !isList(format) && format.includes("%p")) ? "%m" : "%d";
  return dates.length === 2 && swappedDateFormat(dates[0]) === dates[1] ? fits.find((format) => format.startsWith(first))! : null;
}

/** The statement that makes the column a DATE or TIMESTAMP in place, its markers empty (as the SQL export repeats it). */
export function writtenDateStatement(table: string, column: string, format: string): string {
  const v = trimmedText(column);
  const type = writtenType(format);
  return `ALTER TABLE ${ident(table)} ALTER COLUMN ${ident(column)} SET DATA TYPE ${type} USING CASE WHEN ${v} = '' OR ${markerSql(v)} THEN NULL ELSE CAST(strptime(${v}, ${formatSql(format)}) AS ${type}) END`;
}

const EXAMPLE: Record<string, string> = { "%d": "31", "%m": "12", "%Y": "2024", "%y": "24", "%b": "Dec", "%B": "December", "%H": "23", "%I": "11", "%M": "59", "%S": "58", "%f": "250", "%p": "PM", "%z": "-0800" };

/** What the read made dates and timestamps, in words; null when it made none. */
export function describeWrittenDates(written: Record<string, string> | undefined): string | null {
  const entries = Object.entries(written ?? {});
  if (entries.length === 0) return null;
  const example = (format: string) => format.replace(/%[dmYybBHIMSfpz]/g, (code) => EXAMPLE[code]!);
  const shown = (format: string) => (isList(format) ? `${example(format.split(LIST)[0]!)} with or without a time of day` : example(format));
  return `Read as dates and times: ${entries.map(([column, format]) => `${column} (written as ${shown(format)})`).join(", ")}.`;
}
