import type { TypedCell } from "./table";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The bytes as UTF-8 text, or null when they are not UTF-8 (the SAS transport and SPSS portable readers then read Windows-1252). */
export function utf8Text(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * A text value from its bytes, null when there are none: the bytes themselves when every one is ASCII (written
 * into Arrow as they are, without decoding and encoding them again), else decoded. An escape byte is decoded too:
 * ISO-2022-JP writes Japanese in 7-bit bytes after one.
 */
export function textCell(bytes: Uint8Array, decode: (bytes: Uint8Array) => string): TypedCell {
  if (bytes.length === 0) return null;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80 || bytes[i] === 0x1b) return decode(bytes) || null;
  return bytes;
}

/** A fixed-width text value (SAS's, SPSS's) without the spaces and NULs it is padded with, null when nothing is left. */
export function paddedTextCell(cell: Uint8Array, decode: (bytes: Uint8Array) => string): TypedCell {
  let end = cell.length;
  while (end > 0 && (cell[end - 1] === 0x20 || cell[end - 1] === 0)) end--;
  return textCell(cell.subarray(0, end), decode);
}
