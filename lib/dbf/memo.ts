import { FormatError } from "@/lib/format-error";

/**
 * A dBase table's memo file, kept beside it under the same name: `.dbt` (dBase III: 512-byte blocks, a memo's
 * text ending at 0x1A; dBase IV: blocks of the size its header gives, each memo starting FF FF 08 00 and its
 * length), or `.fpt` (FoxPro: a big-endian block size in its header, each memo a type and a length before its
 * bytes). A record's memo field holds the number of its memo's first block (https://www.clicketyclick.dk/databases/xbase/format/dbt.html).
 */
export type MemoKind = "dbt" | "fpt";

export interface MemoFile {
  kind: MemoKind;
  bytes: Uint8Array;
}

/** The memo file's kind by its name's extension, or null when it is none. */
export const memoKind = (fileName: string): MemoKind | null => {
  const ext = /\.(dbt|fpt)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext === "dbt" || ext === "fpt" ? ext : null;
};

const DBASE_III_BLOCK = 512;

/** The bytes of the memo that starts at `block`, or null where there is none (block 0, past the file's end). */
export function memoBytes(memo: MemoFile, block: number): Uint8Array | null {
  const { bytes } = memo;
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (block <= 0) return null;
  if (memo.kind === "fpt") {
    if (bytes.length < 8) throw new FormatError("its memo file (.fpt) is cut short");
    const at = block * data.getUint16(6);
    if (at + 8 > bytes.length) return null;
    return bytes.subarray(at + 8, Math.min(bytes.length, at + 8 + data.getUint32(at + 4)));
  }
  // dBase IV marks each memo's start and gives its length (its 8 bytes of header included); its block size is in the file's header.
  const dbase4Block = bytes.length >= 22 ? data.getUint16(20, true) : 0;
  for (const size of dbase4Block ? [dbase4Block, DBASE_III_BLOCK] : [DBASE_III_BLOCK]) {
    const at = block * size;
    if (at + 8 <= bytes.length && data.getUint32(at) === 0xffff0800) return bytes.subarray(at + 8, Math.min(bytes.length, at + data.getUint32(at + 4, true)));
  }
  const at = block * DBASE_III_BLOCK;
  if (at >= bytes.length) return null;
  const end = bytes.indexOf(0x1a, at);
  return bytes.subarray(at, end < 0 ? bytes.length : end);
}

/** The first block of a record's memo, from its memo field: digits (dBase), or a 4-byte integer (Visual FoxPro); 0 for none. */
export function memoBlock(bytes: Uint8Array, data: DataView, at: number, length: number): number {
  if (length === 4) return data.getInt32(at, true);
  const digits = String.fromCharCode(...bytes.subarray(at, at + length)).trim();
  return /^\d+$/.test(digits) ? Number(digits) : 0;
}

