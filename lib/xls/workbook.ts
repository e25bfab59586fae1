import { biffRecords, f64, RecordReader, u16, u32, XlsError } from "./records";
import { ERRORS, numberText } from "./cell-value";

/** A worksheet of an Excel 97–2003 workbook: its cells as CSV text (null when empty), from its first row and column. */
export interface XlsSheet {
  name: string;
  hidden: boolean;
  rows: (string | null)[][];
  /** How many cells hold a value. */
  cells: number;
}

const BOF = 0x0809;
const EOF = 0x000a;
const BIFF8 = 0x0600;
const BIFF5 = 0x0500;
const WORKSHEET = 0x0010;

/** What the workbook's globals say of its sheets and cells. */
interface Globals {
  date1904: boolean;
  /** Format codes by format id. */
  codes: Map<number, string>;
  /** Each cell style's (XF's) format id, in order. */
  formats: number[];
  strings: string[];
  sheets: { name: string; hidden: boolean; at: number; kind: number }[];
  /** An Excel 5.0/95 workbook's (BIFF5) strings: bytes in its code page, counted by one or two bytes; null in BIFF8. */
  byteString: ((data: Uint8Array, lengthBytes: 1 | 2) => string) | null;
}

/**
 * The worksheets of a BIFF8 stream (the `Workbook` stream of an .xls file) or a BIFF5 one (the `Book` stream of an
 * Excel 5.0/95 file, whose strings are bytes in its code page and are kept in its cells, not a shared table), in
 * order; charts, macro and dialog sheets are left out. Throws an XlsError when the workbook is encrypted or its
 * records cannot be read.
 */
export function biffSheets(stream: Uint8Array): XlsSheet[] {
  const globals = readGlobals(stream);
  return globals.sheets.flatMap(({ name, hidden, at, kind }) => {
    if (kind !== 0 || at >= stream.length || u16(stream, at) !== BOF || u16(stream, at + 6) !== WORKSHEET) return [];
    return [{ name, hidden, ...readCells(stream, at, globals) }];
  });
}

function readGlobals(stream: Uint8Array): Globals {
  const globals: Globals = { date1904: false, codes: new Map(), formats: [], strings: [], sheets: [], byteString: null };
  let first = true;
  let decode = codePage(1252);
  for (const { type, segments } of biffRecords(stream)) {
    const data = segments[0]!;
    if (first) {
      if (type !== BOF) throw new XlsError("its workbook stream does not start as a workbook's does");
      if (u16(data, 0) === BIFF5) globals.byteString = (bytes, lengthBytes) => decode(bytes.subarray(lengthBytes, lengthBytes + (lengthBytes === 1 ? bytes[0]! : u16(bytes, 0))));
      else if (u16(data, 0) !== BIFF8) throw new XlsError("it is written in an Excel version before 5.0");
      first = false;
      continue;
    }
    const string = (bytes: Uint8Array, lengthBytes: 1 | 2) => globals.byteString?.(bytes, lengthBytes) ?? new RecordReader([bytes]).string(lengthBytes);
    if (type === EOF) break;
    if (type === 0x002f) throw new XlsError(ENCRYPTED);
    if (type === 0x0042) decode = codePage(u16(data, 0));
    else if (type === 0x0022) globals.date1904 = u16(data, 0) === 1;
    else if (type === 0x041e) globals.codes.set(u16(data, 0), string(data.subarray(2), globals.byteString ? 1 : 2));
    else if (type === 0x00e0) globals.formats.push(u16(data, 2));
    else if (type === 0x0085) globals.sheets.push({ name: string(data.subarray(6), 1), hidden: (data[4]! & 0x03) !== 0, at: u32(data, 0), kind: data[5]! });
    else if (type === 0x00fc) globals.strings = sharedStrings(segments);
  }
  return globals;
}

/**
 * How a BIFF5 workbook's strings are decoded, by its CODEPAGE record (1252, Windows Western, unless it says
 * otherwise). Gnumeric writes code page 1200 (UTF-16), then a string in UTF-16 when it is not plain ASCII, each
 * string's length counted in bytes.
 */
function codePage(page: number): (bytes: Uint8Array) => string {
  const text = new TextDecoder(CODE_PAGES[page] ?? "windows-1252");
  if (page !== 1200) return (bytes) => text.decode(bytes);
  const utf16 = new TextDecoder("utf-16le");
  return (bytes) => (bytes.length % 2 === 0 && bytes.some((b) => b === 0 || b >= 0x80) ? utf16 : text).decode(bytes);
}

