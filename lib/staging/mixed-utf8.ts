/**
 * Text that is UTF-8 but for a few bytes: files joined or edited in tools
 * of two minds ("José" in UTF-8 beside "Café" in Windows-1252). Read as
 * Windows-1252, every UTF-8 character turns to mojibake (JosÃ©); read as
 * UTF-8, the odd bytes turn to U+FFFD. Here each valid UTF-8 sequence is
 * read as UTF-8 and each other byte as Windows-1252.
 */
export const UTF8_MIXED = "utf-8+windows-1252";

/** Windows-1252's characters for bytes 0x80–0x9F (the rest of 0x80–0xFF are Latin-1's); five bytes have none and keep their C1 code. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const cp1252 = (b: number) => String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);

/** The length of the valid UTF-8 sequence at `i` (1 for ASCII), 0 when the byte starts none, -1 when the bytes end before it does. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (n === 0) return 0;
  // The second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms, surrogates or code points past U+10FFFF).
  const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
  for (let k = 1; k < n; k++) {
    if (i + k >= bytes.length) return -1;
    const c = bytes[i + k]!;
    if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return 0;
  }
  return n;
}

/** Decodes chunks as they come: a sequence cut by a chunk's end waits for the next one. */
export class MixedUtf8Decoder {
  private carry = new Uint8Array(0);
  private readonly utf8 = new TextDecoder("utf-8");

  decode(chunk: Uint8Array, done = false): string {
    const bytes = this.carry.length ? concat(this.carry, chunk) : chunk;
    let out = "";
    let from = 0;
    let i = 0;
    while (i < bytes.length) {
      const n = sequenceAt(bytes, i);
      if (n > 0) {
        i += n;
        continue;
      }
      if (n < 0 && !done) break;
      out += this.utf8.decode(bytes.subarray(from, i)) + cp1252(bytes[i]!);
      from = ++i;
    }
    out += this.utf8.decode(bytes.subarray(from, i));
    this.carry = bytes.slice(i);
    return out;
  }
}

const concat = (a: Uint8Array, b: Uint8Array) => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

export function mixedUtf8Stream(): TransformStream<Uint8Array, string> {
  const decoder = new MixedUtf8Decoder();
  return new TransformStream({
    transform: (chunk, controller) => controller.enqueue(decoder.decode(chunk)),
    flush: (controller) => controller.enqueue(decoder.decode(new Uint8Array(0), true)),
  });
}

/** Whether bytes that are not all UTF-8 hold UTF-8 characters too (two or more sequences of several bytes). */
export function holdsUtf8(bytes: Uint8Array): boolean {
  let found = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    const n = sequenceAt(bytes, i);
    if (n > 1) {
      if (++found >= 2) return true;
      i += n - 1;
    }
  }
  return false;
}
