import { Inflate } from "fflate";

/**
 * The start of one file of a ZIP archive, inflated only as far as it is needed: a workbook's sheet of a million
 * rows is hundreds of megabytes of XML, and its first rows are in its first kilobytes.
 */

/** Where a file's data lies in the archive, by its central directory entry: its compression method, start and compressed size. */
export interface Located {
  method: number;
  start: number;
  size: number;
}

const CENTRAL_END = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** How much compressed data is inflated at a time before `enough` is asked. */
const STEP = 64 * 1024;

export function locate(bytes: Uint8Array, name: string): Located | null {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 64 KB and 22 bytes (its comment at most 65,535 bytes).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (data.getUint32(at, true) === CENTRAL_END) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const wanted = new TextEncoder().encode(name);
  for (let at = data.getUint32(end + 16, true), count = data.getUint16(end + 10, true); count > 0 && at + 46 <= bytes.length; count--) {
    if (data.getUint32(at, true) !== CENTRAL_ENTRY) return null;
    const nameLength = data.getUint16(at + 28, true);
    const next = at + 46 + nameLength + data.getUint16(at + 30, true) + data.getUint16(at + 32, true);
    const entryName = bytes.subarray(at + 46, at + 46 + nameLength);
    if (entryName.length === wanted.length && entryName.every((b, i) => b === wanted[i])) {
      const local = data.getUint32(at + 42, true);
      if (local + 30 > bytes.length || data.getUint32(local, true) !== LOCAL_HEADER) return null;
      const start = local + 30 + data.getUint16(local + 26, true) + data.getUint16(local + 28, true);
      return { method: data.getUint16(at + 10, true), start, size: data.getUint32(at + 20, true) };
    }
    at = next;
  }
  return null;
}

/**
 * The named file's text from its start, inflated a step at a time until `enough` says the text so far is, or
 * `limit` characters are reached, or the file ends; null when the archive has no such file or it cannot be read.
 */
export function entryHead(bytes: Uint8Array, name: string, enough: (text: string) => boolean, limit = 16 * 1024 * 1024): { text: string; whole: boolean } | null {
  const found = locate(bytes, name);
  if (!found || (found.method !== 0 && found.method !== 8)) return null;
  const end = Math.min(bytes.length, found.start + found.size);
  const decoder = new TextDecoder();
  let text = "";
  if (found.method === 0) {
    for (let at = found.start; at < end; at += STEP) {
      text += decoder.decode(bytes.subarray(at, Math.min(end, at + STEP)), { stream: true });
      if (enough(text) || text.length >= limit) return { text, whole: at + STEP >= end };
    }
    return { text: text + decoder.decode(), whole: true };
  }
  let whole = false;
  const inflate = new Inflate((chunk, final) => {
    text += decoder.decode(chunk, { stream: !final });
    if (final) whole = true;
  });
  try {
    for (let at = found.start; at < end && !whole; at += STEP) {
      inflate.push(bytes.subarray(at, Math.min(end, at + STEP)), at + STEP >= end);
      if (enough(text) || text.length >= limit) break;
    }
  } catch {
    return null;
  }
  return { text, whole };
}
