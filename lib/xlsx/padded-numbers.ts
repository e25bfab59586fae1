/**
 * Numbers a workbook shows with leading zeros: Excel's "Zip Code" format (00000), Zip+4 (00000-0000),
 * Social Security Number (000-00-0000) and custom ones like 000000 for account numbers. The cell holds
 * the number (2134) and the sheet shows 02134; the workbook reader gives the number, so such a column
 * staged as 2134. The formats come from `xl/styles.xml`, the cells that use them from the sheet's XML.
 */

/** A format code of zeros, with dashes or spaces between them (literal characters may be escaped or quoted). */
function paddingFormat(code: string): string | null {
  const plain = code.replace(/\\(.)/g, "$1").replace(/"([^"]*)"/g, "$1");
  return /^0[0 -]*0$/.test(plain) ? plain : null;
}

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The styles (index into `cellXfs`) whose number format pads with zeros, with that format. */
export function paddedStyles(stylesXml: string): Map<number, string> {
  const formats = new Map<string, string>();
  for (const [tag] of stylesXml.matchAll(/<numFmt\s[^>]*>/g)) {
    const id = attribute(tag, "numFmtId");
    const format = paddingFormat(unescapeXml(attribute(tag, "formatCode") ?? ""));
    if (id !== undefined && format) formats.set(id, format);
  }
  const styles = new Map<number, string>();
  if (formats.size === 0) return styles;
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? "";
  [...xfs.matchAll(/<xf\b[^>]*>/g)].forEach(([tag], index) => {
    const format = formats.get(attribute(tag, "numFmtId") ?? "");
    if (format) styles.set(index, format);
  });
  return styles;
}

const unescapeXml = (text: string): string =>
  text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** A whole number as the format shows it: each 0 takes a digit from the right; digits beyond the format's go first. */
export function padNumber(value: number, format: string): string | null {
  if (!Number.isSafeInteger(value) || value < 0) return null;
  const digits = String(value).split("");
  let out = "";
  for (let i = format.length - 1; i >= 0; i--) out = (format[i] === "0" ? (digits.pop() ?? "0") : format[i]) + out;
  return digits.join("") + out;
}

/** A cell address's column (0-based) from its letters: A → 0, AA → 26. */
const columnIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

export interface PaddedCell {
  /** 0-based row and column in the sheet. */
  row: number;
  column: number;
  format: string;
}

/** The number cells of a sheet's XML whose style pads with zeros. */
export function paddedCells(sheetXml: string, styles: ReadonlyMap<number, string>): PaddedCell[] {
  if (styles.size === 0) return [];
  const cells: PaddedCell[] = [];
  for (const [tag] of sheetXml.matchAll(/<c\s[^>]*>/g)) {
    const format = styles.get(Number(attribute(tag, "s")));
    // A number cell has no type, or type "n"; text (s, str, inlineStr) shows as it is.
    const type = attribute(tag, "t");
    const at = /^([A-Z]+)(\d+)$/.exec(attribute(tag, "r") ?? "");
    if (format && (type === undefined || type === "n") && at) cells.push({ row: Number(at[2]) - 1, column: columnIndex(at[1]!), format });
  }
  return cells;
}

/** The path of the named sheet's XML in the workbook (the first sheet's when no name is given). */
export function sheetXmlPath(workbookXml: string, relsXml: string, sheet?: string): string | null {
  const sheets = [...workbookXml.matchAll(/<sheet\s[^>]*>/g)].map(([tag]) => ({ name: unescapeXml(attribute(tag, "name") ?? ""), rel: attribute(tag, "r:id") }));
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.name === sheet);
  if (!chosen?.rel) return null;
  const relation = [...relsXml.matchAll(/<Relationship\s[^>]*>/g)].map(([tag]) => tag).find((tag) => attribute(tag, "Id") === chosen.rel);
  const target = relation && attribute(relation, "Target");
  if (!target) return null;
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}
