import { sheetXmlPath, shownCells, shownStyles, shownText } from "@/lib/xlsx/shown-formats";
import { entry } from "./workbook-parts";

/**
 * The sheet's rows (as the workbook reader gives them, from the sheet's first row) with each value the sheet
 * shows otherwise (leading zeros, durations: lib/xlsx/shown-formats.ts) as the sheet shows it, in place.
 * Only a workbook whose styles use such a format has its sheet's XML inflated and scanned again.
 */
export function showAsFormatted(bytes: Uint8Array, sheet: string | undefined, rows: unknown[][]): void {
  const styles = shownStyles(entry(bytes, "xl/styles.xml") ?? "");
  if (styles.size === 0) return;
  const path = sheetXmlPath(entry(bytes, "xl/workbook.xml") ?? "", entry(bytes, "xl/_rels/workbook.xml.rels") ?? "", sheet);
  const xml = path && entry(bytes, path);
  if (!xml) return;
  for (const { row, column, shown } of shownCells(xml, styles)) {
    const text = rows[row] && shownText(rows[row][column], shown);
    if (text) rows[row]![column] = text;
  }
}