/** A BIFF5 workbook's CODEPAGE record → the label TextDecoder knows it by. */
const CODE_PAGES: Record<number, string> = {
  874: "windows-874", 932: "shift_jis", 936: "gbk", 949: "euc-kr", 950: "big5", 1250: "windows-1250", 1251: "windows-1251",
  1252: "windows-1252", 1253: "windows-1253", 1254: "windows-1254", 1255: "windows-1255", 1256: "windows-1256", 1257: "windows-1257",
  1258: "windows-1258", 10000: "macintosh", 32768: "macintosh", 32769: "windows-1252",
};

export const ENCRYPTED = "it is encrypted with a password";

/** The shared strings (SST), as many as the table holds whole (a writer may count more than it writes). */
function sharedStrings(segments: Uint8Array[]): string[] {
  const reader = new RecordReader(segments);
  reader.u32();
  const count = reader.u32();
  const strings: string[] = [];
  while (strings.length < count && !reader.ended) strings.push(reader.string());
  return strings;
}

/** A worksheet's cells, from its BOF at `at` to its EOF (a chart inside it, with BOF and EOF of its own, is skipped). */
function readCells(stream: Uint8Array, at: number, globals: Globals): Pick<XlsSheet, "rows" | "cells"> {
  const rows: (string | null)[][] = [];
  let cells = 0;
  const put = (row: number, column: number, value: string | null) => {
    if (value === null || value === "") return;
    (rows[row] ??= [])[column] = value;
    cells++;
  };
  // How each cell style writes its numbers, worked out once.
  const texts = new Map<number, (value: number) => string>();
  const number = (value: number, xf: number) => {
    let text = texts.get(xf);
    if (!text) {
      const format = globals.formats[xf] ?? 0;
      texts.set(xf, (text = numberText(format, globals.codes.get(format), globals.date1904)));
    }
    return text(value);
  };
  let depth = 0;
  // A formula whose value is text: the text follows in a STRING record.
  let textOf: { row: number; column: number } | null = null;
  for (const { type, segments } of biffRecords(stream, at)) {
    const data = segments[0]!;
    if (type === BOF) depth++;
    else if (type === EOF && --depth === 0) break;
    if (depth !== 1) continue;
    const row = u16(data, 0);
    const column = u16(data, 2);
    if (type === 0x00fd) put(row, column, globals.strings[u32(data, 6)] ?? null);
    else if (type === 0x0204 || type === 0x00d6) put(row, column, globals.byteString ? globals.byteString(data.subarray(6), 2) : new RecordReader([data.subarray(6), ...segments.slice(1)]).string());
    else if (type === 0x0203) put(row, column, number(f64(data, 6), u16(data, 4)));
    else if (type === 0x027e) put(row, column, number(rkNumber(u32(data, 6)), u16(data, 4)));
    else if (type === 0x00bd) {
      // Each cell's style and RK number, then the last column.
      const count = (data.length - 6) / 6;
      for (let i = 0; i < count; i++) put(row, column + i, number(rkNumber(u32(data, 6 + i * 6)), u16(data, 4 + i * 6)));
    } else if (type === 0x0205) put(row, column, data[7] ? (ERRORS[data[6]!] ?? null) : data[6] ? "true" : "false");
    else if (type === 0x0006) {
      const value = formulaValue(data, number);
      if (value === STRING_FOLLOWS) textOf = { row, column };
      else put(row, column, value);
    } else if (type === 0x0207 && textOf) {
      put(textOf.row, textOf.column, globals.byteString ? globals.byteString(data, 2) : new RecordReader(segments).string());
      textOf = null;
    }
  }
  return { rows: Array.from(rows, (cells) => Array.from(cells ?? [], (value) => value ?? null)), cells };
}

const STRING_FOLLOWS = Symbol("a STRING record follows");

/** A formula's last value ([MS-XLS] 2.5.133 FormulaValue): a number, or a marked kind (text in a record of its own, a boolean, an error, empty). */
function formulaValue(data: Uint8Array, number: (value: number, xf: number) => string): string | null | typeof STRING_FOLLOWS {
  if (u16(data, 12) !== 0xffff) return number(f64(data, 6), u16(data, 4));
  const kind = data[6];
  if (kind === 0) return STRING_FOLLOWS;
  if (kind === 1) return data[8] ? "true" : "false";
  if (kind === 2) return ERRORS[data[8]!] ?? null;
  return null;
}

/** An RK number ([MS-XLS] 2.5.217): a 30-bit integer or a double's top 30 bits, maybe divided by 100. */
export function rkNumber(rk: number): number {
  let value = rk >> 2;
  if (!(rk & 0x02)) {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(4, (rk & 0xfffffffc) >>> 0, true);
    value = view.getFloat64(0, true);
  }
  return rk & 0x01 ? value / 100 : value;
}
