import { dateText, timestampText } from "@/lib/dataset-text";

/**
 * An SPSS number as text, by its variable's dictionary: empty when missing (system-missing, a user-missing value
 * or range), its value label when it has one, dates, date-times and times (seconds from 14 October 1582) as such.
 * Shared by the .sav and portable (.por) readers.
 */
export interface SpssNumeric {
  /** Its print format's type (20 DATE, 22 DATETIME, …). */
  format: number;
  missing: number[];
  /** A missing range (low, high), when its missing values are one. */
  range?: [number, number];
  labels?: Map<number, string>;
}

const EPOCH_1582 = Date.UTC(1582, 9, 14);
const DATE_FORMATS = new Set([20, 23, 24, 28, 29, 30, 38, 39]);
const DATETIME_FORMATS = new Set([22, 41]);
const TIME_FORMATS = new Set([21, 25, 40]);
const two = (n: number) => String(n).padStart(2, "0");

/** The number as text, or null when it is missing (NaN is system-missing). */
export function spssNumberText(number: number, v: SpssNumeric): string | null {
  if (Number.isNaN(number) || v.missing.includes(number) || (v.range && number >= v.range[0] && number <= v.range[1])) return null;
  const label = v.labels?.get(number);
  if (label !== undefined) return label;
  if (DATE_FORMATS.has(v.format)) return dateText(EPOCH_1582 + number * 1000);
  if (DATETIME_FORMATS.has(v.format)) return timestampText(EPOCH_1582 + number * 1000);
  if (TIME_FORMATS.has(v.format)) return `${two(Math.floor(number / 3600))}:${two(Math.floor(number / 60) % 60)}:${two(Math.floor(number % 60))}`;
  return String(number);
}
