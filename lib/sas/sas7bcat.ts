import { sasHeader, SasError, type Reader } from "./sas7bdat";
import type { SasFormatLabels, SasFormats } from "./formats";
import { missingTag } from "./values";

/**
 * A SAS format catalog (.sas7bcat, most often `formats.sas7bcat`): the user formats (PROC FORMAT's `VALUE`
 * statements) that the datasets of a library name as their columns' formats, each a table of values and their
 * labels. Read as ReadStat reads it (src/sas/readstat_sas7bcat_read.c): the index's XLSR records point at each
 * format's block, a chain of pieces over the pages; a block holds the format's name, its values, then its labels.
 */

/** Where the index is (pages counted from 0): on page 1, and on any page from page 3 on that starts with an XLSR record. */
const FIRST_INDEX_PAGE = 1;
const MORE_INDEX_FROM = 3;

interface Catalog {
  reader: Reader;
  bytes: Uint8Array;
  align: number;
  headerLength: number;
  pageLength: number;
  pages: number;
  text: TextDecoder;
}

export function readSas7bcat(bytes: Uint8Array): SasFormats {
  const { reader, headerLength, pageLength, align, encoding } = sasHeader(bytes, "catalog");
  const pages = reader.int(204 + align);
  if (headerLength + pages * pageLength > bytes.length) throw new SasError(`it is cut short: it ends in page ${Math.floor((bytes.length - headerLength) / pageLength) + 1} of its ${pages}`);
  const catalog: Catalog = { reader, bytes, align, headerLength, pageLength, pages, text: new TextDecoder(encoding) };
  const formats: SasFormats = new Map();
  for (const pointer of blockPointers(catalog)) {
    const block = chainedBlock(catalog, pointer.page, pointer.at);
    const format = block.length ? formatOf(catalog, block) : null;
    if (format && format.labels.size) formats.set(format.name, format.labels);
  }
  return formats;
}

/** Where each format's block starts (its page, counted from 1, and place in it), in page order, each once. */
function blockPointers(c: Catalog): { page: number; at: number }[] {
  const { u64 } = c.reader;
  const recordLength = 212 + c.align + (u64 ? 72 : 0);
  const kindAt = 50 + c.align + (u64 ? 24 : 0);
  const found = new Map<number, { page: number; at: number }>();
  const scan = (from: number, end: number) => {
    for (let at = from; at + recordLength <= end; at += recordLength) {
      // Some records have 8 bytes of padding before them.
      if (!isXlsr(c.bytes, at)) at += 8;
      if (at + recordLength > end || !isXlsr(c.bytes, at)) return;
      if (c.bytes[at + kindAt] !== 0x4f) continue;
      const page = u64 ? c.reader.int(at + 8) : c.reader.u32(at + 4);
      const place = c.reader.u16(at + (u64 ? 16 : 8));
      found.set(page * 65536 + place, { page, at: place });
    }
  };
  const pageStart = (page: number) => c.headerLength + page * c.pageLength;
  if (c.pages > FIRST_INDEX_PAGE) scan(pageStart(FIRST_INDEX_PAGE) + 856 + 2 * c.align + (u64 ? 144 : 0), pageStart(FIRST_INDEX_PAGE + 1));
  for (let page = MORE_INDEX_FROM; page < c.pages; page++) if (isXlsr(c.bytes, pageStart(page) + 16)) scan(pageStart(page) + 16, pageStart(page + 1));
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
}

const isXlsr = (bytes: Uint8Array, at: number) => bytes[at] === 0x58 && bytes[at + 1] === 0x4c && bytes[at + 2] === 0x53 && bytes[at + 3] === 0x52;

