import { strFromU8, unzipSync } from "fflate";
import { sheetNames, sheetXmlPath } from "@/lib/xlsx/shown-formats";
import { partTooLong, tooLongMessage, type WorkbookPart } from "@/lib/xlsx/text-limit";

/** One file of the workbook's archive as text, or null when it has none by that name. */
export function entry(bytes: Uint8Array, name: string): string | null {
  const found = unzipSync(bytes, { filter: (file) => file.name === name })[name];
  return found ? strFromU8(found) : null;
}

/** The names of the workbook's sheets, in order; none when its bytes are not a workbook's archive. */
export function workbookSheets(bytes: Uint8Array): string[] {
  try {
    return sheetNames(entry(bytes, "xl/workbook.xml") ?? "");
  } catch {
    return [];
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
