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

/**
 * A fixed-width text value (SAS's, SPSS's), the `width` bytes from `start`, without the spaces and NULs it is padded
 * with; null when nothing is left. Read where it lies: a view is made of the text alone, not of the cell first (the
 * readers make no object per value they need not: docs/READING.md).
 */
export function paddedTextCell(bytes: Uint8Array, start: number, width: number, decode: (bytes: Uint8Array) => string): TypedCell {
  let end = start + width;
  while (end > start && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
  return end === start ? null : textCell(bytes.subarray(start, end), decode);
}

/** A day as `2017-11-24`, from milliseconds since 1970 (UTC), as DuckDB shows a DATE. */
export const dayText = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A moment as `2018-03-17 14:20:33` (milliseconds shown when it has some), from milliseconds since 1970, as DuckDB shows a TIMESTAMP. */
export const momentText = (ms: number): string => new Date(ms).toISOString().replace("T", " ").replace(/(\.000)?Z$/, "");

/** A moment as DuckDB shows a TIMESTAMP: `2018-03-17 14:20:33`, its fraction without trailing zeros (`14:20:33.5`). */
export const shownMomentText = (ms: number): string => withoutTrailingZeros(momentText(ms));

/** A time's text without the trailing zeros of its fraction, nor its point when nothing is left. */
export const withoutTrailingZeros = (text: string): string => text.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");

/** `23:59:59` from seconds, or the hours past 24 of a duration (`30:00:00`). */
export function timeText(seconds: number): string {
  const whole = Math.round(seconds);
  const sign = whole < 0 ? "-" : "";
  const s = Math.abs(whole);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${sign}${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}
