import type { TypedCell, ColumnType } from "@/lib/typed-table/table";
import { timeText } from "@/lib/typed-table/text";

/**
 * An SPSS number as a typed table's value, by its variable's dictionary: null when missing (system-missing, a
 * user-missing value or range), its value label when it has one, dates, date-times and times (seconds from 14 October
 * 1582) as such.
 * Shared by the .sav and portable (.por) readers.
 */
export interface SpssNumeric {
  /** Its print format's type (20 DATE, 22 DATETIME, …). */
  format: number;
  missing: number[];
  /** A missing range (low, high), when its missing values are one. */
  range?: [number, number];
  labels?: Map<number, string>;
  /** A string variable's value labels, by its value without trailing spaces ("M" is "Male"). */
  textLabels?: Map<string, string>;
  /** A string variable's declared missing values, without trailing spaces. */
  missingTexts?: string[];
}

/** A string variable's value (without trailing spaces) read as it is, as its label, or as empty when declared missing. */
export function spssTextValue<T>(code: string, cell: T, v: Pick<SpssNumeric, "textLabels" | "missingTexts">): T | string | null {
  if (v.missingTexts?.includes(code)) return null;
  return v.textLabels?.get(code) ?? cell;
}

const EPOCH_1582 = Date.UTC(1582, 9, 14);
const DATE_FORMATS = new Set([20, 23, 24, 28, 29, 30, 38, 39]);
const DATETIME_FORMATS = new Set([22, 41]);
const TIME_FORMATS = new Set([21, 25, 40]);

/** What a numeric variable holds: labelled codes, dates, date-times, times or numbers. */
export function spssType(v: SpssNumeric): ColumnType {
  if (v.labels?.size) return "labelled";
  return DATE_FORMATS.has(v.format) ? "date" : DATETIME_FORMATS.has(v.format) ? "timestamp" : TIME_FORMATS.has(v.format) ? "time" : "number";
}

/**
 * The number as its variable's value, or null when it is missing (NaN is system-missing). `type` is spssType's, which
 * a reader settles once for each variable rather than for each value.
 */
export function spssNumberValue(number: number, v: SpssNumeric, type: ColumnType): TypedCell {
  if (Number.isNaN(number) || v.missing.includes(number) || (v.range && number >= v.range[0] && number <= v.range[1])) return null;
  if (type === "labelled") return v.labels!.get(number) ?? String(number);
  if (type === "date" || type === "timestamp") return EPOCH_1582 + number * 1000;
  return type === "time" ? timeText(number) : number;
}
