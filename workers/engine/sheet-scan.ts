import { readSheet } from "read-excel-file/web-worker";
import { probedValues, sheetParts } from "@/lib/xlsx/sheet-probe";
import { scanSheet, type RowsRead } from "@/lib/xlsx/sheet-scan";

/**
 * An Excel workbook's sheet read by the app's own scan of its XML (lib/xlsx/sheet-scan.ts), the styles that are dates
 * told by read-excel-file from a probe of them (lib/xlsx/sheet-probe.ts), numbers shown as the sheet shows them
 * (leading zeros, durations: shown-formats.ts); null when the scan leaves the sheet to
 * read-excel-file (a cell it refuses, XML written otherwise than Excel and the libraries write it).
 */
export async function scannedRows(bytes: Uint8Array, sheet: string | undefined, onRowsRead?: RowsRead): Promise<unknown[][] | null> {
  const parts = await sheetParts(bytes, sheet);
  if (!parts) return null;
  const probed = parts.probe ? await readSheet(parts.probe.buffer as ArrayBuffer, sheet, { trim: true }).catch(() => null) : [];
  const values = probed && probedValues(probed, parts);
  return values ? scanSheet(parts.sheetXml, values, onRowsRead) : null;
}
