import { readSheet } from "read-excel-file/web-worker";
import { isSummaryRow } from "@/lib/csv/layout";
import { csvRow, PLAIN_CSV } from "@/lib/csv/write";
import { fail, ok, type Result } from "@/lib/result";
import { dataTable, htmlTables, NO_TABLE, tableName } from "@/lib/staging/html-table";
import type { ParseOptions } from "@/lib/staging/parse-options";
import { unreadableArchive } from "@/lib/staging/zip-entries";
import { cellText } from "@/lib/xlsx/cell-text";
import { holdsNoTable } from "@/lib/xlsx/cover-sheet";
import { withTimedMidnights } from "@/lib/xlsx/timed-midnights";
import { headWorkbook } from "@/lib/xlsx/sheet-head";
import { mendedWorkbook, REFUSED_CELL, type MendedCell } from "@/lib/xlsx/mend-cells";
import { headRows, type HeadRows } from "@/lib/csv/head-preview";
import { findLayout, type FirstRead } from "./csv/first-read";
import { parsedWorkbook } from "./parsed-workbook";
import type { ReadInfo } from "./read-info";
import { scannedRows } from "./sheet-scan";
import { showAsFormatted } from "./shown-formats";
import { utf8Blob } from "./text";
import { largestSheet, tooLongToRead, workbookSheets } from "./workbook-parts";

/** The sheet's rows read so far, and its rows by its dimension when it has one. */
type RowsRead = (done: number, total?: number) => void;

/** Where a workbook's first rows go as soon as they are read, and how many of its sheet's rows are read. */
export interface SheetRead {
  onHead?: (head: HeadRows) => void;
  onRowsRead?: RowsRead;
}

/** A sheet's cells mended as it is read (lib/xlsx/mend-cells.ts), and how many of its rows are read. */
interface SheetReading {
  mended?: MendedCell[];
  onRowsRead?: RowsRead;
}

/** Reads CSV text of our own making into the table, as the CSV reader reads a file. */
export type ReadCsvText = (text: Blob, options: ParseOptions, first: FirstRead) => Promise<Result<ReadInfo>>;

/**
 * An Excel workbook's sheet: its rows as CSV text (sheet-rows below). The options' sheet, else the first one not
 * hidden; a first sheet that holds no table (a cover: lib/xlsx/cover-sheet.ts) gives way to the largest other
 * sheet. A sheet read other than the workbook's first is recorded in the options.
 */
export async function readXlsx(fileName: string, blob: Blob, options: ParseOptions, readText: ReadCsvText, { onHead, onRowsRead }: SheetRead = {}): Promise<Result<ReadInfo>> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const tooLong = tooLongToRead(bytes);
  if (tooLong) return fail({ file: fileName, message: tooLong });
  // Only the sheet read is parsed (a workbook's other sheets may be as large).
  const { names, hidden } = workbookSheets(bytes);
  if (options.sheet && names.length > 0 && !names.includes(options.sheet)) {
    return fail({ file: fileName, message: `The workbook has no sheet named "${options.sheet}" (it has ${names.join(", ")}).` });
  }
  // The first sheet its user sees: hidden ones (a drop-down's list) are read only when chosen.
  const shown = names.filter((n) => !hidden.includes(n));
  let name = options.sheet ?? shown[0] ?? names[0];
  if (onHead) await showHead(bytes, name, () => (shown.length > 1 ? largestSheet(bytes, names, [name, ...hidden]) : undefined), options, onHead);
  const mended: MendedCell[] = [];
  let data = await sheetRows(fileName, bytes, name, { mended, onRowsRead });
  const cover = options.sheet === undefined && shown.length > 1 && data.ok && holdsNoTable(data.value.slice(options.headerRow - 1)) ? name : undefined;
  if (cover !== undefined) {
    name = largestSheet(bytes, names, [cover, ...hidden]);
    mended.length = 0;
    data = await sheetRows(fileName, bytes, name, { mended, onRowsRead });
  }
  if (!data.ok) return data;
  // A sheet read other than the first is recorded, so that a read again reads it.
  const recorded = options.sheet === undefined && name !== names[0];
  const rows = data.value.slice(options.headerRow - 1);
  if (rows.length === 0) return fail({ file: fileName, message: `${name === undefined ? "The sheet" : `Sheet "${name}"`} has no rows from row ${options.headerRow} on.` });
  const read = await readRows(rows.map((r) => r.map(cellText)), options, readText);
  if (!read.ok) return read;
  return ok({ ...read.value, sheets: names, ...(hidden.length ? { hiddenSheets: hidden } : {}), ...(recorded ? { parse: { ...(read.value.parse ?? options), sheet: name } } : {}), ...(cover !== undefined ? { coverSheet: cover } : {}), ...(mended.length ? { mendedCells: { count: mended.length, first: mended.slice(0, SHOWN_CELLS) } } : {}) });
}

