import { FormatError } from "@/lib/format-error";

/**
 * The two ways SAS compresses a dataset's rows (COMPRESS=CHAR and COMPRESS=BINARY), each row on its own, as the
 * sas7bdat format's public descriptions give them (Shotwell and Cummins; the readers of pandas, ReadStat and Parso).
 */

/** COMPRESS=CHAR ("SASYZCRL"): runs of a byte, of spaces, of NULs or of "@", and literal stretches, by a control byte's high nibble. */
export function rleRow(input: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let o = 0;
  let i = 0;
  const fill = (byte: number, count: number) => {
    out.fill(byte, o, o + count);
    o += count;
  };
  const copy = (count: number) => {
    out.set(input.subarray(i, i + count), o);
    o += count;
    i += count;
  };
  while (i < input.length && o < length) {
    const control = input[i]! & 0xf0;
    const low = input[i]! & 0x0f;
    i++;
    switch (control) {
      case 0x00:
        i++;
        copy(input[i - 1]! + 64 + low * 256);
        break;
      case 0x40:
        fill(input[i + 1]!, input[i]! + 18 + low * 256);
        i += 2;
        break;
      case 0x60:
        fill(0x20, low * 256 + input[i++]! + 17);
        break;
      case 0x70:
        fill(0x00, low * 256 + input[i++]! + 17);
        break;
      case 0x80:
      case 0x90:
      case 0xa0:
      case 0xb0:
        copy(low + 1 + (control - 0x80) / 0x10 * 16);
        break;
      case 0xc0:
        fill(input[i++]!, low + 3);
        break;
      case 0xd0:
        fill(0x40, low + 2);
        break;
      case 0xe0:
        fill(0x20, low + 2);
        break;
      case 0xf0:
        fill(0x00, low + 2);
        break;
      default:
        throw new FormatError(`a compressed row holds a code (0x${control.toString(16)}) SAS does not write`);
    }
  }
  if (o !== length) throw new FormatError(`a compressed row makes ${o} bytes where its rows have ${length}`);
  return out;
}

/** COMPRESS=BINARY ("SASYZCR2"): Ross Data Compression, 16 items a control word, each a literal byte, a run or a copy from earlier in the row. */
export function rdcRow(input: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let o = 0;
  let i = 0;
  let bits = 0;
  let mask = 0;
  while (i < input.length) {
    mask >>= 1;
    if (mask === 0) {
      bits = (input[i]! << 8) | input[i + 1]!;
      i += 2;
      mask = 0x8000;
    }
    if (!(bits & mask)) {
      out[o++] = input[i++]!;
      continue;
    }
    const command = input[i]! >> 4;
    let count = input[i]! & 0x0f;
    i++;
    if (command === 0) {
      out.fill(input[i++]!, o, o + count + 3);
      o += count + 3;
    } else if (command === 1) {
      count += (input[i++]! << 4) + 19;
      out.fill(input[i++]!, o, o + count);
      o += count;
    } else {
      const offset = count + 3 + (input[i++]! << 4);
      const copied = command === 2 ? input[i++]! + 16 : command;
      if (offset > o) throw new FormatError("a compressed row refers to bytes before its start");
      for (let k = 0; k < copied; k++) out[o + k] = out[o - offset + k]!;
      o += copied;
    }
    if (o > length) throw new FormatError(`a compressed row makes more bytes than its rows have (${length})`);
  }
  if (o !== length) throw new FormatError(`a compressed row makes ${o} bytes where its rows have ${length}`);
  return out;
}
