import type { TypedTable, TypedCell } from "@/lib/typed-table/table";
import { paddedTextCell } from "@/lib/typed-table/text";
import { FormatError } from "@/lib/format-error";
import { rdcRow, rleRow } from "./decompress";
import { formatLabels, type SasFormats } from "./formats";
import { missingTag, sasTypedColumn, sasKind, sasNumberValue, type SasColumn } from "./values";

/**
 * A SAS dataset (.sas7bdat), read from its pages as the format's public descriptions give it (Shotwell and
 * Cummins; the readers of pandas, ReadStat and Parso): 32- or 64-bit, either byte order, rows stored as they are or
 * compressed (CHAR or BINARY). Its columns come from the metadata's subheaders (names, labels, formats, where each
 * value sits in a row), its rows from data pages, from the rows after a mixed page's subheaders, and from row
 * subheaders (how compressed rows are kept). User formats (value labels) live in a catalog file beside it
 * (lib/sas/sas7bcat.ts): given one, a column whose format it holds reads as its labels.
 */
export class SasError extends FormatError {}

export interface Sas7bdat {
  /** The dataset's label, if it has one. */
  label?: string;
  columns: SasColumn[];
  rows: number;
  rowLength: number;
  little: boolean;
  u64: boolean;
  encoding: string;
  compression: "none" | "rle" | "rdc";
  headerLength: number;
  pageLength: number;
  /** The rows a mixed page holds after its subheaders. */
  mixRows: number;
}

const MAGIC = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xc2, 0xea, 0x81, 0x60, 0xb3, 0x14, 0x11, 0xcf, 0xbd, 0x92, 0x08, 0x00, 0x09, 0xc7, 0x31, 0x8c, 0x18, 0x1f, 0x10, 0x11];
const CATALOG = 0x63;

/** SAS's code for its text encoding (header byte 70) → the label TextDecoder knows it by. */
const ENCODINGS: Record<number, string> = {
  0: "windows-1252", 20: "utf-8", 28: "windows-1252", 29: "iso-8859-1", 30: "iso-8859-2", 31: "iso-8859-3", 32: "iso-8859-4",
  33: "iso-8859-5", 34: "iso-8859-6", 35: "iso-8859-7", 36: "iso-8859-8", 37: "iso-8859-9", 38: "iso-8859-10", 39: "windows-874",
  40: "iso-8859-15", 49: "ibm866", 51: "windows-874", 60: "windows-1250", 61: "windows-1251", 62: "windows-1252", 63: "windows-1253",
  64: "windows-1254", 65: "windows-1255", 66: "windows-1256", 67: "windows-1257", 68: "windows-1258", 69: "macintosh", 118: "big5",
  123: "big5", 125: "gb18030", 126: "gbk", 134: "euc-jp", 136: "shift_jis", 138: "shift_jis", 140: "euc-kr", 141: "euc-kr", 142: "euc-kr",
  167: "iso-2022-jp", 204: "windows-1252", 205: "gb18030", 227: "iso-8859-14", 242: "iso-8859-13", 246: "x-mac-cyrillic",
};

type Subheader = "rowSize" | "columnSize" | "text" | "names" | "attributes" | "format" | "other" | "row";
const SIGNATURES: Record<number, Subheader> = { 0xfffffffd: "text", 0xffffffff: "names", 0xfffffffc: "attributes", 0xfffffbfe: "format", 0xfffffffe: "other", 0xfffffc00: "other" };

/** A page's kind by its type word: SAS's metadata pages (and the "AMD" ones), data pages, mixed pages; compressed-page copies are skipped. */
const pageKind = (type: number): "meta" | "data" | "mix" | "skip" => {
  if ((type & 0xf000) === 0x9000) return "skip";
  const kind = type & 0x0f00;
  return kind === 0 || kind === 0x400 ? "meta" : kind === 0x100 ? "data" : kind === 0x200 ? "mix" : "skip";
};

