import { strFromU8, unzipSync } from "fflate";
import { hiddenSheetNames, sheetNames, sheetXmlPath } from "@/lib/xlsx/shown-formats";
import { partTooLong, tooLongMessage, type WorkbookPart } from "@/lib/xlsx/text-limit";
import { parsedWorkbook } from "./parsed-workbook";

/** One file of the workbook's archive as text, or null when it has none by that name. */
export function entry(bytes: Uint8Array, name: string): string | null {
  const found = unzipSync(bytes, { filter: (file) => file.name === name })[name];
  return found ? strFromU8(found) : null;
}

/** The names of the workbook's sheets (Excel's, an Excel 97–2003 or OpenDocument spreadsheet's), in order, and of those hidden; none when its bytes are not a workbook. */
export function workbookSheets(bytes: Uint8Array): { names: string[]; hidden: string[] } {
  try {
    const whole = parsedWorkbook(bytes);
    if (whole) return { names: whole.map((s) => s.name), hidden: whole.filter((s) => s.hidden).map((s) => s.name) };
    const workbook = entry(bytes, "xl/workbook.xml") ?? "";
    return { names: sheetNames(workbook), hidden: hiddenSheetNames(workbook) };
  } catch {
    return { names: [], hidden: [] };
  }
}

/**
 * Why the workbook cannot be read in a browser (lib/xlsx/text-limit.ts), or null. The archive's directory is
 * listed, not inflated; bytes that are not an archive are left to the workbook reader to describe.
 */
export function tooLongToRead(bytes: Uint8Array): string | null {
  const parts: WorkbookPart[] = [];
  try {
    unzipSync(bytes, { filter: (file) => (parts.push({ name: file.name, size: file.originalSize }), false) });
  } catch {
    return null;
  }
  const part = partTooLong(parts);
  if (!part) return null;
  const workbook = entry(bytes, "xl/workbook.xml") ?? "";
  const rels = entry(bytes, "xl/_rels/workbook.xml.rels") ?? "";
  const sheet = sheetNames(workbook).find((name) => sheetXmlPath(workbook, rels, name) === part.name) ?? null;
  return tooLongMessage(part, sheet);
}

/**
 * Of the workbook's sheets but those in `except`, the one whose XML is largest (the most cells, without reading any;
 * a workbook's read whole already, an OpenDocument or Excel 97–2003 one, by their cells), or undefined.
 */
export function largestSheet(bytes: Uint8Array, names: readonly string[], except: readonly (string | undefined)[]): string | undefined {
  const whole = parsedWorkbook(bytes);
  if (whole) return whole.filter((s) => names.includes(s.name) && !except.includes(s.name)).reduce<(typeof whole)[number] | undefined>((best, s) => (best && best.cells >= s.cells ? best : s), undefined)?.name;
  const sizes = new Map<string, number>();
  try {
    unzipSync(bytes, { filter: (file) => (sizes.set(file.name, file.originalSize), false) });
  } catch {
    return undefined;
  }
  const workbook = entry(bytes, "xl/workbook.xml") ?? "";
  const rels = entry(bytes, "xl/_rels/workbook.xml.rels") ?? "";
  const size = (name: string) => sizes.get(sheetXmlPath(workbook, rels, name) ?? "") ?? 0;
  return names.filter((name) => !except.includes(name)).reduce<string | undefined>((best, name) => (best === undefined || size(name) > size(best) ? name : best), undefined);
}
