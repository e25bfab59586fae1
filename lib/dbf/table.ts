import { FormatError } from "@/lib/format-error";
import { csvField, csvPieces, PLAIN_CSV } from "@/lib/csv/write";
import { plural } from "@/lib/format";
import { memoBlock, memoBytes, type MemoFile } from "./memo";

/**
 * A dBase table (.dbf: a shapefile's attributes, a FoxPro or Clipper export): a header, a descriptor a field, then
 * records of fixed width, each marked deleted or not (https://www.dbase.com/Knowledgebase/INT/db7_file_fmt.htm;
 * Visual FoxPro's integer, double, currency and date-time fields too).
 */
export class DbfError extends FormatError {}

export interface DbfField {
  name: string;
  type: string;
  /** Where its bytes start in a record, and how many there are. */
  offset: number;
  length: number;
}

export interface DbfTable {
  fields: DbfField[];
  records: number;
  /** Where the records start, and the bytes of each. */
  start: number;
  recordLength: number;
  /** The encoding its language driver byte names for its text, or null when it names none. */
  codePage: string | null;
}

/** Language driver ids (header byte 29) and the code pages they name, of those a browser decodes. */
const CODE_PAGES: Record<number, string> = {
  0x03: "windows-1252", 0x57: "windows-1252", 0x58: "windows-1252", 0x59: "windows-1252",
  0x65: "ibm866", 0x4d: "gbk", 0x4e: "euc-kr", 0x4f: "big5", 0x13: "shift_jis", 0x7b: "shift_jis",
  0x7d: "windows-1255", 0x7e: "windows-1256", 0xc8: "windows-1250", 0xc9: "windows-1251", 0xca: "windows-1254", 0xcb: "windows-1253", 0xcc: "windows-1257",
};

const VERSIONS = new Set([0x02, 0x03, 0x04, 0x05, 0x30, 0x31, 0x32, 0x43, 0x63, 0x83, 0x8b, 0x8e, 0xcb, 0xf5, 0xfb]);

export function dbfTable(bytes: Uint8Array): DbfTable {
  if (bytes.length < 33 || !VERSIONS.has(bytes[0]!)) throw new DbfError("it does not start as a dBase table does");
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records = data.getUint32(4, true);
  const start = data.getUint16(8, true);
  const recordLength = data.getUint16(10, true);
  if (start > bytes.length || recordLength === 0) throw new DbfError("its header is damaged");
  const fields: DbfField[] = [];
  let offset = 1;
  for (let at = 32; at + 32 <= start && bytes[at] !== 0x0d; at += 32) {
    const name = new TextDecoder("latin1").decode(bytes.subarray(at, at + 11)).replace(/\0.*$/s, "").trim();
    const type = String.fromCharCode(bytes[at + 11]!);
    const length = bytes[at + 16]!;
    // A FoxPro table's hidden field of which values are NULL is not data.
    if (type !== "0") fields.push({ name, type, offset, length });
    offset += length;
  }
  if (fields.length === 0) throw new DbfError("it declares no field");
  if (offset > recordLength) throw new DbfError("its fields are wider than its records");
  return { fields, records, start, recordLength, codePage: CODE_PAGES[bytes[29]!] ?? null };
}

/**
 * The table as CSV text, its field names in the first row, in pieces of a few thousand records; deleted records
 * (marked `*`) are left out, as dBase leaves them out, and counted into `deleted`. Text is decoded with `decoder`.
 * A shapefile's geometries (one per record, lib/dbf/shp.ts) are a last column, `geometry`.
 */
export function dbfCsv(bytes: Uint8Array, table: DbfTable, decoder: TextDecoder, deleted: { count: number }, memo?: MemoFile, geometries?: readonly (string | null)[]): Generator<string> {
  const names = table.fields.map((f) => f.name);
  const geometry = geometries ? [names.some((n) => n.toLowerCase() === "geometry") ? "shape_geometry" : "geometry"] : [];
  return csvPieces([...names, ...geometry], dbfLines(bytes, table, decoder, deleted, memo, geometries));
}

function* dbfLines(bytes: Uint8Array, table: DbfTable, decoder: TextDecoder, deleted: { count: number }, memo?: MemoFile, geometries?: readonly (string | null)[]): Generator<string> {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values: string[] = [];
  for (let r = 0; r < table.records; r++) {
    const at = table.start + r * table.recordLength;
    if (at + table.recordLength > bytes.length) break;
    if (bytes[at] === 0x2a) {
      deleted.count++;
      continue;
    }
    table.fields.forEach((f, i) => (values[i] = csvField(fieldText(bytes, data, at + f.offset, f, decoder, memo), PLAIN_CSV)));
    if (geometries) values[table.fields.length] = csvField(geometries[r] ?? null, PLAIN_CSV);
    yield values.join(",") + "\r\n";
  }
}

const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length)).trim();
const two = (n: number) => String(n).padStart(2, "0");

