import { strFromU8, unzipSync } from "fflate";
import { padNumber, paddedCells, paddedStyles, sheetXmlPath } from "@/lib/xlsx/padded-numbers";

/** One file of the workbook's archive as text, or null when it has none by that name. */
function entry(bytes: Uint8Array, name: string): string | null {
  const found = unzipSync(bytes, { filter: (file) => file.name === name })[name];
  return found ? strFromU8(found) : null;
}

/**
 * The sheet's rows (as the workbook reader gives them, from the sheet's first row) with each number that the
 * sheet shows with leading zeros (lib/xlsx/padded-numbers.ts) as that text, in place. Only a workbook whose
 * styles pad with zeros has its sheet's XML inflated and scanned again.
 */
export function showPaddedNumbers(bytes: Uint8Array, sheet: string, rows: unknown[][]): void {
  const styles = paddedStyles(entry(bytes, "xl/styles.xml") ?? "");
  if (styles.size === 0) return;
  const path = sheetXmlPath(entry(bytes, "xl/workbook.xml") ?? "", entry(bytes, "xl/_rels/workbook.xml.rels") ?? "", sheet);
  const xml = path && entry(bytes, path);
  if (!xml) return;
  for (const { row, column, format } of paddedCells(xml, styles)) {
    const value = rows[row]?.[column];
    const shown = typeof value === "number" ? padNumber(value, format) : null;
    if (shown !== null) rows[row]![column] = shown;
  }
}