/** Mended cells kept in the file's record, the first ones. */
const SHOWN_CELLS = 20;

/** Rows read from a sheet's start to find its first rows: its titles and names' row, and rows enough below them. */
const HEAD_ROWS = 40;

/**
 * An Excel workbook's first rows, read from a workbook of its sheet's first rows alone (lib/xlsx/sheet-head.ts) and
 * cut as its rows will be, given to `onHead` while the whole sheet is read; a first sheet that holds no table (a
 * cover) gives way to `other`, as in the whole read. Nothing is shown when they cannot be had so.
 */
async function showHead(bytes: Uint8Array, name: string | undefined, other: () => string | undefined, options: ParseOptions, onHead: (head: HeadRows) => void): Promise<void> {
  let rows = await sheetHead(bytes, name, options);
  if (rows && options.sheet === undefined && holdsNoTable(rows)) {
    const instead = other();
    rows = instead === undefined ? null : await sheetHead(bytes, instead, options);
  }
  if (!rows?.length) return;
  const found = await findLayout(textOfLines(sheetCsvLines(rows).lines), ownCsv(options, 0));
  const shown = headRows(found.sample.head, found.layout);
  if (shown) onHead(shown);
}

/** A sheet's first rows' cell texts, from its names' row; null when they cannot be read from its first rows alone. */
async function sheetHead(bytes: Uint8Array, name: string | undefined, options: ParseOptions): Promise<(string | null)[][] | null> {
  const head = headWorkbook(bytes, name, options.headerRow - 1 + HEAD_ROWS);
  const data = head && (await readableRows(head as Uint8Array<ArrayBuffer>, name).catch(() => null));
  if (!data) return null;
  return data.slice(options.headerRow - 1).map((r) => r.map(cellText));
}

/**
 * A sheet's cells, numbers with leading zeros (a ZIP code formatted 00000) and durations as the sheet shows them:
 * an Excel workbook's, or an Excel 97–2003 or OpenDocument spreadsheet's (workers/engine/parsed-workbook.ts).
 */
export async function sheetRows(fileName: string, bytes: Uint8Array<ArrayBuffer>, name: string | undefined, reading: SheetReading = {}): Promise<Result<unknown[][]>> {
  const whole = parsedSheetRows(bytes, name);
  if (whole) return whole.ok ? whole : fail({ file: fileName, message: whole.error.message });
  try {
    return ok(await readableRows(bytes, name, reading));
  } catch (error) {
    // Other ZIP archives (zipped CSV, an .ods, a Word file) look like a workbook by their first bytes.
    const unreadable = unreadableArchive(bytes);
    return fail({ file: fileName, message: unreadable ?? `This is not a readable Excel workbook (${(error as Error).message}).` });
  }
}

/**
 * An Excel workbook's sheet as read-excel-file reads it, its shown formats applied; a cell whose value its type does
 * not allow refuses the whole sheet, so such cells are mended (lib/xlsx/mend-cells.ts) and put in `mended`. Throws
 * what the reader throws when that does not make it readable.
 */
async function readableRows(bytes: Uint8Array<ArrayBuffer>, name: string | undefined, { mended, onRowsRead }: SheetReading = {}): Promise<unknown[][]> {
  try {
    return await formattedRows(bytes, name, onRowsRead);
  } catch (error) {
    const fixed = REFUSED_CELL.test((error as Error).message) ? mendedWorkbook(bytes, name) : null;
    const rows = fixed && (await formattedRows(fixed.bytes, name, onRowsRead).catch(() => null));
    if (!rows) throw error;
    mended?.push(...fixed.mended);
    return rows;
  }
}

