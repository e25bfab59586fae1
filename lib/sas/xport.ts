import type { TypedTable, TypedCell } from "@/lib/typed-table/table";
import { paddedTextCell, utf8Text } from "@/lib/typed-table/text";
import { FormatError } from "@/lib/format-error";
import { sasTypedColumn, sasKind, sasNumberValue, type SasColumn } from "./values";

/**
 * A SAS transport file (.xpt, XPORT versions 5 and 8: what a clinical trial's datasets are submitted in), as SAS
 * documents it ("Record Layout of a SAS Version 5 or 6 Data Set in SAS Transport (XPORT) Format", and its Version 8
 * counterpart): 80-byte header records, a 140-byte NAMESTR per variable, long names and labels in LABELV8/LABELV9
 * records, then the rows, numbers as IBM mainframe doubles. A library may hold several datasets (members): the
 * one chosen is read, else its first.
 */
export class XportError extends FormatError {}

export interface Xport {
  /** The dataset's label, if it has one. */
  label?: string;
  columns: SasColumn[];
  /** Where the rows start and end, and the width of one. */
  start: number;
  end: number;
  rowLength: number;
}

const RECORD = 80;
const HEADER = "HEADER RECORD*******";
const latin1 = new TextDecoder("latin1");
const record = (bytes: Uint8Array, at: number) => latin1.decode(bytes.subarray(at, at + RECORD));
/** A header record's kind (`LIBRARY`, `MEMBV8`, `OBS`…), or null for any other record. */
const headerKind = (bytes: Uint8Array, at: number) => {
  const text = record(bytes, at);
  return text.startsWith(HEADER) ? text.slice(20, 28).trim() : null;
};

/** Where each dataset (member) of the library starts, and its name; the file's own header checked first. */
export function xportMembers(bytes: Uint8Array): { name: string; at: number }[] {
  const first = headerKind(bytes, 0);
  if (first === null && record(bytes, 0).includes("**COMPRESSED**")) throw new XportError("it is a SAS CPORT file (PROC CPORT), which only SAS reads; write it with PROC COPY to an XPORT library or with the XPORT engine instead");
  if (first !== "LIBRARY" && first !== "LIBV8") throw new XportError("it does not start as a SAS transport (XPORT) file does");
  const members: { name: string; at: number }[] = [];
  for (let at = 3 * RECORD; at + 4 * RECORD <= bytes.length; at = nextMember(bytes, at + RECORD)) {
    if (!isMemberHeader(headerKind(bytes, at))) break;
    // The descriptor's first record (after the member's and the descriptor's headers): "SAS", then the dataset's name (32 characters in XPORT 8).
    const name = record(bytes, at + 2 * RECORD).slice(8, first === "LIBV8" ? 40 : 16).trim();
    members.push({ name, at });
  }
  if (members.length === 0) throw new XportError("it holds no dataset");
  return members;
}

/** The library with only the dataset named `member`: its own header's three records, then that member's records. */
export function xportMemberFile(bytes: Uint8Array, member: string, members = xportMembers(bytes)): Uint8Array<ArrayBuffer> {
  const i = members.findIndex((m) => m.name === member);
  if (i < 0) throw new XportError(`it has no dataset named "${member}"`);
  const end = members[i + 1]?.at ?? bytes.length;
  const file = new Uint8Array(3 * RECORD + end - members[i]!.at);
  file.set(bytes.subarray(0, 3 * RECORD));
  file.set(bytes.subarray(members[i]!.at, end), 3 * RECORD);
  return file;
}

/** The position of the next member header from `at` on (80-byte records), or the file's end. */
function nextMember(bytes: Uint8Array, at: number): number {
  // A record is decoded only when it starts as a header does ("H"): decoding each of a large file's took seconds.
  while (at + RECORD <= bytes.length && !(bytes[at] === 0x48 && isMemberHeader(headerKind(bytes, at)))) at += RECORD;
  return Math.min(at, bytes.length);
}

/** The dataset named `member` (the library's first when none is named), its variables and where its rows are; `members` as `xportMembers` finds them. */
export function readXport(bytes: Uint8Array, member?: string, members = xportMembers(bytes)): Xport {
  const chosen = member === undefined ? members[0]! : members.find((m) => m.name === member);
  if (!chosen) throw new XportError(`it has no dataset named "${member}" (it has ${members.map((m) => m.name).join(", ")})`);
  const v8 = headerKind(bytes, chosen.at) === "MEMBV8";
  let at = chosen.at;
  const namestrLength = Number(record(bytes, at).slice(74, 78).trim()) || 140;
  // The descriptor's second record: its modification date, 16 blanks, then the dataset's label (40 characters).
  const label = decodeText(bytes.subarray(at + 3 * RECORD + 32, at + 3 * RECORD + 72)).trim();
  at += 4 * RECORD; // the member's header, its descriptor's header and the descriptor's two records
  const namestrHeader = record(bytes, at);
  if (headerKind(bytes, at) !== (v8 ? "NAMSTV8" : "NAMESTR")) throw new XportError("its dataset has no variable descriptions (NAMESTR records)");
  const count = Number(namestrHeader.slice(48, 58));
  at += RECORD;
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (from: number, length: number) => decodeText(bytes.subarray(from, from + length)).trim();
  const columns: SasColumn[] = [];
  for (let i = 0; i < count; i++) {
    const n = at + i * namestrLength;
    if (n + namestrLength > bytes.length) throw new XportError("it is cut short: its variable descriptions end before the file does");
    const numeric = data.getUint16(n) === 1;
    const format = text(n + 56, 8);
    const long = v8 ? text(n + 88, 32) : "";
    columns.push({ name: long || text(n + 8, 8), label: text(n + 16, 40), format, numeric, width: data.getUint16(n + 4), offset: data.getUint32(n + 84), kind: numeric ? sasKind(format) : "number" });
  }
  at += Math.ceil((count * namestrLength) / RECORD) * RECORD;
  if (v8 && (headerKind(bytes, at) === "LABELV8" || headerKind(bytes, at) === "LABELV9")) at = readLongLabels(bytes, data, at, columns);
  if (headerKind(bytes, at) !== (v8 ? "OBSV8" : "OBS")) throw new XportError("its dataset has no rows header (OBS record)");
  const start = at + RECORD;
  const end = nextMember(bytes, start);
  const rowLength = columns.reduce((sum, c) => sum + c.width, 0);
  if (!rowLength) throw new XportError("its dataset has no variables");
  return { ...(label ? { label } : {}), columns, start, end, rowLength };
}

