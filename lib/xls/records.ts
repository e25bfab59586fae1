import { FormatError } from "@/lib/format-error";
/**
 * The records of an Excel 97–2003 workbook's BIFF8 stream ([MS-XLS] 2.1.4): a type, a length and data, with the
 * CONTINUE records that carry on a record longer than 8,224 bytes (the shared strings, a long formula's text).
 */
export class XlsError extends FormatError {}

const CONTINUE = 0x003c;

export interface BiffRecord {
  type: number;
  /** The record's data, then its CONTINUE records' data. */
  segments: Uint8Array[];
}

export const u16 = (bytes: Uint8Array, at: number): number => bytes[at]! | (bytes[at + 1]! << 8);
export const u32 = (bytes: Uint8Array, at: number): number => (u16(bytes, at) + u16(bytes, at + 2) * 0x10000);
export const f64 = (bytes: Uint8Array, at: number): number => new DataView(bytes.buffer, bytes.byteOffset + at, 8).getFloat64(0, true);

/** The records from byte `from` of the stream on, each with its CONTINUE records. */
export function* biffRecords(stream: Uint8Array, from = 0): Generator<BiffRecord> {
  let at = from;
  while (at + 4 <= stream.length) {
    const type = u16(stream, at);
    const size = u16(stream, at + 2);
    if (at + 4 + size > stream.length) throw new XlsError(`a record at byte ${at} of the workbook runs past its end`);
    const segments = [stream.subarray(at + 4, at + 4 + size)];
    at += 4 + size;
    while (at + 4 <= stream.length && u16(stream, at) === CONTINUE) {
      const more = u16(stream, at + 2);
      segments.push(stream.subarray(at + 4, at + 4 + more));
      at += 4 + more;
    }
    yield { type, segments };
  }
}

/**
 * Reads a record's data across its CONTINUE records. A string's characters that cross into the next one go on
 * after a byte of flags of their own (whether they are written one byte or two each).
 */
export class RecordReader {
  private segment = 0;
  private at = 0;

  constructor(private readonly segments: readonly Uint8Array[]) {}

  private current(): Uint8Array {
    while (this.at >= this.segments[this.segment]!.length) {
      if (this.segment + 1 >= this.segments.length) throw new XlsError("a value runs past the end of its record");
      this.segment++;
      this.at = 0;
    }
    return this.segments[this.segment]!;
  }

  get ended(): boolean {
    return this.segment === this.segments.length - 1 && this.at >= this.segments[this.segment]!.length;
  }

  byte(): number {
    return this.current()[this.at++]!;
  }

  u16(): number {
    return this.byte() | (this.byte() << 8);
  }

  u32(): number {
    return this.u16() + this.u16() * 0x10000;
  }

  skip(count: number): void {
    for (let left = count; left > 0; ) {
      const step = Math.min(left, this.current().length - this.at);
      this.at += step;
      left -= step;
    }
  }

  /** `count` characters, two bytes each when `wide` (UTF-16LE), else one (the code points up to U+00FF). */
  chars(count: number, wide: boolean): string {
    let text = "";
    for (let left = count; left > 0; ) {
      if (this.at >= this.segments[this.segment]!.length) {
        this.current();
        wide = (this.byte() & 1) === 1;
      }
      const bytes = this.segments[this.segment]!;
      const width = wide ? 2 : 1;
      const n = Math.min(left, Math.floor((bytes.length - this.at) / width));
      if (n === 0) throw new XlsError("a text's characters are cut at the end of its record");
      text += decode(bytes.subarray(this.at, this.at + n * width), wide);
      this.at += n * width;
      left -= n;
    }
    return text;
  }

  /**
   * A string as BIFF8 writes it: its length in characters (one byte, or two), a byte of flags, the counts of its
   * formatting runs and of its phonetic data (East Asian readings) when it has them, its characters, then those
   * runs and data, which are skipped.
   */
  string(lengthBytes: 1 | 2 = 2): string {
    const count = lengthBytes === 1 ? this.byte() : this.u16();
    const flags = this.byte();
    const runs = flags & 0x08 ? this.u16() : 0;
    const phonetic = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 0x01) === 1);
    this.skip(runs * 4 + phonetic);
    return text;
  }
}

const utf16 = new TextDecoder("utf-16le");

function decode(bytes: Uint8Array, wide: boolean): string {
  if (wide) return utf16.decode(bytes);
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}
