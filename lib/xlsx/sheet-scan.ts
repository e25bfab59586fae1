import { NAME_END, richText } from "./rich-text";
import { cellAddress, openTag, type CellAttributes } from "./sheet-tags";
import { shownText, type Shown } from "./shown-formats";
import { decodeEntities, unescapeXlsx } from "./xml-text";

/**
 * An Excel sheet's rows read from its XML in one pass, as read-excel-file reads them (its `trim` on) and
 * workers/engine/shown-formats.ts shows them (numbers with leading zeros, durations): the same values
 * (shared strings, numbers, dates by their styles, booleans, formulas' cached values, inline and rich text), the same
 * gaps and padding, the same rows and columns dropped at the end. read-excel-file's SAX parse of a sheet of 1,000,000
 * rows took 8 s of its 13 s staging. Whatever this reading does not meet in the form Excel and the libraries write it
 * (a cell read-excel-file refuses, a namespace prefix, CDATA, an element other than a row or a cell) gives null, and
 * read-excel-file reads the sheet instead.
 */

/** What a sheet's values need from the rest of the workbook (sheet-probe.ts). */
export interface SheetValues {
  /** The shared strings' values as cells, trimmed, empty ones null. */
  shared: readonly (string | null)[];
  /** By style index, whether the style is a date format. */
  dateStyles: readonly boolean[];
  epoch1904: boolean;
  /** By style index, the formats that show a number otherwise than it is read (leading zeros, durations: shown-formats.ts). */
  shown?: ReadonlyMap<number, Shown>;
}

/** The rows read so far, and the sheet's rows by its dimension when it has one. */
export type RowsRead = (done: number, total?: number) => void;

/** A value that makes read-excel-file refuse the sheet, or that this reading leaves to it. */
const UNREAD = Symbol("unread");

const ROWS_TOLD = 50_000;

export function scanSheet(xml: string, values: SheetValues, onRowsRead?: RowsRead): unknown[][] | null {
  const start = xml.indexOf("<sheetData");
  if (start < 0 || !NAME_END.has(xml.charCodeAt(start + 10))) return null;
  const sheetData = openTag(xml, start + 10);
  if (!sheetData) return null;
  if (sheetData.selfClosing) return [];
  const open = sheetData.end;
  const end = xml.indexOf("</sheetData>", open);
  if (end < 0) return null;
  const dimension = /<dimension\s+ref="[A-Z]*\d*:?[A-Z]*(\d+)"/.exec(xml.slice(0, start))?.[1];
  const total = dimension === undefined ? undefined : Number(dimension);
  onRowsRead?.(0, total);
  let told = ROWS_TOLD;
  const rows: unknown[][] = [];
  let row: unknown[] | undefined;
  let rowNumber: number | undefined;
  let cursorRow = 0;
  let cursorColumn = 0;
  let rowCount = 0;
  let columnCount = 0;
  let dataRowCount = 0;
  let dataColumnCount = 0;
  let at = open + 1;
  for (;;) {
    const lt = xml.indexOf("<", at);
    if (lt < 0 || lt >= end) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 99 && NAME_END.has(xml.charCodeAt(lt + 2))) {
      // A cell.
      if (!row) return null;
      const attrs = openTag(xml, lt + 2, true);
      if (!attrs || attrs.r === undefined) return null;
      const close = attrs.end;
      const selfClosing = attrs.selfClosing;
      const cellEnd = selfClosing ? close : xml.indexOf("</c>", close);
      if (cellEnd < 0 || cellEnd > end) return null;
      const value = selfClosing ? cellValue(attrs, undefined, undefined, values) : cellContent(xml, close + 1, cellEnd, attrs, values);
      if (value === UNREAD) return null;
      const address = attrs.row === undefined ? cellAddress(attrs.r) : null;
      if (attrs.row === undefined && !address) return null;
      const r = attrs.row ?? address![0];
      const c = attrs.column ?? address![1];
      if (r < cursorRow || (r === cursorRow && c <= cursorColumn)) return null;
      cursorRow = r;
      cursorColumn = c;
      if (!rowNumber) rowNumber = r;
      if (value !== null) {
        while (c > row.length + 1) row.push(null);
        row.push(value);
        if (c > dataColumnCount) dataColumnCount = c;
      }
      if (c > columnCount) columnCount = c;
      at = selfClosing ? close + 1 : cellEnd + 4;
    } else if (next === 114 && xml.startsWith("row", lt + 1) && NAME_END.has(xml.charCodeAt(lt + 4))) {
      const attrs = openTag(xml, lt + 4);
      if (!attrs || row) return null;
      if (attrs.r) {
        rowNumber = Number(attrs.r);
        if (Number.isNaN(rowNumber)) return null;
      }
      row = [];
      at = attrs.end + 1;
      if (attrs.selfClosing && !endRow()) return null;
    } else if (next === 47 && xml.startsWith("/row>", lt + 1)) {
      if (!row || !endRow()) return null;
      at = lt + 6;
    } else return null;
  }
  if (row) return null;
  return trimmed(rows, { rowCount, columnCount, dataRowCount, dataColumnCount });

  /** A row's end, as read-excel-file ends it: the rows its number skips added empty; false where it refuses the row. */
  function endRow(): boolean {
    if (rowNumber) {
      if (rowNumber <= rows.length) return false;
      while (rowNumber > rows.length + 1) rows.push([]);
    }
    rows.push(row!);
    if (row!.length > 0) dataRowCount = rowNumber!;
    if (rowNumber! > rowCount) rowCount = rowNumber!;
    row = undefined;
    rowNumber = undefined;
    if (onRowsRead && rows.length >= told) {
      onRowsRead(rows.length, total);
      told = rows.length + ROWS_TOLD;
    }
    return true;
  }
}

