import { isoDateTimeText } from "@/lib/xlsx/cell-text";

/** A cell's attributes, by their (normalized) names: `office:value-type`, `office:value`, `office:date-value`, … */
export type CellAttributes = Record<string, string | undefined>;

/**
 * An OpenDocument cell's value as CSV text, as a workbook cell's is (lib/xlsx/cell-text.ts): a number as its
 * value, not as shown (12.5, not "12,50 €" or "1250%"), but digits shown with leading zeros (a code formatted
 * 00000) as shown; a date as a date, a date and time as a timestamp, a time alone or a duration as
 * hours:minutes:seconds; a boolean as true or false; a formula's error as shown (#DIV/0!); text as written, its paragraphs on lines of their own.
 * Null for an empty cell.
 */
export function cellValue(attrs: CellAttributes, shown: string): string | null {
  const type = attrs["office:value-type"];
  const value = attrs["office:value"];
  // A formula's error (#DIV/0!, #N/A) is written as the number 0 beside it: the error is what the cell holds.
  if (attrs["calcext:value-type"] === "error") return shown === "" ? null : shown;
  // A boolean from a workbook or a formula (=TRUE()) is the number 1 or 0 shown as TRUE or FALSE.
  if (type === "float" && (value === "1" || value === "0") && (attrs["calcext:value-type"] === "boolean" || /^(true|false)$/i.test(shown))) return value === "1" ? "true" : "false";
  if ((type === "float" || type === "percentage" || type === "currency") && value !== undefined) {
    return /^0\d+$/.test(shown) && Number(shown) === Number(value) ? shown : value;
  }
  if (type === "date" && attrs["office:date-value"]) return isoDateTimeText(attrs["office:date-value"]);
  if (type === "time" && attrs["office:time-value"]) return duration(attrs["office:time-value"]) ?? shown;
  if (type === "boolean" && attrs["office:boolean-value"]) return attrs["office:boolean-value"] === "true" ? "true" : "false";
  const text = attrs["office:string-value"] ?? shown;
  return text === "" ? null : text;
}

/** An ISO 8601 duration (`PT13H45M00S`, `PT36H`, `P1DT2H`) as `13:45:00`, `36:00:00`, `26:00:00`; null when it is not one. */
function duration(iso: string): string | null {
  const m = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m) return null;
  const hours = Number(m[2] ?? 0) * 24 + Number(m[3] ?? 0);
  const [whole, fraction] = (m[5] ?? "0").split(".");
  const two = (n: number | string) => String(n).padStart(2, "0");
  const seconds = two(whole!) + (fraction && /[1-9]/.test(fraction) ? `.${fraction.replace(/0+$/, "")}` : "");
  return `${m[1] ?? ""}${two(hours)}:${two(m[4] ?? 0)}:${seconds}`;
}
