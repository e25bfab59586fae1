import { formatBytes } from "@/lib/format";

/**
 * The longest text Chromium holds (V8's String::kMaxLength on 64-bit systems: 2^29 − 24 characters). The workbook
 * reader reads each XML part of a workbook as one text, so a sheet whose XML is longer cannot be read: decoding it
 * gave no text at all, and the reader then said "missing start tag" of a sound workbook.
 */
export const LONGEST_TEXT = 2 ** 29 - 24;

/** A part of the workbook's archive: its path and its size once inflated. */
export type WorkbookPart = { name: string; size: number };

/** The longest XML part of the workbook past the longest text a browser holds, or null when every part fits. */
export function partTooLong(parts: readonly WorkbookPart[]): WorkbookPart | null {
  const over = parts.filter((p) => p.name.endsWith(".xml") && p.size > LONGEST_TEXT);
  return over.reduce<WorkbookPart | null>((longest, p) => (longest && longest.size >= p.size ? longest : p), null);
}

/** What the user is told: which part, how long, why it cannot be read here, and what reads it. */
export function tooLongMessage(part: WorkbookPart, sheet: string | null): string {
  const what = sheet !== null ? `Sheet "${sheet}"` : part.name.endsWith("sharedStrings.xml") ? "The workbook's shared text" : `Its part ${part.name}`;
  return (
    `This workbook is too large to read in a browser: ${what} is ${formatBytes(part.size)} of XML, and a browser holds at most ${formatBytes(LONGEST_TEXT)} of text at once. ` +
    "Save the sheet as CSV (in Excel: File › Save As › CSV UTF-8) and stage the CSV: Stages reads CSV files of a few gigabytes."
  );
}
