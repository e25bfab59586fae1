import { cellText } from "@/lib/xlsx/cell-text";
import { durationText, padNumber, shownBy } from "@/lib/xlsx/shown-formats";

/**
 * Excel's built-in number formats that show dates and times ([MS-XLS] 2.5.165: 14–22 and 45–47; 27–36 and
 * 50–58 are East Asian dates), which a workbook need not write out. 46 ([h]:mm:ss) is elapsed time.
 */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const BUILT_IN_CODES: Record<number, string> = { 46: "[h]:mm:ss" };

const DAY_MS = 86_400_000;

/** Whether a format code shows dates or times: a d, m, y, h or s outside its quoted text, escapes and [brackets]. */
export function isDateCode(code: string): boolean {
  const plain = code.split(";")[0]!.replace(/"[^"]*"/g, "").replace(/[\\_*]./g, "").replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(plain);
}

/**
 * How a number cell's value is written as CSV text, as an .xlsx cell's is (lib/xlsx/cell-text.ts), by its number
 * format: a date as a date, a date and time as a timestamp, a time of day as the time; digits shown with leading
 * zeros (a ZIP code formatted 00000) and elapsed time ([h]:mm) as shown; any other number as its value. `format` is
 * the format's id and `code` its code, when the workbook wrote one; `date1904` a Mac workbook's day zero.
 */
export function numberText(format: number, code: string | undefined, date1904: boolean): (value: number) => string {
  const known = code ?? BUILT_IN_CODES[format];
  const shown = known === undefined ? null : shownBy(known);
  if (shown && "padded" in shown) return (value) => padNumber(value, shown.padded) ?? String(value);
  if (shown) return (value) => durationText(value, shown.duration);
  if (BUILT_IN_DATES.has(format) || (known !== undefined && isDateCode(known))) return (value) => serialDateText(value, date1904);
  return String;
}

/**
 * A serial day number as CSV text: days since 30 December 1899 (1 January 1904 in a Mac workbook); a fraction
 * of a day alone is a time of day. The days before 1 March 1900 count Excel's 29 February 1900, which never was.
 */
export function serialDateText(serial: number, date1904: boolean): string {
  const ms = Math.round(serial * DAY_MS);
  const epoch = serial >= 0 && serial < 1 ? Date.UTC(1899, 11, 30) : date1904 ? Date.UTC(1904, 0, 1) : serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + ms);
  return Number.isNaN(date.getTime()) ? String(serial) : cellText(date)!;
}

/** A cell's error code ([MS-XLS] 2.5.10 BErr) as Excel shows it. */
export const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};
