/**
 * NUL bytes (0x00) in a text file: a database's padding of fixed-length text fields, or a file written over
 * zeroes. They are not text (Python's csv module stops at them: "line contains NUL"); DuckDB keeps them in its
 * values, where they make `ab` and `ab\0\0` two values and a padded number text. They are left out of a
 * CSV's text before it is read, counted, with the line of the first.
 */
export interface NulBytes {
  /** How many were left out. */
  bytes: number;
  /** The line of the first, from 1. */
  line: number;
}

/** Takes a text's bytes in order and gives them back without NULs, counting them. */
export class NulStripper {
  private bytes = 0;
  private line = 1;
  private first: number | null = null;

  update(chunk: Uint8Array): Uint8Array {
    const at = chunk.indexOf(0);
    if (at < 0) {
      if (this.first === null) this.countLines(chunk, chunk.length);
      return chunk;
    }
    if (this.first === null) {
      this.countLines(chunk, at);
      this.first = this.line;
    }
    const kept = new Uint8Array(chunk.length - countZeros(chunk, at));
    let n = 0;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] !== 0) kept[n++] = chunk[i]!;
    this.bytes += chunk.length - n;
    return kept;
  }

  /** What was left out, or null when the text held no NUL. */
  result(): NulBytes | null {
    return this.first === null ? null : { bytes: this.bytes, line: this.first };
  }

  private countLines(chunk: Uint8Array, end: number): void {
    for (let i = chunk.indexOf(0x0a); i >= 0 && i < end; i = chunk.indexOf(0x0a, i + 1)) this.line++;
  }
}

function countZeros(chunk: Uint8Array, from: number): number {
  let zeros = 0;
  for (let i = from; i < chunk.length; i++) if (chunk[i] === 0) zeros++;
  return zeros;
}

/** The sentence for the staged file's findings. */
export const describeNulBytes = ({ bytes, line }: NulBytes): string =>
  `${bytes.toLocaleString("en-US")} NUL ${bytes === 1 ? "byte was" : "bytes were"} left out of the text, the first on line ${line.toLocaleString("en-US")}: padding or a damaged file, not text.`;
