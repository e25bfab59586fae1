import { FormatError } from "@/lib/format-error";
/**
 * The rows of a SQLite database file's tables, read from its pages as the file format says
 * (https://www.sqlite.org/fileformat2.html): a table is a B-tree of pages, its rows in its leaves as records,
 * a record's end on overflow pages when it is longer than a page holds. No SQLite engine is needed.
 */
export class SqliteError extends FormatError {}

export type SqliteValue = null | number | bigint | string | Uint8Array;

const TABLE_INTERIOR = 0x05;
const TABLE_LEAF = 0x0d;
const INDEX_INTERIOR = 0x02;
const INDEX_LEAF = 0x0a;

export interface Pages {
  /** Usable bytes a page (its size less the bytes reserved at its end). */
  usable: number;
  page(n: number): Uint8Array;
  text: TextDecoder;
}

/** The file's pages, from its 100-byte header: page size, reserved bytes, text encoding. */
export function sqlitePages(bytes: Uint8Array): Pages {
  if (bytes.length < 512) throw new SqliteError("it is cut short");
  const size = ((bytes[16]! << 8) | bytes[17]!) === 1 ? 65536 : (bytes[16]! << 8) | bytes[17]!;
  if (size < 512 || size > 65536 || (size & (size - 1)) !== 0) throw new SqliteError("its header is damaged");
  const encoding = view(bytes).getUint32(56);
  const count = Math.ceil(bytes.length / size);
  return {
    usable: size - bytes[20]!,
    page(n) {
      if (n < 1 || n > count) throw new SqliteError(`it points to page ${n}, past its end`);
      return bytes.subarray((n - 1) * size, Math.min(n * size, bytes.length));
    },
    text: new TextDecoder(encoding === 2 ? "utf-16le" : encoding === 3 ? "utf-16be" : "utf-8"),
  };
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** A varint (1 to 9 bytes, big-endian, 7 bits a byte but the ninth's 8) at `at`: its value and the bytes it took. */
function varint(bytes: Uint8Array, at: number): [bigint | number, number] {
  let value = 0;
  // Seven bytes (49 bits) are exact as a number; a longer varint (a rowid past 2^49, a negative one) is read as a bigint.
  for (let i = 0; i < 7; i++) {
    const byte = bytes[at + i]!;
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) return [value, i + 1];
  }
  const byte = bytes[at + 7]!;
  const big = (BigInt(value) << 7n) | BigInt(byte & 0x7f);
  return byte & 0x80 ? [small((big << 8n) | BigInt(bytes[at + 8]!)), 9] : [small(big), 8];
}

/** A 64-bit integer as a number where it is one exactly, else as a bigint. */
function small(value: bigint): bigint | number {
  const signed = BigInt.asIntN(64, value);
  return signed >= -MAX_SAFE && signed <= MAX_SAFE ? Number(signed) : signed;
}
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const num = (value: bigint | number) => Number(value);

/**
 * The leaf pages of the table whose B-tree starts at page `root`, in rowid order: each page, where its header
 * starts and how many cells it holds. A page met twice (a damaged file's loop) is an error, and so is a page that
 * is not a table's.
 */
function* leafPages(pages: Pages, root: number): Generator<{ page: Uint8Array; at: number; cells: number }> {
  const seen = new Set<number>();
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) throw new SqliteError(`its page ${n} is reached twice`);
    seen.add(n);
    const page = pages.page(n);
    const at = n === 1 ? 100 : 0;
    const cells = (page[at + 3]! << 8) | page[at + 4]!;
    if (page[at] === TABLE_INTERIOR) {
      // Children are pushed right to left, so that they are read left to right.
      stack.push(view(page).getUint32(at + 8));
      for (let i = cells - 1; i >= 0; i--) stack.push(view(page).getUint32(cellAt(page, at + 12, i)));
    } else if (page[at] === TABLE_LEAF) yield { page, at, cells };
    else throw new SqliteError(`its page ${n} is not a table's`);
  }
}

/** Every row of the table whose B-tree starts at page `root`, in rowid order: its rowid and its record's values. */
export function* tableRows(pages: Pages, root: number): Generator<{ rowid: bigint | number; values: SqliteValue[] }> {
  for (const { page, at, cells } of leafPages(pages, root)) for (let i = 0; i < cells; i++) yield leafCell(pages, page, cellAt(page, at + 8, i));
}

/** How many rows the table whose B-tree starts at page `root` holds: its leaves' cells, counted without reading one. */
export function tableRowCount(pages: Pages, root: number): number {
  let count = 0;
  for (const { cells } of leafPages(pages, root)) count += cells;
  return count;
}

/**
 * Every row of a table stored WITHOUT ROWID, whose B-tree of keys starts at page `root`, in its key's order: each
 * cell's record, on leaves and on interior pages alike (an interior cell holds a row between its left child's and the
 * next cell's). A page met twice, or one that is not a key's, is an error.
 */
