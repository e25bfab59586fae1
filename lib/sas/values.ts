import { dateText, timestampText } from "@/lib/dataset-text";

/**
 * A SAS number as text, by its column's format: SAS counts dates in days and date-times in seconds from
 * 1 January 1960, times of day in seconds; a missing value (`.`, `.A`–`.Z`, `._`) is a NaN. Shared by the
 * sas7bdat and transport (XPT) readers.
 */

const DAY_MS = 86_400_000;
const EPOCH_1960 = Date.UTC(1960, 0, 1);

// The formats SAS writes dates, date-times and times with (SAS Formats by Category), by their name without width.
const DATE = /^(DATE|DAY|DDMMYY[BCDNPS]?|DOWNAME|E8601DA|B8601DA|JULDAY|JULIAN|MMDDYY[BCDNPS]?|MMYY[CDNPS]?|MONNAME|MONTH|MONYY|NENGO|QTRR?|WEEKDAT[EX]|WEEKDAY|WEEKU|WEEKV|WEEKW|WORDDAT[EX]|YEAR|YYMM[CDNPS]?|YYMMDD[BCDNPS]?|YYMON|YYQR?[CDNPS]?|YYWEEK[UVW]|NLDATE\w*|MINGUO|PDJULG|PDJULI)$/;
const DATETIME = /^(DATETIME|DATEAMPM|DTDATE|DTMONYY|DTWKDATX|DTYEAR|DTYYQC|E8601DT|E8601DZ|B8601DT|B8601DZ|MDYAMPM|NLDATM\w*)$/;
const TIME = /^(TIME|TIMEAMPM|TOD|HHMM|HOUR|MMSS|E8601TM|E8601TZ|B8601TM|B8601TZ|NLTIM\w*)$/;

export type SasKind = "date" | "datetime" | "time" | "number";

/** A column of a SAS dataset or transport file. */
export interface SasColumn {
  name: string;
  label: string;
  format: string;
  numeric: boolean;
  /** Where its value starts in a row, and its width in bytes. */
  offset: number;
  width: number;
  kind: SasKind;
}

/** A text value's bytes without the spaces and NULs SAS pads it with, or null when nothing is left. */
export function paddedText(cell: Uint8Array, decode: (bytes: Uint8Array) => string): string | null {
  let end = cell.length;
  while (end > 0 && (cell[end - 1] === 0x20 || cell[end - 1] === 0)) end--;
  return end ? decode(cell.subarray(0, end)) : null;
}

/** What a numeric column holds, by its format's name (`MMDDYY10.` is `MMDDYY`). */
export function sasKind(format: string): SasKind {
  const name = format.toUpperCase().replace(/\d*\.?\d*$/, "");
  return DATE.test(name) ? "date" : DATETIME.test(name) ? "datetime" : TIME.test(name) ? "time" : "number";
}

/** The significant digits a number stored in `bytes` bytes keeps (SAS drops a double's last bytes to store it shorter). */
const DIGITS: Record<number, number> = { 3: 3, 4: 6, 5: 8, 6: 10, 7: 13 };

/** A number as CSV text, or null when missing. */
export function sasNumberText(value: number, kind: SasKind, bytes = 8): string | null {
  if (Number.isNaN(value)) return null;
  if (kind === "date") return dateText(EPOCH_1960 + Math.round(value) * DAY_MS);
  if (kind === "datetime") return timestampText(Math.round(EPOCH_1960 + value * 1000));
  if (kind === "time") return timeOfDay(value);
  const digits = DIGITS[bytes];
  return String(digits && !Number.isInteger(value) ? Number(value.toPrecision(digits)) : value);
}

/** `23:59:59`, or the hours past 24 of a duration (`30:00:00`). */
function timeOfDay(seconds: number): string {
  const whole = Math.round(seconds);
  const sign = whole < 0 ? "-" : "";
  const s = Math.abs(whole);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${sign}${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}