async function formattedRows(bytes: Uint8Array<ArrayBuffer>, name: string | undefined, onRowsRead?: RowsRead): Promise<unknown[][]> {
  // `onRowsRead` is told as the scan begins and after each 50,000 rows, or after each 4 MB of the sheet's XML read by
  // read-excel-file (patches/read-excel-file+9.3.17.patch).
  const options = { trim: true, ...(onRowsRead ? { onRowsRead } : {}) };
  // The scan shows the cells as the sheet shows them itself; read-excel-file's rows are shown so after.
  const scanned = await scannedRows(bytes, name, onRowsRead);
  if (scanned) return scanned;
  const data = await readSheet(bytes.buffer, name, options);
  showAsFormatted(bytes, name, data);
  return data;
}

/** A sheet of a workbook read whole (the first when none is named), or null when the bytes are not such a workbook. */
function parsedSheetRows(bytes: Uint8Array, name: string | undefined): Result<unknown[][]> | null {
  try {
    const sheets = parsedWorkbook(bytes);
    if (!sheets) return null;
    const sheet = name === undefined ? sheets[0] : sheets.find((s) => s.name === name);
    return sheet ? ok(sheet.rows) : fail({ message: sheets.length ? `The spreadsheet has no sheet named "${name}".` : "The spreadsheet has no sheet." });
  } catch (error) {
    return fail({ message: (error as Error).message });
  }
}

/**
 * An HTML document's table (a web application's "Excel" export, a saved page): its rows as CSV text. The
 * table chosen (the options' `sheet`, "Table 2"), else the one with the most cells, which is recorded.
 */
export async function readHtml(fileName: string, blob: Blob, options: ParseOptions, readText: ReadCsvText): Promise<Result<ReadInfo>> {
  const tables = htmlTables(await (await utf8Blob(blob, options.gzip, options.encoding)).text());
  const names = tables.map((_, i) => tableName(i));
  const chosen = options.sheet === undefined ? dataTable(tables) : names.indexOf(options.sheet);
  if (tables.length === 0) return fail({ file: fileName, message: NO_TABLE });
  if (chosen < 0) return fail({ file: fileName, message: `The page has no table named "${options.sheet}" (it has ${names.join(", ")}).` });
  const rows = tables[chosen]!.slice(options.headerRow - 1);
  if (rows.length === 0) return fail({ file: fileName, message: `${names[chosen]} has no rows from row ${options.headerRow} on.` });
  const read = await readRows(rows, options, readText);
  return read.ok ? ok({ ...read.value, parse: { ...(read.value.parse ?? options), sheet: names[chosen] }, sheets: names }) : read;
}

/**
 * Rows of cell texts (a sheet's from the row holding the names) read as CSV text: a row with no value at
 * all is a spacer, not a row of data (a blank line, which is not read), and so is a column with none; title rows above the table are
 * found as a CSV's title lines are; summary rows at the end (Total) are left out below the table. A row's
 * "line" is its row in the sheet.
 */
export async function readRows(cells: (string | null)[][], options: ParseOptions, readText: ReadCsvText): Promise<Result<ReadInfo>> {
  const { texts, lines } = sheetCsvLines(cells);
  const text = textOfLines(lines);
  const asCsv = ownCsv(options, options.notes ?? summaryLines(texts, lines));
  // From the first row, title rows are found; a row the user chose holds the names.
  const found = options.headerRow === 1 ? await findLayout(text, asCsv) : undefined;
  if (found) asCsv.skip = found.layout.preamble;
  // Titles found move the names' row.
  return readOwnCsv(text, asCsv, found, rowsAbove(lines, asCsv.skip!), options, readText);
}

/**
 * A database's table as CSV text of the engine's making (workers/engine/sqlite.ts), read as a sheet's rows are
 * but for what a sheet may hold besides: its names are in its first row and nothing but rows are under them.
 */
export async function readTableText(text: Blob, options: ParseOptions, readText: ReadCsvText): Promise<Result<ReadInfo>> {
  return readOwnCsv(text, ownCsv(options, 0), undefined, 0, options, readText);
}

/** The options of CSV text of the engine's own making: its dialect, the names in its first row, `notes` lines below the table. */
const ownCsv = (options: ParseOptions, notes: number): ParseOptions => ({ ...options, format: "csv", delimiter: ",", quote: '"', escape: '"', header: true, skip: 0, notes });

