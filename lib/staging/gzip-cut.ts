import { accountLines, type LineAccount } from "@/lib/csv/accounting";
import type { LineNote } from "@/lib/csv/findings";
import { formatBytes } from "@/lib/format";

/**
 * Gzip data that ends before its end: an interrupted download or copy of a `.gz` file. What it held
 * inflates as it was written, so it is staged; the line it ends in is cut off, and set aside.
 */
export interface GzipCut {
  /** The bytes of text it held, up to where it ends. */
  inflatedBytes: number;
}

export const CUT_LINE = "a line cut off where the gzip data ends (an interrupted download?)";

/** Where the last line of a text cut off in its middle starts: after its last line break (0 when it has none). */
export function cutLineStart(tail: Uint8Array): number | null {
  for (let i = tail.length - 1; i >= 0; i--) if (tail[i] === 0x0a || tail[i] === 0x0d) return i + 1;
  return null;
}

/** A read's lines and notes with the cut line after them, set aside. */
export function withCutLine<R extends { lines: LineAccount; notes: LineNote[] }>(read: R, text: string): R {
  const line = read.lines.total + 1;
  return {
    ...read,
    notes: [...read.notes, { line, status: "set aside", reason: CUT_LINE, text }],
    lines: accountLines({ ...read.lines, total: line, setAside: read.lines.setAside + 1 }),
  };
}

/** The sentence for the staged file's findings. */
export const describeGzipCut = ({ inflatedBytes }: GzipCut): string =>
  `The gzip data ends before its end (an interrupted download or copy?): the ${formatBytes(inflatedBytes)} of text it held were read. Rows after the cut are not in the file; fetch it again to stage them.`;
