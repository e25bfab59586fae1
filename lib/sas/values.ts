import type { TypedCell, TypedColumn } from "@/lib/typed-table/table";
import { timeText } from "@/lib/typed-table/text";
import type { SasFormatLabels } from "./formats";

/**
 * A SAS number as a typed table's value, by its column's format: SAS counts dates in days and date-times in seconds
 * from 1 January 1960, times of day in seconds; a missing value (`.`, `.A`–`.Z`, `._`) is a NaN. Shared by the
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

/** What a numeric column holds, by its format's name (`MMDDYY10.` is `MMDDYY`). */
export function sasKind(format: string): SasKind {
  const name = format.toUpperCase().replace(/\d*\.?\d*$/, "");
  return DATE.test(name) ? "date" : DATETIME.test(name) ? "datetime" : TIME.test(name) ? "time" : "number";
}

/** The significant digits a number stored in `bytes` bytes keeps (SAS drops a double's last bytes to store it shorter). */
const DIGITS: Record<number, number> = { 3: 3, 4: 6, 5: 8, 6: 10, 7: 13 };

/** A column's name and what it holds, for the typed table its rows make (lib/typed-table/table.ts); a number with labels is a labelled code. */
export function sasTypedColumn(c: SasColumn, labels?: SasFormatLabels): TypedColumn {
  const type = !c.numeric ? "text" : labels ? "labelled" : c.kind === "datetime" ? "timestamp" : c.kind;
  return { name: c.name, type, ...(c.label ? { label: c.label } : {}) };
}

/** A number as its column's value: a date or date-time as milliseconds from 1970, a time as text; null when missing. */
export function sasNumberValue(value: number, kind: SasKind, bytes = 8): TypedCell {
  if (Number.isNaN(value)) return null;
  if (kind === "date") return EPOCH_1960 + Math.round(value) * DAY_MS;
  if (kind === "datetime") return Math.round(EPOCH_1960 + value * 1000);
  if (kind === "time") return timeText(value);
  const digits = DIGITS[bytes];
  return digits && !Number.isInteger(value) ? Number(value.toPrecision(digits)) : value;
}

/** A special missing value's name (`.A`–`.Z`, `._`, `.`) from its tag: a letter's code, or 2–27 for A–Z and 0 for `_`. */
export function missingTag(tag: number): string {
  const letter = tag === 0 ? "_" : tag >= 2 && tag < 28 ? String.fromCharCode(63 + tag) : String.fromCharCode(tag);
  return /^[A-Z_]$/.test(letter) ? `.${letter}` : ".";
}
