import { UTF8_MARK } from "@/lib/bytes";
import { lineRanges } from "@/lib/csv/blob-lines";

/**
 * Editing a text blob without copying it: a new blob of slices of the old
 * one with new text in between.
 */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

export function splice(blob: Blob, edits: readonly Splice[]): Blob {
  const parts: BlobPart[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    parts.push(blob.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(blob.slice(at));
  return new Blob(parts);
}

/**
 * Where a rejected line starts: DuckDB's line_byte_position points one byte
 * past the start in DuckDB-WASM 1.32 (measured); check the bytes around it.
 */
export async function locate(body: Blob, reported: number, text: string): Promise<number> {
  const bytes = new TextEncoder().encode(text.slice(0, 256));
  for (const at of [reported - 1, reported, reported - 2, reported + 1]) {
    if (at < 0) continue;
    const found = new Uint8Array(await body.slice(at, at + bytes.length).arrayBuffer());
    if (found.length === bytes.length && found.every((b, i) => b === bytes[i])) return at;
  }
  return reported - 1;
}

/** The user's rewritten lines (numbered in the file; the body starts after `linesBefore`), in place of the lines they were. */
export async function applyEdits(body: Blob, edits: readonly { line: number; text: string }[], linesBefore: number): Promise<Blob> {
  const index = (line: number) => line - linesBefore - 1;
  const ranges = await lineRanges(body, edits.map((e) => index(e.line)));
  return splice(
    body,
    edits.flatMap((e) => {
      const range = ranges.get(index(e.line));
      return range ? [{ ...range, text: e.text.replace(/\r\n|\r|\n/g, " ") }] : [];
    }),
  );
}

/**
 * The byte-order marks that start the given lines of a body (numbered in the file; the body starts after
 * `linesBefore`) left out, and the text of each line found, without its mark.
 */
export async function withoutMarks(body: Blob, lines: readonly number[], linesBefore: number): Promise<{ body: Blob; texts: Map<number, string> }> {
  const ranges = await lineRanges(body, lines.map((line) => line - linesBefore - 1));
  const texts = new Map<number, string>();
  const mark = UTF8_MARK.length;
  for (const [index, { start, end }] of ranges) texts.set(index + linesBefore + 1, await body.slice(start + mark, end).text());
  return { body: splice(body, [...ranges.values()].map(({ start }) => ({ start, end: start + mark, text: "" }))), texts };
}