export class Reader {
  readonly data: DataView;
  constructor(readonly bytes: Uint8Array, readonly little: boolean, readonly u64: boolean) {
    this.data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get intLength() {
    return this.u64 ? 8 : 4;
  }
  u16 = (at: number) => this.data.getUint16(at, this.little);
  u32 = (at: number) => this.data.getUint32(at, this.little);
  int = (at: number) => (this.u64 ? Number(this.data.getBigUint64(at, this.little)) : this.data.getUint32(at, this.little));
  /** A page's header words (after its first 16 or 32 bytes) and the subheader pointers that follow them. */
  page(start: number) {
    const base = start + (this.u64 ? 32 : 16);
    const count = this.u16(base + 4);
    const size = this.u64 ? 24 : 12;
    const pointers = Array.from({ length: count }, (_, i) => {
      const at = base + 8 + i * size;
      return { offset: start + this.int(at), length: this.int(at + this.intLength), compression: this.bytes[at + 2 * this.intLength]!, type: this.bytes[at + 2 * this.intLength + 1]! };
    });
    return { kind: pageKind(this.u16(base)), blocks: this.u16(base + 2), pointers, rowsAt: base + 8 + count * size };
  }
  /** What a subheader is, by its signature (4 or 8 bytes, in the file's byte order). */
  subheader(at: number): Subheader | null {
    const sig = this.bytes.subarray(at, at + this.intLength);
    const run = (byte: number) => [0, 4].some((k) => k + 4 <= sig.length && sig.subarray(k, k + 4).every((b) => b === byte));
    if (run(0xf7)) return "rowSize";
    if (run(0xf6)) return "columnSize";
    const word = this.little || !this.u64 ? this.u32(at) : this.u32(at + 4);
    return SIGNATURES[word] ?? null;
  }
}

/** A SAS file's header: its byte order, word size, alignment, header and page lengths, and text encoding. */
export function sasHeader(bytes: Uint8Array, kind: "dataset" | "catalog" = "dataset") {
  if (bytes.length < 288 || !MAGIC.every((b, i) => bytes[i] === b || (i === 15 && bytes[i] === CATALOG))) throw new SasError(`it does not start as a SAS ${kind} does`);
  if (kind === "dataset" && bytes[15] === CATALOG) throw new SasError("it is a SAS catalog (the value labels of datasets), not a dataset. Add it together with the datasets whose formats it holds, and they stage with its labels");
  if (kind === "catalog" && bytes[15] !== CATALOG) throw new SasError("it is a SAS dataset, not a catalog");
  const u64 = bytes[32] === 0x33;
  const pad = bytes[35] === 0x33 ? 4 : 0;
  const reader = new Reader(bytes, bytes[37] === 0x01, u64);
  const headerLength = reader.u32(196 + pad);
  const pageLength = reader.u32(200 + pad);
  if (pageLength < 1024 || headerLength < 1024) throw new SasError("its header gives pages no SAS file has");
  if (bytes.length < headerLength + pageLength) throw new SasError("it is cut short: it ends before its first page");
  return { reader, headerLength, pageLength, align: pad, encoding: ENCODINGS[bytes[70]!] ?? "windows-1252" };
}

/** The dataset's columns and row layout, from its metadata subheaders. */
export function readSas7bdat(bytes: Uint8Array): Sas7bdat {
  const { reader, headerLength, pageLength, encoding } = sasHeader(bytes);
  const text = new TextDecoder(encoding);
  const n = reader.intLength;
  const texts: Uint8Array[] = [];
  const names: string[] = [];
  const places: { offset: number; width: number; numeric: boolean }[] = [];
  const formats: { format: string; label: string }[] = [];
  let rows = 0;
  let rowLength = 0;
  let mixRows = 0;
  let labelRef: [number, number, number] = [0, 0, 0];
  let compression: Sas7bdat["compression"] = "none";
  const piece = (index: number, at: number, length: number) => text.decode(texts[Math.min(index, texts.length - 1)]?.subarray(at, at + length) ?? new Uint8Array()).trim();
  for (let start = headerLength; start + pageLength <= bytes.length; start += pageLength) {
    const page = reader.page(start);
    if (page.kind === "data") break;
    if (page.kind === "skip") continue;
    let rowsFound = false;
    for (const p of page.pointers) {
      if (p.length === 0 || p.compression === 1) continue;
      // A row (compressed, or of a compressed file's type) or a part of the metadata; one it does not know is passed over.
      const kind = p.compression === 4 ? "row" : reader.subheader(p.offset);
      if (kind === "row" || (kind === null && p.type === 1)) {
        rowsFound = true;
        continue;
      }
      const at = p.offset;
      if (kind === "rowSize") {
        rowLength = reader.int(at + 5 * n);
        rows = reader.int(at + 6 * n);
        mixRows = reader.int(at + 15 * n);
        // The dataset's label: a reference into the text blocks, 130 bytes from the subheader's end (as ReadStat reads it).
        const ref = at + p.length - 130;
        labelRef = [reader.u16(ref), reader.u16(ref + 2), reader.u16(ref + 4)];
      } else if (kind === "text") {
        // The block's own size (its first two bytes) can fall short of its last text (ReadStat writes it so): it runs to the subheader's end.
        const block = bytes.subarray(at + n, at + p.length);
        texts.push(block);
        const head = new TextDecoder("latin1").decode(block.subarray(0, 64));
        if (texts.length === 1) compression = head.includes("SASYZCRL") ? "rle" : head.includes("SASYZCR2") ? "rdc" : "none";
      } else if (kind === "names") {
        for (let i = 0; i < Math.floor((p.length - 2 * n - 12) / 8); i++) {
          const q = at + n + 8 * (i + 1);
          names.push(piece(reader.u16(q), reader.u16(q + 2), reader.u16(q + 4)));
        }
      } else if (kind === "attributes") {
        for (let i = 0; i < Math.floor((p.length - 2 * n - 12) / (n + 8)); i++) {
          const q = at + i * (n + 8);
          places.push({ offset: reader.int(q + n + 8), width: reader.u32(q + 2 * n + 8), numeric: bytes[q + 2 * n + 14] === 1 });
        }
      } else if (kind === "format") {
        const q = at + 3 * n;
        formats.push({ format: piece(reader.u16(q + 22), reader.u16(q + 24), reader.u16(q + 26)), label: piece(reader.u16(q + 28), reader.u16(q + 30), reader.u16(q + 32)) });
      }
    }
    if (page.kind === "mix" || rowsFound) break;
  }
  if (!rowLength || names.length !== places.length) throw new SasError("its metadata does not describe its columns");
  const columns = names.map((name, i) => {
    const { format = "", label = "" } = formats[i] ?? {};
    const place = places[i]!;
    return { name, label, format, ...place, kind: place.numeric ? sasKind(format) : ("number" as const) };
  });
  const label = labelRef[2] ? piece(...labelRef) : "";
  return { ...(label ? { label } : {}), columns, rows, rowLength, little: reader.little, u64: reader.u64, encoding, compression, headerLength, pageLength, mixRows };
}

/** Each row's bytes, in file order: from data pages, mixed pages after their subheaders, and row subheaders (decompressed). */
function* rowBytes(bytes: Uint8Array, sas: Sas7bdat): Generator<Uint8Array> {
  const reader = new Reader(bytes, sas.little, sas.u64);
  const { rowLength } = sas;
  const inflate = sas.compression === "rle" ? rleRow : sas.compression === "rdc" ? rdcRow : null;
  let left = sas.rows;
  for (let start = sas.headerLength; start + sas.pageLength <= bytes.length && left > 0; start += sas.pageLength) {
    const page = reader.page(start);
    if (page.kind === "meta") {
      for (const p of page.pointers) {
        if (p.length === 0 || p.compression === 1 || left === 0) continue;
        if (p.compression !== 4 && !(p.type === 1 && reader.subheader(p.offset) === null)) continue;
        const stored = bytes.subarray(p.offset, p.offset + p.length);
        if (p.length < rowLength && !inflate) throw new SasError("a row is shorter than its columns, and the file says it is not compressed");
        left--;
        yield p.length < rowLength ? inflate!(stored, rowLength) : stored;
      }
    } else if (page.kind === "data" || page.kind === "mix") {
      const first = page.kind === "mix" ? page.rowsAt + ((page.rowsAt - start) % 8) : start + (sas.u64 ? 32 : 16) + 8;
      const count = Math.min(left, page.kind === "mix" ? sas.mixRows : page.blocks);
      for (let r = 0; r < count; r++) yield bytes.subarray(first + r * rowLength, first + (r + 1) * rowLength);
      left -= count;
    }
  }
  if (left > 0) throw new SasError(`it is cut short: ${left.toLocaleString("en-US")} of its ${sas.rows.toLocaleString("en-US")} rows are missing`);
}

/**
 * The dataset's columns and rows: dates, date-times and times as such, missing values null; with a catalog's formats,
 * a value its column's format labels as its label (a number without one as its text, a special missing value
 * without one null).
 */
export function sas7bdatTable(bytes: Uint8Array, sas: Sas7bdat, formats?: SasFormats): TypedTable {
  return {
    ...(sas.label ? { label: sas.label } : {}), columns: sas.columns.map((c) => sasTypedColumn(c, formatLabels(c, formats))), rows: sas7bdatRows(bytes, sas, formats), rowCount: sas.rows };
}

function* sas7bdatRows(bytes: Uint8Array, sas: Sas7bdat, formats?: SasFormats): Generator<TypedCell[]> {
  const text = new TextDecoder(sas.encoding);
  const decode = (cell: Uint8Array) => text.decode(cell);
  const scratch = new DataView(new ArrayBuffer(8));
  const scratchBytes = new Uint8Array(scratch.buffer);
  const { columns, little } = sas;
  let view = new DataView(bytes.buffer);
  // A number stored in fewer than 8 bytes keeps a double's first bytes.
  const short = (row: Uint8Array, c: SasColumn): number => {
    scratchBytes.fill(0);
    scratchBytes.set(row.subarray(c.offset, c.offset + c.width), little ? 8 - c.width : 0);
    return scratch.getFloat64(0, little);
  };
  const labels = columns.map((c) => formatLabels(c, formats));
  // A special missing value's tag is in the sixth byte from the end of a double, its bits turned.
  const tag = (row: Uint8Array, c: SasColumn) => missingTag(~row[c.offset + (little ? c.width - 3 : 2)]! & 0xff);
  const labelled = (cell: TypedCell, found: Map<number | string, string>) => (cell === null ? null : (found.get(typeof cell === "string" ? cell : decode(cell as Uint8Array)) ?? cell));
  const values: TypedCell[] = [];
  for (const row of rowBytes(bytes, sas)) {
    // Rows are read where they lie in the file; a decompressed row is an array of its own.
    if (row.buffer !== view.buffer) view = new DataView(row.buffer);
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      const found = labels[i];
      if (!c.numeric) values[i] = found ? labelled(paddedTextCell(row, c.offset, c.width, decode), found) : paddedTextCell(row, c.offset, c.width, decode);
      else if (!c.width) values[i] = null;
      else {
        const number = c.width === 8 ? view.getFloat64(row.byteOffset + c.offset, little) : short(row, c);
        values[i] = !found ? sasNumberValue(number, c.kind, c.width) : Number.isNaN(number) ? (found.get(tag(row, c)) ?? null) : (found.get(number) ?? String(sasNumberValue(number, "number", c.width)));
      }
    }
    yield values;
  }
}