async function readOwnCsv(text: Blob, asCsv: ParseOptions, found: FirstRead["found"], titles: number, options: ParseOptions, readText: ReadCsvText): Promise<Result<ReadInfo>> {
  const csv = await readText(text, asCsv, { found, sheetRow: options.headerRow });
  // The rows were read as CSV text of our own making: its CSV findings would only mislead, but for columns of numbers
  // or dates with a few other values, found by their rows in the sheet, and what the read found of the cells' values.
  if (!csv.ok) return csv;
  const typed = csv.value.csv?.typeFindings ?? [];
  const values = Object.fromEntries(FOUND_IN_VALUES.map((key) => [key, csv.value.parse?.[key]]));
  const parse = { ...options, ...values, ...(titles ? { headerRow: 1 + titles } : {}) };
  return ok({ ...csv.value, sniffed: undefined, parse, csv: undefined, ...(typed.length ? { sheetOrJsonFindings: typed } : {}) });
}

/**
 * Rows of cell texts as lines of CSV text, without the columns that hold no value (a row with none is a blank line),
 * a column of timestamps' midnights written as timestamps (lib/xlsx/timed-midnights.ts).
 */
export function sheetCsvLines(cells: (string | null)[][]): { texts: (string | null)[][]; lines: string[] } {
  const texts = withTimedMidnights(fullRowsOfUsedColumns(cells));
  return { texts, lines: texts.map((t) => (t.every((v) => v === null || v === "") ? "\r\n" : csvRow(t, PLAIN_CSV))) };
}

/**
 * What the read found of the values, which a sheet's text cells hold as a CSV file's fields do, and which the staged
 * file says: amounts and dates written as text and read as numbers and dates, missing-value markers (N/A) read as
 * empty, codes kept with their leading zeros, values of spaces read as empty.
 */
const FOUND_IN_VALUES = ["numbers", "missing", "writtenDates", "leadingZeros", "nullValues"] as const;

/**
 * The rows, each as wide as the widest (the empty cells at a row's end are cells still: read short, its values could
 * be taken for a line that lost a delimiter), without the columns that hold nothing in any row (a table that starts
 * at column C, a spacer column).
 */
function fullRowsOfUsedColumns(rows: (string | null)[][]): (string | null)[][] {
  const width = rows.reduce((most, r) => Math.max(most, r.length), 0);
  const kept = Array.from({ length: width }, (_, c) => c).filter((c) => rows.some((r) => r[c] !== null && r[c] !== undefined && r[c] !== ""));
  // A workbook's rows come as wide as the widest: kept as they are when no column goes.
  if (kept.length === width && rows.every((r) => r.length === width && !(r as unknown[]).includes(undefined))) return rows;
  return rows.map((r) => kept.map((c) => r[c] ?? null));
}

/** Lines of text as one blob, joined a few thousand at a time: a blob of a million parts took half a second to make. */
function textOfLines(lines: readonly string[]): Blob {
  const pieces: string[] = [];
  for (let i = 0; i < lines.length; i += 4096) pieces.push(lines.slice(i, i + 4096).join(""));
  return new Blob(pieces);
}

/** The lines a row of CSV text takes (a value's line breaks make it more than one). */
const lineCount = (row: string) => row.split("\n").length - 1;

/** The lines of the summary rows (Total, Sum) at the end of the rows, and of the empty rows among and after them. */
function summaryLines(rows: readonly (string | null)[][], lines: readonly string[]): number {
  let count = 0;
  let summaries = 0;
  for (let i = rows.length - 1; i >= 0; i--) {
    const texts = rows[i]!.map((t) => t ?? "");
    const empty = texts.every((t) => t === "");
    if (!empty && !isSummaryRow(texts)) break;
    count += lineCount(lines[i]!);
    if (!empty) summaries = count;
  }
  return summaries;
}

/** How many rows of CSV text end before the line `line` (a value's line breaks make a row longer than a line). */
function rowsAbove(rows: readonly string[], line: number): number {
  let at = 0;
  let count = 0;
  while (count < rows.length && at < line) at += lineCount(rows[count++]!);
  return count;
}