const isMemberHeader = (kind: string | null) => kind === "MEMBER" || kind === "MEMBV8";

/** LABELV8 (names and labels longer than a NAMESTR holds) and LABELV9 (formats too) records; the position after them. */
function readLongLabels(bytes: Uint8Array, data: DataView, at: number, columns: SasColumn[]): number {
  const v9 = headerKind(bytes, at) === "LABELV9";
  const count = Number(record(bytes, at).slice(48, 58));
  let p = at + RECORD;
  for (let i = 0; i < count; i++) {
    const variable = data.getUint16(p);
    const lengths = Array.from({ length: v9 ? 4 : 2 }, (_, k) => data.getUint16(p + 2 + k * 2));
    p += 2 + lengths.length * 2;
    const [name, label, format] = lengths.map((length) => {
      const value = decodeText(bytes.subarray(p, p + length)).trim();
      p += length;
      return value;
    });
    const column = columns[variable - 1];
    if (!column) throw new XportError(`a long label names variable ${variable}, which its dataset does not have`);
    column.name = name || column.name;
    column.label = label ?? column.label;
    if (format) column.format = format;
    if (format && column.numeric) column.kind = sasKind(format);
  }
  return at + RECORD + Math.ceil((p - at - RECORD) / RECORD) * RECORD;
}

const windows1252 = new TextDecoder("windows-1252");
/** Transport files name no encoding: UTF-8 when the bytes are, else Windows-1252 (SAS's Latin-1 on Windows). */
const decodeText = (bytes: Uint8Array): string => utf8Text(bytes) ?? windows1252.decode(bytes);

/**
 * An IBM mainframe double (base-16 exponent, big-endian, maybe cut to `width` bytes), the bytes from `at`, or NaN for
 * SAS's missing values (`.`, `.A`–`.Z`, `._`).
 */
export function ibmDouble(bytes: Uint8Array, at = 0, width = bytes.length - at): number {
  const first = bytes[at]!;
  const byte = (i: number) => (i < width && i < 8 ? bytes[at + i]! : 0);
  const b1 = byte(1), b2 = byte(2), b3 = byte(3), b4 = byte(4), b5 = byte(5), b6 = byte(6), b7 = byte(7);
  if ((b1 | b2 | b3 | b4 | b5 | b6 | b7) === 0) {
    if (first === 0x2e || first === 0x5f || (first >= 0x41 && first <= 0x5a)) return NaN;
    if ((first & 0x7f) === 0) return 0;
  }
  // 56 bits of fraction, rounded once: the top 24 bits scaled exactly, plus the low 32.
  const fraction = ((b1 << 16) | (b2 << 8) | b3) * 2 ** 32 + (b4 * 2 ** 24 + ((b5 << 16) | (b6 << 8) | b7));
  const value = fraction * 2 ** (4 * ((first & 0x7f) - 64) - 56);
  return first & 0x80 ? -value : value;
}

/** The dataset's variables and rows: dates and times as such, missing values null. */
export function xportTable(bytes: Uint8Array, xpt: Xport): TypedTable {
  const rowCount = xportRowCount(bytes, xpt);
  return { ...(xpt.label ? { label: xpt.label } : {}), columns: xpt.columns.map((c) => sasTypedColumn(c)), rows: xportRows(bytes, xpt, rowCount), rowCount };
}

/** How many rows the member holds: its data's length in rows, but for the padding of its last record. */
function xportRowCount(bytes: Uint8Array, xpt: Xport): number {
  const { rowLength } = xpt;
  let rows = Math.floor((xpt.end - xpt.start) / rowLength);
  // The last record is padded with spaces: a "row" of nothing but spaces there is padding.
  const blank = (r: number) => bytes.subarray(xpt.start + r * rowLength, xpt.start + (r + 1) * rowLength).every((b) => b === 0x20);
  while (rows > 0 && xpt.start + (rows - 1) * rowLength >= xpt.end - RECORD && blank(rows - 1)) rows--;
  return rows;
}

function* xportRows(bytes: Uint8Array, xpt: Xport, rows: number): Generator<TypedCell[]> {
  const { columns, rowLength } = xpt;
  const values: TypedCell[] = [];
  for (let r = 0; r < rows; r++) {
    const row = xpt.start + r * rowLength;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      values[i] = c.numeric ? sasNumberValue(ibmDouble(bytes, row + c.offset, c.width), c.kind, c.width) : paddedTextCell(bytes, row + c.offset, c.width, decodeText);
    }
    yield values;
  }
}
