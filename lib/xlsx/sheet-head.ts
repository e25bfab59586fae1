import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { entryHead } from "@/lib/zip/entry-head";
import { partPath, sheetXmlPath } from "./shown-formats";

/**
 * A sheet's first rows as a workbook of their own: its XML cut after a number of rows and closed again, and its
 * shared strings cut after the last one those rows use. The workbook reader then reads them as it reads the whole
 * sheet (dates, formats, shared and inline strings alike), while the whole sheet is still being read.
 */

const ROW_END = /<\/row>|<row\b[^>]*\/>/g;

/** Whether the text holds `rows` whole rows. */
export const holdsRows = (xml: string, rows: number): boolean => (xml.match(ROW_END)?.length ?? 0) >= rows;

/**
 * The sheet's XML with its first `rows` rows (of a text that may stop anywhere after them), its other rows and
 * what follows them left out, and no dimension (which names the whole sheet's range); null when the text holds no
 * whole row in the form Excel writes (a sheet whose elements have a namespace prefix).
 */
export function sheetHeadXml(xml: string, rows: number): string | null {
  const start = xml.search(/<sheetData\b/);
  if (start < 0) return null;
  let end = -1;
  let count = 0;
  for (const match of xml.slice(start).matchAll(ROW_END)) {
    end = start + match.index + match[0].length;
    if (++count === rows) break;
  }
  if (end < 0) return null;
  return `${xml.slice(0, end).replace(/<dimension\b[^>]*\/>/, "")}</sheetData></worksheet>`;
}

/** The largest shared string index the sheet's cells use (cells of type `s`), or -1. */
export function lastSharedString(sheetXml: string): number {
  let last = -1;
  for (const [, index] of sheetXml.matchAll(/<c\b[^>]*\bt="s"[^>]*>\s*<v>(\d+)<\/v>/g)) last = Math.max(last, Number(index));
  return last;
}

const STRING_END = /<\/si>|<si\s*\/>/g;

/** How many whole shared strings the shared strings' XML (or the start of it) holds. */
export const sharedStringCount = (xml: string): number => xml.match(STRING_END)?.length ?? 0;

/** Whether the shared strings' text holds the string of index `index`. */
export const holdsString = (xml: string, index: number): boolean => sharedStringCount(xml) > index;

/** The shared strings' XML cut after the string of index `index` and closed again; null when it does not hold it. */
export function sharedStringsHead(xml: string, index: number): string | null {
  let count = 0;
  for (const match of xml.matchAll(STRING_END)) {
    if (count++ === index) return `${xml.slice(0, match.index + match[0].length)}</sst>`;
  }
  return null;
}

/** Parts of a workbook besides its sheets and shared strings that are copied whole into its head (styles, relations). */
const SMALL_PART = 4 * 1024 * 1024;

/**
 * A workbook of the first `rows` rows of an Excel workbook's sheet (the first when none is named) and of the shared
 * strings they use, its other small parts as they are, for the workbook reader to read as it reads the whole sheet;
 * null when it cannot be made so (not an Excel workbook, a sheet written otherwise than Excel writes it).
 */
export function headWorkbook(bytes: Uint8Array, sheet: string | undefined, rows: number): Uint8Array | null {
  try {
    return headParts(bytes, sheet, rows);
  } catch {
    return null;
  }
}

/**
 * An Excel workbook's parts but its sheets and shared strings (small ones: styles, relations; an OpenDocument
 * spreadsheet has none of them), its relations' text and the path of the sheet named (the first when none is); null
 * when it has no such sheet.
 */
export function smallParts(bytes: Uint8Array, sheet: string | undefined): { parts: Record<string, Uint8Array>; rels: string; path: string } | null {
  const small = (name: string) => (name.startsWith("xl/") && !name.startsWith("xl/worksheets/") && !/sharedStrings\.xml$/i.test(name)) || name === "[Content_Types].xml" || name === "_rels/.rels";
  const parts = unzipSync(bytes, { filter: (file) => small(file.name) && file.originalSize <= SMALL_PART });
  const workbook = parts["xl/workbook.xml"];
  const relsPart = parts["xl/_rels/workbook.xml.rels"];
  if (!workbook || !relsPart) return null;
  const rels = strFromU8(relsPart);
  const path = sheetXmlPath(strFromU8(workbook), rels, sheet);
  return path ? { parts, rels, path } : null;
}

function headParts(bytes: Uint8Array, sheet: string | undefined, rows: number): Uint8Array | null {
  const small = smallParts(bytes, sheet);
  if (!small) return null;
  const { parts, rels, path } = small;
  const sheetText = entryHead(bytes, path, (text) => holdsRows(text, rows));
  const sheetXml = sheetText && sheetHeadXml(sheetText.text, rows);
  if (!sheetXml) return null;
  parts[path] = strToU8(sheetXml);
  const last = lastSharedString(sheetXml);
  if (last >= 0) {
    const stringsPath = sharedStringsPath(rels);
    const strings = entryHead(bytes, stringsPath, (text) => holdsString(text, last));
    const head = strings && sharedStringsHead(strings.text, last);
    if (!head) return null;
    parts[stringsPath] = strToU8(head);
  }
  return zipSync(parts, { level: 0 });
}

/** Where the workbook keeps the part of a relation type (`sharedStrings`, `styles`), by its relations; else `fallback`. */
export function relationPath(rels: string, type: string, fallback: string): string {
  const relation = new RegExp(`<Relationship\\s[^>]*Type="[^"]*/${type}"[^>]*>`).exec(rels)?.[0];
  const target = relation && /\sTarget="([^"]*)"/.exec(relation)?.[1];
  return target ? partPath(target) : fallback;
}

/** Where the workbook keeps its shared strings, by its relations. */
export const sharedStringsPath = (rels: string): string => relationPath(rels, "sharedStrings", "xl/sharedStrings.xml");
