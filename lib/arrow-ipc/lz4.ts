/**
 * LZ4's frame format (https://github.com/lz4/lz4/blob/dev/doc/lz4_Frame_format.md) and its blocks
 * (lz4_Block_format.md), decoded into a buffer of the size the caller knows: how Arrow IPC files compress a
 * buffer with LZ4_FRAME (pyarrow's and R arrow's Feather default). Checksums are skipped, not checked.
 */
const MAGIC = 0x184d2204;

export function lz4Frame(input: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  const data = new DataView(input.buffer, input.byteOffset, input.byteLength);
  if (input.length < 7 || data.getUint32(0, true) !== MAGIC) throw new Error("an LZ4-compressed buffer does not start as an LZ4 frame does");
  const flags = input[4]!;
  const blockChecksum = (flags & 0x10) !== 0;
  let at = 6 + (flags & 0x08 ? 8 : 0) + (flags & 0x01 ? 4 : 0) + 1;
  let o = 0;
  for (;;) {
    if (at + 4 > input.length) throw new Error("an LZ4 frame is cut short");
    const word = data.getUint32(at, true);
    at += 4;
    if (word === 0) break;
    const length = word & 0x7fffffff;
    const block = input.subarray(at, at + length);
    if (word & 0x80000000) {
      out.set(block, o);
      o += block.length;
    } else {
      o = lz4Block(block, out, o);
    }
    at += length + (blockChecksum ? 4 : 0);
  }
  if (o !== size) throw new Error(`an LZ4 frame holds ${o} bytes where ${size} were expected`);
  return out;
}

/** One LZ4 block's sequences (literals, then a match copied from earlier output) written into `out` from `o`; the end. */
function lz4Block(block: Uint8Array, out: Uint8Array, start: number): number {
  let i = 0;
  let o = start;
  const length = (first: number) => {
    let n = first;
    if (first === 15) {
      let byte: number;
      do {
        byte = block[i++]!;
        n += byte;
      } while (byte === 255);
    }
    return n;
  };
  while (i < block.length) {
    const token = block[i++]!;
    const literals = length(token >> 4);
    if (o + literals > out.length) throw new Error("an LZ4 block writes past its buffer");
    out.set(block.subarray(i, i + literals), o);
    i += literals;
    o += literals;
    if (i >= block.length) break;
    const offset = block[i]! | (block[i + 1]! << 8);
    i += 2;
    const match = length(token & 15) + 4;
    if (offset === 0 || offset > o || o + match > out.length) throw new Error("an LZ4 block refers outside its buffer");
    for (let k = 0; k < match; k++) out[o + k] = out[o - offset + k]!;
    o += match;
  }
  return o;
}
