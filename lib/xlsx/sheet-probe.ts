import { strFromU8, strToU8, zipSync } from "fflate";
import { entryText } from "@/lib/zip/entry-text";
import { sharedStrings } from "./rich-text";
import { excelTimestamp, stringValue, type SheetValues } from "./sheet-scan";
import { relationPath, sharedStringsPath, smallParts } from "./sheet-head";
import { cellStyleTags, shownStyles, type Shown } from "./shown-formats";

/**
 * What the sheet scan (sheet-scan.ts) needs from an Excel workbook: the sheet's XML, the shared strings' values, and
 * a probe: the workbook with the same styles and a sheet of one cell per style (the number 0, in that style), which
 * read-excel-file reads as a date where the style is a date format. Which formats are dates is read-excel-file's
 * judgement (built-in formats by locale, format codes), not written again here.
 */
export interface SheetParts {
  sheetXml: string;
  shared: (string | null)[];
  /** The probe workbook, none when the workbook has no styles. */
  probe: Uint8Array | null;
  styleCount: number;
  /** The styles that show a number otherwise than it is read (shown-formats.ts). */
  shown: Map<number, Shown>;
}

/** The sheet's parts, or null when the workbook is not laid out as the scan reads it. */
export async function sheetParts(bytes: Uint8Array, sheet: string | undefined): Promise<SheetParts | null> {
  try {
    return await partsOf(bytes, sheet);
  } catch {
    return null;
  }
}

async function partsOf(bytes: Uint8Array, sheet: string | undefined): Promise<SheetParts | null> {
  const small = smallParts(bytes, sheet);
  if (!small) return null;
  const { parts, rels, path } = small;
  const stringsPath = sharedStringsPath(rels);
  const sheetXml = await entryText(bytes, path);
  if (sheetXml === null) return null;
  const stringsXml = await entryText(bytes, stringsPath);
  const strings = stringsXml === null ? [] : sharedStrings(stringsXml);
  if (!strings) return null;
  const shared = strings.map(stringValue);
  const styles = parts[relationPath(rels, "styles", "xl/styles.xml")];
  const stylesXml = styles ? strFromU8(styles) : "";
  const styleCount = cellStyleTags(stylesXml).length;
  const shown = shownStyles(stylesXml);
  if (styleCount === 0) return { sheetXml, shared, probe: null, styleCount, shown };
  parts[path] = strToU8(probeSheet(styleCount));
  if (stringsXml !== null) parts[stringsPath] = strToU8('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>');
  return { sheetXml, shared, probe: zipSync(parts, { level: 0 }), styleCount, shown };
}

/** A sheet of one cell a row, row k + 1 holding 0 in style k. */
export function probeSheet(styles: number): string {
  const rows = Array.from({ length: styles }, (_, k) => `<row r="${k + 1}"><c r="A${k + 1}" s="${k}"><v>0</v></c></row>`);
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

/**
 * The dates among the styles, from read-excel-file's rows of the probe sheet (a style's 0 read as a date or as a
 * number), and the workbook's epoch from a date's value; null when the rows are not one a style.
 */
export function probedValues(rows: unknown[][], parts: SheetParts): SheetValues | null {
  if (rows.length !== parts.styleCount) return null;
  const dateStyles = rows.map((row) => row[0] instanceof Date);
  const date = rows.find((row) => row[0] instanceof Date)?.[0] as Date | undefined;
  return { shared: parts.shared, dateStyles, epoch1904: date !== undefined && date.getTime() === excelTimestamp(0, true), shown: parts.shown };
}