/** A block's bytes, joined from its pieces: each piece's header gives the next piece's page and place, and its own length. */
function chainedBlock(c: Catalog, page: number, at: number): Uint8Array {
  const { u64 } = c.reader;
  const headerLength = u64 ? 32 : 16;
  const pieces: Uint8Array[] = [];
  for (let links = 0; page > 0 && at > 0 && page <= c.pages && links < c.pages; links++) {
    const start = c.headerLength + (page - 1) * c.pageLength + at;
    if (start + headerLength > c.bytes.length) throw new SasError("it is cut short: a format's block runs past its end");
    const length = c.reader.u16(start + (u64 ? 10 : 6));
    const next = { page: c.reader.u32(start), at: c.reader.u16(start + (u64 ? 8 : 4)) };
    if (start + headerLength + length > c.bytes.length) throw new SasError("it is cut short: a format's block runs past its end");
    pieces.push(c.bytes.subarray(start + headerLength, start + headerLength + length));
    ({ page, at } = next);
  }
  const block = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  pieces.reduce((offset, p) => (block.set(p, offset), offset + p.length), 0);
  return block;
}

/** A format's name and labels from its block; null when the block is too short to be one. */
function formatOf(c: Catalog, block: Uint8Array): { name: string; labels: SasFormatLabels } | null {
  const { u64, little } = c.reader;
  const data = new DataView(block.buffer, block.byteOffset, block.byteLength);
  let payload = 106 + (u64 ? 32 : 0);
  if (block.length < payload) return null;
  const flags = data.getUint16(2, little);
  let pad = flags & 0x08 ? 4 : 0;
  const word = (at: number) => (u64 ? Number(data.getBigUint64(at, little)) : data.getUint32(at, little));
  const capacity = word((u64 ? 42 : 38) + pad);
  const used = word((u64 ? 50 : 42) + pad);
  let name = c.text.decode(block.subarray(8, 16)).trim();
  if (pad) pad += 16;
  if (flags & (u64 ? 0x20 : 0x80)) {
    if (block.length < payload + pad + 32) return null;
    name = c.text.decode(block.subarray(payload + pad, payload + pad + 32)).trim();
    pad += 32;
  }
  payload += pad;
  if (block.length < payload || used === 0) return null;
  return { name: name.toUpperCase(), labels: valueLabels(c, block.subarray(payload), used, capacity, name.startsWith("$")) };
}

/**
 * The values and labels of a format's block: first an entry per value (its length, the place of its label, the
 * value: 16 bytes of text, or a number stored big-endian with its bits turned so that it sorts as bytes), then the
 * labels in order, each after its length.
 */
function valueLabels(c: Catalog, values: Uint8Array, used: number, capacity: number, text: boolean): SasFormatLabels {
  const { little } = c.reader;
  const data = new DataView(values.buffer, values.byteOffset, values.byteLength);
  const broken = () => new SasError("a format's values run past its block");
  const entries: number[] = [];
  let at = 0;
  for (let i = 0; i < capacity; i++) {
    if (at + 4 > values.length) throw broken();
    if (i < used) {
      if (at + 14 + c.align > values.length) throw broken();
      const place = data.getUint32(at + 10 + c.align, little);
      if (place >= used) throw broken();
      entries[place] = at;
    }
    at += 6 + data.getUint16(at + 2, little);
  }
  const labels: SasFormatLabels = new Map();
  for (let i = 0; i < used; i++) {
    const entry = entries[i];
    if (entry === undefined || entry + 30 > values.length || at + 10 > values.length) throw broken();
    const end = entry + 6 + data.getUint16(entry + 2, little);
    const value = text ? c.text.decode(values.subarray(end - 16, end)).replace(/ +$/, "") : numberValue(data, entry + 22);
    const length = Math.min(data.getUint16(at + 8, little), values.length - at - 10);
    labels.set(value, c.text.decode(values.subarray(at + 10, at + 10 + length)).trim());
    at += 11 + length;
  }
  return labels;
}

/** A format's number: stored big-endian, a positive number with all its bits turned and a negative one with its sign's; a special missing value as `.A`. */
function numberValue(data: DataView, at: number): number | string {
  const bits = data.getBigUint64(at, false);
  if ((bits | 0xff0000000000n) === 0xffffffffffffn) return missingTag(Number(bits >> 40n));
  const value = data.getFloat64(at, false);
  if (value > 0) {
    const turned = new DataView(new ArrayBuffer(8));
    turned.setBigUint64(0, ~bits & 0xffffffffffffffffn);
    return turned.getFloat64(0);
  }
  return -value;
}