/** A field's value as CSV text (null when empty): numbers as written, dates as ISO dates, logicals as true and false. */
export function fieldText(bytes: Uint8Array, data: DataView, at: number, field: DbfField, decoder: TextDecoder, memo?: MemoFile): string | null {
  switch (field.type) {
    case "N":
    case "F": {
      const text = ascii(bytes, at, field.length);
      // Blank, or stars where a number did not fit its width.
      return text === "" || /^\**$/.test(text) || text === "." ? null : text;
    }
    case "D": {
      const text = ascii(bytes, at, 8);
      return /^\d{8}$/.test(text) && text !== "00000000" ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}` : null;
    }
    case "L": {
      const c = String.fromCharCode(bytes[at]!).toUpperCase();
      return "TY".includes(c) ? "true" : "FN".includes(c) ? "false" : null;
    }
    case "I":
      return String(data.getInt32(at, true));
    case "B":
      return String(data.getFloat64(at, true));
    case "Y":
      return String(Number(data.getBigInt64(at, true)) / 10000);
    case "T": {
      const day = data.getInt32(at, true);
      if (day === 0) return null;
      // A Julian day number and the milliseconds since midnight.
      const when = new Date((day - 2440588) * 86_400_000 + data.getInt32(at + 4, true));
      const time = `${two(when.getUTCHours())}:${two(when.getUTCMinutes())}:${two(when.getUTCSeconds())}`;
      return `${when.toISOString().slice(0, 10)} ${time}`;
    }
    case "M": {
      // A memo's text is in the .dbt or .fpt file kept beside the table: read when it was added with it (else memoFields says so).
      const text = memo ? memoBytes(memo, memoBlock(bytes, data, at, field.length)) : null;
      return text ? decoder.decode(text).replace(/[\s\0]+$/, "") || null : null;
    }
    case "G":
    case "P":
      // Pictures and OLE objects in the memo file are not text (memoFields says so).
      return null;
    default: {
      const text = decoder.decode(bytes.subarray(at, at + field.length)).replace(/[\s\0]+$/, "");
      return text === "" ? null : text;
    }
  }
}

/**
 * The encoding of the table's text: UTF-8 when every text field that holds a byte past ASCII reads as UTF-8 (a
 * shapefile written today, whose .cpg says UTF-8), else the code page its header names, else Windows-1252 (dBase's
 * own on Windows).
 */
export function dbfEncoding(bytes: Uint8Array, table: DbfTable): string {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const texts = table.fields.filter((f) => f.type === "C");
  let seen = false;
  for (let r = 0; r < table.records; r++) {
    const at = table.start + r * table.recordLength;
    if (at + table.recordLength > bytes.length) break;
    for (const f of texts) {
      const value = bytes.subarray(at + f.offset, at + f.offset + f.length);
      if (!value.some((b) => b > 0x7f)) continue;
      seen = true;
      try {
        // A value cut at its field's width may end inside a character: its last bytes are left to the decoder.
        utf8.decode(value, { stream: true });
        utf8.decode();
      } catch {
        return table.codePage ?? "windows-1252";
      }
    }
  }
  return seen || !table.codePage ? "utf-8" : table.codePage;
}

const MEMO_TYPES = new Set(["M", "G", "P"]);
const OBJECT_TYPES = new Set(["G", "P"]);

/**
 * The fields whose values are kept in the memo file beside the table (a .dbt or .fpt) and are not read, that point
 * at a memo in some record that is not deleted: every memo field when no memo file came with the table, else its
 * picture and OLE object fields (a memo file's text is read).
 */
export function memoFields(bytes: Uint8Array, table: DbfTable, withMemoFile: boolean): string[] {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const types = withMemoFile ? OBJECT_TYPES : MEMO_TYPES;
  return table.fields
    .filter((f) => types.has(f.type))
    .filter((f) => {
      for (let r = 0; r < table.records; r++) {
        const at = table.start + r * table.recordLength;
        if (at + table.recordLength > bytes.length) break;
        if (bytes[at] !== 0x2a && memoBlock(bytes, data, at + f.offset, f.length) > 0) return true;
      }
      return false;
    })
    .map((f) => f.name);
}

/** What the staged file says of the fields `memoFields` names. */
export function describeMemoFields(names: readonly string[], withMemoFile: boolean): string {
  const are = names.length === 1 ? "is" : "are";
  return withMemoFile
    ? `${names.length === 1 ? "Field" : "Fields"} ${names.join(", ")} of pictures or OLE objects ${are} empty here: Stages reads a memo file's text, not the objects it keeps.`
    : `${names.length === 1 ? "Memo field" : "Memo fields"} ${names.join(", ")} ${are} empty here: a memo's text is kept in a .dbt or .fpt file beside the table, which was not added with it. Add that file now (or the table and that file together, or a ZIP of both) to read it.`;
}

/** What the staged file says of the records a dBase table marks deleted. */
export const describeDeletedRecords = (count: number): string =>
  `${plural(count, "record")} marked deleted in the table (dBase keeps them until the file is packed) ${count === 1 ? "is" : "are"} left out, as dBase leaves them out.`;
