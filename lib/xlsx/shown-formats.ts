/**
 * Values a workbook shows otherwise than the workbook reader gives them, by their cell's number format:
 * - numbers with leading zeros: Excel's "Zip Code" format (00000), Zip+4 (00000-0000), Social Security
 *   Number (000-00-0000), custom ones like 000000 for account numbers. The cell holds 2134, the sheet shows
 *   02134, and the reader gives the number;
 * - durations ([h]:mm:ss, a timesheet's hours): the cell holds a number of days, the sheet shows 36:00:00,
 *   and the reader gives a date and time in the days after 30 December 1899.
 * The formats come from `xl/styles.xml`, the cells that use them from the sheet's XML.
 */
export type Shown = { padded: string } | { duration: string };

/** Excel's built-in number formats that show a value so (the others have no id of their own). */
const BUILT_IN: Record<string, string> = { "46": "[h]:mm:ss" };
const EPOCH = Date.UTC(1899, 11, 30);

/** An XML tag's attribute's value, as written. */
export const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
/** XML text with its five named entities in their characters. */
export const unescapeXml = (text: string): string =>
  text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The workbook's cell styles' tags (`<xf>` in `<cellXfs>`), by index: the `s` of a cell. */
export const cellStyleTags = (stylesXml: string): string[] => [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? "").matchAll(/<xf\b[^>]*>/g)].map(([tag]) => tag);

/** How a format code shows its value, when the reader gives it otherwise: zeros (with dashes or spaces between), or elapsed time. */
export function shownBy(code: string): Shown | null {
  const plain = code.replace(/\\(.)/g, "$1").replace(/"([^"]*)"/g, "$1");
  if (/^0[0 -]*0$/.test(plain)) return { padded: plain };
  const duration = plain.split(";")[0]!.toLowerCase();
  return /^\[(h+|m+|s+)\](:mm)?(:ss)?$/.test(duration) ? { duration } : null;
}

/** The styles (index into `cellXfs`) whose number format shows a value so. */
export function shownStyles(stylesXml: string): Map<number, Shown> {
  const formats = new Map<string, Shown>();
  for (const [id, code] of Object.entries(BUILT_IN)) formats.set(id, shownBy(code)!);
  for (const [tag] of stylesXml.matchAll(/<numFmt\s[^>]*>/g)) {
    const id = attribute(tag, "numFmtId");
    const shown = shownBy(unescapeXml(attribute(tag, "formatCode") ?? ""));
    if (id !== undefined) {
      if (shown) formats.set(id, shown);
      else formats.delete(id);
    }
  }
  const styles = new Map<number, Shown>();
  cellStyleTags(stylesXml).forEach((tag, index) => {
    const shown = formats.get(attribute(tag, "numFmtId") ?? "");
    if (shown) styles.set(index, shown);
  });
  return styles;
}

/** A whole number as the format shows it: each 0 takes a digit from the right; digits beyond the format's go first. */
export function padNumber(value: number, format: string): string | null {
  if (!Number.isSafeInteger(value) || value < 0) return null;
  const digits = String(value).split("");
  let out = "";
  for (let i = format.length - 1; i >= 0; i--) out = (format[i] === "0" ? (digits.pop() ?? "0") : format[i]) + out;
  return digits.join("") + out;
}

const two = (n: number) => String(n).padStart(2, "0");

/** A number of days as an elapsed-time format shows it: [h]:mm:ss → 36:00:00, [mm]:ss → 2160:00 (to the second). */
export function durationText(days: number, format: string): string {
  const seconds = Math.round(Math.abs(days) * 86_400);
  const unit = format[1]!;
  const total = unit === "h" ? Math.floor(seconds / 3600) : unit === "m" ? Math.floor(seconds / 60) : seconds;
  const parts = [String(total)];
  if (format.includes(":mm")) parts.push(two(Math.floor(seconds / 60) % 60));
  if (format.includes(":ss")) parts.push(two(seconds % 60));
  return (days < 0 ? "-" : "") + parts.join(":");
}

/** The text a cell's value is shown as, or null to keep the reader's value. */
export function shownText(value: unknown, shown: Shown): string | null {
  if ("padded" in shown) return typeof value === "number" ? padNumber(value, shown.padded) : null;
  const days = value instanceof Date ? (value.getTime() - EPOCH) / 86_400_000 : typeof value === "number" ? value : null;
  return days === null || !Number.isFinite(days) ? null : durationText(days, shown.duration);
}

/** A cell address's column (0-based) from its letters: A → 0, AA → 26. */
const columnIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

export interface ShownCell {
  /** 0-based row and column in the sheet. */
  row: number;
  column: number;
  shown: Shown;
}

/** The number cells of a sheet's XML whose style shows them otherwise than the reader gives them. */
export function shownCells(sheetXml: string, styles: ReadonlyMap<number, Shown>): ShownCell[] {
  if (styles.size === 0) return [];
  const cells: ShownCell[] = [];
  for (const [tag] of sheetXml.matchAll(/<c\s[^>]*>/g)) {
    const shown = styles.get(Number(attribute(tag, "s")));
    // A number cell has no type, or type "n"; text (s, str, inlineStr) shows as it is.
    const type = attribute(tag, "t");
    const at = /^([A-Z]+)(\d+)$/.exec(attribute(tag, "r") ?? "");
    if (shown && (type === undefined || type === "n") && at) cells.push({ row: Number(at[2]) - 1, column: columnIndex(at[1]!), shown });
  }
  return cells;
}

/** The path of the named sheet's XML in the workbook (the first sheet's when no name is given). */
export function sheetXmlPath(workbookXml: string, relsXml: string, sheet?: string): string | null {
  const sheets = sheetsOf(workbookXml);
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.name === sheet);
  if (!chosen?.rel) return null;
  const relation = [...relsXml.matchAll(/<Relationship\s[^>]*>/g)].map(([tag]) => tag).find((tag) => attribute(tag, "Id") === chosen.rel);
  const target = relation && attribute(relation, "Target");
  if (!target) return null;
  return partPath(target);
}

/** A part's path in the archive from a relation's target in the workbook's relations (relative to `xl/`, or absolute). */
export const partPath = (target: string): string => (target.startsWith("/") ? target.slice(1) : `xl/${target}`);

/** The workbook's sheets, in order: each one's name and the relation that leads to its XML. */
const sheetsOf = (workbookXml: string) =>
  [...workbookXml.matchAll(/<sheet\s[^>]*>/g)].map(([tag]) => ({ name: unescapeXml(attribute(tag, "name") ?? ""), rel: attribute(tag, "r:id") }));

/** The names of the workbook's sheets, in order. */
export const sheetNames = (workbookXml: string): string[] => sheetsOf(workbookXml).map((s) => s.name);

/** The names of the sheets Excel hides (a list for a drop-down, a lookup): not what its user sees first. */
export const hiddenSheetNames = (workbookXml: string): string[] =>
  [...workbookXml.matchAll(/<sheet\s[^>]*>/g)].filter(([tag]) => /^(hidden|veryHidden)$/.test(attribute(tag, "state") ?? "")).map(([tag]) => unescapeXml(attribute(tag, "name") ?? ""));
