import { splitLines } from "@/lib/csv/lines";
import type { LayoutSample } from "@/lib/csv/layout";

/**
 * The opening and closing lines of a text blob, for finding where its table
 * is, with the byte arithmetic to cut lines off either end.
 */
const HEAD_BYTES = 256 * 1024;
const TAIL_BYTES = 64 * 1024;
const decoder = () => new TextDecoder("utf-8", { ignoreBOM: true });
const utf8Length = (text: string) => new TextEncoder().encode(text).length;

export interface TextSample extends LayoutSample {
  /** Bytes taken by the first `n` lines. */
  headBytes(n: number): number;
  /** Bytes taken by the last `n` lines. */
  tailBytes(n: number): number;
  /** Blank lines among the first `n`, and among the last `n`. */
  blankInHead(n: number): number;
  blankInTail(n: number): number;
}

/** Char index where line `n` starts (after `n` line ends). */
function lineStart(text: string, n: number): number {
  const ends = /\r\n|\n|\r/g;
  let at = 0;
  for (let i = 0; i < n; i++) {
    const m = ends.exec(text);
    if (!m) return text.length;
    at = m.index + m[0].length;
  }
  return at;
}

export async function sampleText(blob: Blob): Promise<TextSample> {
  const whole = blob.size <= HEAD_BYTES;
  const headRaw = decoder().decode(await blob.slice(0, HEAD_BYTES).arrayBuffer());
  // A cut-off last line is not a line to judge by.
  const headText = whole ? headRaw : headRaw.slice(0, Math.max(headRaw.lastIndexOf("\n"), 0));
  let tailText = headText;
  if (!whole) {
    const raw = decoder().decode(await blob.slice(Math.max(0, blob.size - TAIL_BYTES)).arrayBuffer());
    const firstEnd = raw.search(/\r\n|\n|\r/);
    tailText = firstEnd < 0 ? "" : raw.slice(firstEnd).replace(/^\r\n|^\n|^\r/, "");
  }
  const head = splitLines(headText);
  if (head[0]) head[0] = head[0].replace(/^\uFEFF/, "");
  const tail = splitLines(tailText);
  const blank = (lines: readonly string[]) => lines.filter((l) => l.trim() === "").length;
  return {
    head,
    tail,
    whole,
    headBytes: (n) => utf8Length(headRaw.slice(0, lineStart(headRaw, n))),
    tailBytes: (n) => (n === 0 ? 0 : utf8Length(tailText.slice(lineStart(tailText, tail.length - n)))),
    blankInHead: (n) => blank(head.slice(0, n)),
    blankInTail: (n) => (n === 0 ? 0 : blank(tail.slice(-n))),
  };
}