/** The rows without the empty rows below and columns right of the values, each as wide as the widest. */
function trimmed(all: unknown[][], counts: { rowCount: number; columnCount: number; dataRowCount: number; dataColumnCount: number }): unknown[][] {
  const rows = counts.dataRowCount < counts.rowCount ? all.slice(0, counts.dataRowCount) : all;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i]!.length > counts.dataColumnCount) rows[i] = rows[i]!.slice(0, counts.dataColumnCount);
    while (rows[i]!.length < counts.dataColumnCount) rows[i]!.push(null);
  }
  return rows;
}

/** A cell's value from its content: its `<v>`, and its `<is>` for an inline string. */
function cellContent(xml: string, from: number, to: number, attrs: CellAttributes, values: SheetValues): unknown {
  // Most cells hold a value and nothing else.
  if (xml.startsWith("<v>", from) && xml.startsWith("</v>", to - 4) && xml.indexOf("<", from + 3) === to - 4) return cellValue(attrs, decodeEntities(xml.slice(from + 3, to - 4)), undefined, values);
  let v: string | undefined;
  let inline: string | undefined;
  let at = from;
  while (at < to) {
    const lt = xml.indexOf("<", at);
    if (lt < 0 || lt >= to) break;
    const close = xml.indexOf(">", lt);
    if (close < 0 || close >= to) return UNREAD;
    const name = xml.slice(lt + 1, close).match(/^\/?([A-Za-z]+)/)?.[1];
    if (!name || xml.charCodeAt(lt + 1) === 33 || xml.charCodeAt(lt + 1 + name.length + (xml.charCodeAt(lt + 1) === 47 ? 1 : 0)) === 58) return UNREAD;
    const selfClosing = xml.charCodeAt(close - 1) === 47;
    const closing = xml.charCodeAt(lt + 1) === 47;
    if (closing || selfClosing || (name !== "v" && name !== "is" && name !== "f")) {
      if (!closing && selfClosing && name === "v") v = "";
      at = close + 1;
      continue;
    }
    const shut = xml.indexOf(`</${name}>`, close);
    if (shut < 0 || shut >= to) return UNREAD;
    if (name === "v") {
      const text = xml.slice(close + 1, shut);
      if (text.includes("<")) return UNREAD;
      v = decodeEntities(text);
    } else if (name === "is") {
      const text = richText(xml, close + 1, shut);
      if (text === null) return UNREAD;
      inline = text;
    }
    at = shut + name.length + 3;
  }
  return cellValue(attrs, v, inline, values);
}

/** A cell's value as read-excel-file gives it (`parseCell` and its repairs, trimmed), null for an empty cell. */
function cellValue({ t, s }: CellAttributes, v: string | undefined, inline: string | undefined, values: SheetValues): unknown {
  switch (t || "n") {
    case "str":
      return v === undefined ? null : stringValue(unescapeXlsx(v));
    case "inlineStr":
      return inline === undefined ? null : stringValue(inline);
    case "s": {
      if (!v) return null;
      const index = Number(v);
      if (!Number.isInteger(index) || index < 0 || index >= values.shared.length) return UNREAD;
      return values.shared[index];
    }
    case "b":
      if (!v) return null;
      return v === "1" ? true : v === "0" ? false : UNREAD;
    case "e":
      return null;
    case "d": {
      if (!v) return null;
      const date = new Date(v);
      return Number.isNaN(date.valueOf()) ? UNREAD : new Date(date.getTime());
    }
    case "n": {
      if (!v) return null;
      const number = Number(v);
      if (Number.isNaN(number)) return UNREAD;
      if (!s) return number;
      const style = Number(s);
      if (Number.isNaN(style) || values.dateStyles[style] === undefined) return UNREAD;
      const value = values.dateStyles[style] ? new Date(excelTimestamp(number, values.epoch1904)) : number;
      // As the sheet shows it (a ZIP code formatted 00000), as showAsFormatted shows read-excel-file's values.
      const shown = values.shown?.get(style);
      return (shown && shownText(value, shown)) || value;
    }
    default:
      return UNREAD;
  }
}

/** A string cell's value, as read-excel-file's `trim` gives it: trimmed, and none when empty. */
export const stringValue = (value: string): string | null => value.trim() || null;

/** read-excel-file's `parseExcelTimestamp`: a serial date (days from 1900's day 0, or from 1904) as milliseconds. */
export function excelTimestamp(serial: number, epoch1904: boolean): number {
  const DAY = 24 * 60 * 60 * 1000;
  const days = epoch1904 ? serial + 1462 : serial;
  return Math.floor((days - 25569) * DAY);
}