export function* keyRows(pages: Pages, root: number, seen = new Set<number>()): Generator<SqliteValue[]> {
  const { page, at, cells, interior } = keyPage(pages, root, seen);
  for (let i = 0; i < cells; i++) {
    const cell = cellAt(page, at + (interior ? 12 : 8), i);
    if (interior) yield* keyRows(pages, view(page).getUint32(cell), seen);
    const start = cell + (interior ? 4 : 0);
    const [size, a] = varint(page, start);
    yield record(pages.text, payload(pages, page, start + a, num(size), keyMaxLocal(pages.usable)));
  }
  if (interior) yield* keyRows(pages, view(page).getUint32(at + 8), seen);
}

/** How many rows a table stored WITHOUT ROWID holds: the cells of every page of its B-tree, none read. */
export function keyRowCount(pages: Pages, root: number, seen = new Set<number>()): number {
  const { page, at, cells, interior } = keyPage(pages, root, seen);
  if (!interior) return cells;
  let count = cells + keyRowCount(pages, view(page).getUint32(at + 8), seen);
  for (let i = 0; i < cells; i++) count += keyRowCount(pages, view(page).getUint32(cellAt(page, at + 12, i)), seen);
  return count;
}

function keyPage(pages: Pages, n: number, seen: Set<number>): { page: Uint8Array; at: number; cells: number; interior: boolean } {
  if (seen.has(n)) throw new SqliteError(`its page ${n} is reached twice`);
  seen.add(n);
  const page = pages.page(n);
  const at = n === 1 ? 100 : 0;
  if (page[at] !== INDEX_INTERIOR && page[at] !== INDEX_LEAF) throw new SqliteError(`its page ${n} is not a table's`);
  return { page, at, cells: (page[at + 3]! << 8) | page[at + 4]!, interior: page[at] === INDEX_INTERIOR };
}

/** The most of a cell's payload a page of keys holds itself (a table's leaf holds more: `usable` - 35). */
const keyMaxLocal = (usable: number) => Math.floor(((usable - 12) * 64) / 255) - 23;

const cellAt = (page: Uint8Array, pointers: number, i: number) => (page[pointers + i * 2]! << 8) | page[pointers + i * 2 + 1]!;

function leafCell(pages: Pages, page: Uint8Array, at: number): { rowid: bigint | number; values: SqliteValue[] } {
  const [size, a] = varint(page, at);
  const [rowid, b] = varint(page, at + a);
  return { rowid, values: record(pages.text, payload(pages, page, at + a + b, num(size), pages.usable - 35)) };
}

/** A cell's payload: the part on its page (up to `most` bytes), then the rest from its chain of overflow pages. */
function payload(pages: Pages, page: Uint8Array, at: number, size: number, most: number): Uint8Array {
  const u = pages.usable;
  if (size <= most) return page.subarray(at, at + size);
  const least = Math.floor(((u - 12) * 32) / 255) - 23;
  const k = least + ((size - least) % (u - 4));
  const local = k <= most ? k : least;
  const out = new Uint8Array(size);
  out.set(page.subarray(at, at + local));
  let done = local;
  for (let next = view(page).getUint32(at + local), hops = 0; done < size; hops++) {
    if (next === 0 || hops > size) throw new SqliteError("a row's overflow pages end before the row does");
    const overflow = pages.page(next);
    const part = overflow.subarray(4, 4 + Math.min(u - 4, size - done));
    out.set(part, done);
    done += part.length;
    next = view(overflow).getUint32(0);
  }
  return out;
}

/** The bytes of a record's integer by its serial type (1 to 6). */
const INTEGER_BYTES = [0, 1, 2, 3, 4, 6, 8];

/** A big-endian two's-complement integer of a record (serial types 1 to 6). */
function integer(data: DataView, at: number, type: number): number | bigint {
  if (type === 1) return data.getInt8(at);
  if (type === 2) return data.getInt16(at);
  if (type === 3) return (data.getInt8(at) << 16) | data.getUint16(at + 1);
  if (type === 4) return data.getInt32(at);
  if (type === 5) return data.getInt16(at) * 2 ** 32 + data.getUint32(at + 2);
  return small(data.getBigInt64(at));
}

/** A text value: a short one of ASCII characters alone without a decoder (a call to it costs more than the text). */
function decodeText(text: TextDecoder, bytes: Uint8Array): string {
  if (bytes.length > 64 || text.encoding !== "utf-8") return text.decode(bytes);
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return text.decode(bytes);
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/** A record's values, by the serial types its header lists. */
export function record(text: TextDecoder, bytes: Uint8Array): SqliteValue[] {
  const [headerSize, first] = varint(bytes, 0);
  const types: number[] = [];
  for (let at = first; at < num(headerSize); ) {
    const [type, used] = varint(bytes, at);
    types.push(num(type));
    at += used;
  }
  const values: SqliteValue[] = [];
  let at = num(headerSize);
  const data = view(bytes);
  for (const type of types) {
    if (type === 0) values.push(null);
    else if (type >= 1 && type <= 6) {
      values.push(integer(data, at, type));
      at += INTEGER_BYTES[type]!;
    } else if (type === 7) {
      values.push(data.getFloat64(at));
      at += 8;
    } else if (type === 8 || type === 9) values.push(type - 8);
    else if (type >= 12) {
      const length = (type - (type % 2 ? 13 : 12)) / 2;
      const content = bytes.subarray(at, at + length);
      values.push(type % 2 ? decodeText(text, content) : content);
      at += length;
    } else throw new SqliteError("a row's record is damaged");
  }
  return values;
}
