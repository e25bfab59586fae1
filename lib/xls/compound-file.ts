import { u16, u32, XlsError } from "./records";

/**
 * The streams at the top of an OLE compound file ([MS-CFB]): an Excel 97–2003 workbook's `Workbook`, a Word
 * document's `WordDocument`, an encrypted .xlsx's `EncryptedPackage`. Sectors are followed through the file's
 * allocation table (FAT), small streams through the mini stream's; a chain that loops or leaves the file is an error.
 */
export interface CompoundFile {
  /** The names of the streams and storages under the root. */
  names: string[];
  /** A stream's bytes by its name (any case), or null when there is none. */
  stream(name: string): Uint8Array | null;
}

const END_OF_CHAIN = 0xfffffffe;
const NO_ENTRY = 0xffffffff;
const STREAM = 2;

interface Entry {
  name: string;
  type: number;
  start: number;
  size: number;
}

export function compoundFile(bytes: Uint8Array): CompoundFile {
  if (bytes.length < 512) throw new XlsError("its compound file is cut short");
  const sectorShift = u16(bytes, 0x1e);
  const miniShift = u16(bytes, 0x20);
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw new XlsError("its compound file's header is damaged");
  const sectorSize = 1 << sectorShift;
  const sectors = Math.ceil((bytes.length - sectorSize) / sectorSize);
  const sector = (n: number) => {
    const at = (n + 1) * sectorSize;
    if (n >= sectors || at > bytes.length) throw new XlsError("its compound file points past its end");
    return bytes.subarray(at, Math.min(at + sectorSize, bytes.length));
  };
  const fat = allocationTable(bytes, sector, sectorSize);
  const chain = (start: number, table: Uint32Array): number[] => {
    const found: number[] = [];
    for (let n = start; n !== END_OF_CHAIN; n = table[n]!) {
      if (n >= table.length || found.length >= table.length) throw new XlsError("its compound file's sector chains are damaged");
      found.push(n);
    }
    return found;
  };
  const read = (start: number, size: number, table: Uint32Array, piece: (n: number) => Uint8Array, pieceSize: number): Uint8Array => {
    const out = new Uint8Array(size);
    let at = 0;
    for (const n of chain(start, table)) {
      if (at >= size) break;
      const part = piece(n).subarray(0, Math.min(pieceSize, size - at));
      out.set(part, at);
      at += part.length;
    }
    if (at < size) throw new XlsError("a stream of its compound file is cut short");
    return out;
  };
  const directoryStart = u32(bytes, 0x30);
  const directory = read(directoryStart, chain(directoryStart, fat).length * sectorSize, fat, sector, sectorSize);
  const entries = Array.from({ length: directory.length / 128 }, (_, i) => entryAt(directory, i * 128));
  const root = entries[0];
  if (!root) throw new XlsError("its compound file has no root");
  const cutoff = u32(bytes, 0x38);
  let mini: { table: Uint32Array; stream: Uint8Array } | null = null;
  const miniSector = (n: number) => mini!.stream.subarray(n * 64, n * 64 + 64);
  const top = new Map(topLevel(entries).map((e) => [e.name.toLowerCase(), e]));
  return {
    names: [...top.values()].map((e) => e.name),
    stream(name) {
      const entry = top.get(name.toLowerCase());
      if (!entry || entry.type !== STREAM) return null;
      if (entry.size >= cutoff) return read(entry.start, entry.size, fat, sector, sectorSize);
      mini ??= {
        table: new Uint32Array(read(u32(bytes, 0x3c), u32(bytes, 0x40) * sectorSize, fat, sector, sectorSize).buffer),
        stream: read(root.start, root.size, fat, sector, sectorSize),
      };
      return read(entry.start, entry.size, mini.table, miniSector, 64);
    },
  };
}

/** The file allocation table: its sectors are listed in the header (109) and in the DIFAT sectors chained after it. */
function allocationTable(bytes: Uint8Array, sector: (n: number) => Uint8Array, sectorSize: number): Uint32Array {
  const count = u32(bytes, 0x2c);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < count; i++) fatSectors.push(u32(bytes, 0x4c + i * 4));
  for (let n = u32(bytes, 0x44), hops = 0; fatSectors.length < count && n !== END_OF_CHAIN && n !== NO_ENTRY; hops++) {
    if (hops > count) throw new XlsError("its compound file's allocation table is damaged");
    const difat = sector(n);
    for (let i = 0; i < sectorSize / 4 - 1 && fatSectors.length < count; i++) fatSectors.push(u32(difat, i * 4));
    n = u32(difat, sectorSize - 4);
  }
  const table = new Uint8Array(fatSectors.length * sectorSize);
  fatSectors.forEach((n, i) => table.set(sector(n), i * sectorSize));
  return new Uint32Array(table.buffer);
}

function entryAt(directory: Uint8Array, at: number): Entry & { left: number; right: number; child: number } {
  const nameBytes = Math.min(Math.max(u16(directory, at + 0x40) - 2, 0), 62);
  return {
    name: new TextDecoder("utf-16le").decode(directory.subarray(at, at + nameBytes)),
    type: directory[at + 0x42]!,
    left: u32(directory, at + 0x44),
    right: u32(directory, at + 0x48),
    child: u32(directory, at + 0x4c),
    start: u32(directory, at + 0x74),
    size: u32(directory, at + 0x78),
  };
}

/** The entries under the root: the root's child and its siblings, a tree walked through their left and right ids. */
function topLevel(entries: ReturnType<typeof entryAt>[]): Entry[] {
  const found: Entry[] = [];
  const seen = new Set<number>();
  const stack = [entries[0]!.child];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === NO_ENTRY || id >= entries.length || seen.has(id)) continue;
    seen.add(id);
    const entry = entries[id]!;
    found.push(entry);
    stack.push(entry.left, entry.right);
  }
  return found;
}
