import { LineCounter, LineEnds, type LineCount } from "./lines";

/**
 * Line arithmetic over a Blob of text, streamed (never held whole): how many
 * lines it has, which line a byte position falls on, where given lines
 * start and end, and the text of the line at a byte. Line ends are LF, CRLF or a lone CR.
 */
export async function countLines(blob: Blob): Promise<LineCount> {
  const counter = new LineCounter();
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    counter.update(value);
  }
  return counter.result();
}

/** Walk the line starts of a blob in order, calling `visit(lineIndex, byteOffset)`; stop when it returns false. */
async function walkLineStarts(blob: Blob, visit: (line: number, at: number) => boolean): Promise<void> {
  const reader = blob.stream().getReader();
  let line = 0;
  let offset = 0;
  let afterCr = false;
  if (!visit(0, 0)) return void reader.cancel();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    for (let i = 0; i < value.length; i++) {
      const b = value[i]!;
      if (b === 0x0a && afterCr) {
        afterCr = false;
        if (!visit(line, offset + i + 1)) return void reader.cancel();
        continue;
      }
      afterCr = b === 0x0d;
      if (b === 0x0a || b === 0x0d) {
        line++;
        // A CR may be followed by LF: its line starts after the LF, revisited above.
        if (!visit(line, offset + i + 1)) return void reader.cancel();
      }
    }
    offset += value.length;
  }
}

/** The 0-based line of each byte position (each the start of a line, as DuckDB reports them). */
export async function linesAt(blob: Blob, positions: readonly number[]): Promise<Map<number, number>> {
  const wanted = [...new Set(positions)].sort((a, b) => a - b);
  const found = new Map<number, number>();
  let next = 0;
  let last = 0;
  await walkLineStarts(blob, (line, at) => {
    last = line;
    while (next < wanted.length && wanted[next]! <= at) found.set(wanted[next++]!, wanted[next - 1] === at ? line : line - 1);
    return next < wanted.length;
  });
  // Past the last line start: on the last line (a file whose last line has no line end).
  for (; next < wanted.length; next++) found.set(wanted[next]!, last);
  return found;
}

/** The text of the line that starts at byte `start`, up to its line end (or the blob's end). */
export async function lineFrom(blob: Blob, start: number): Promise<string> {
  const CHUNK = 64 * 1024;
  for (let at = start; at < blob.size; at += CHUNK) {
    const end = new Uint8Array(await blob.slice(at, at + CHUNK).arrayBuffer()).findIndex((b) => b === 0x0a || b === 0x0d);
    if (end >= 0) return blob.slice(start, at + end).text();
  }
  return blob.slice(start).text();
}

/** Byte ranges [start, end) of the given 0-based lines, end before the line end. */
export async function lineRanges(blob: Blob, lines: readonly number[]): Promise<Map<number, { start: number; end: number }>> {
  const wanted = new Set(lines);
  const last = Math.max(-1, ...lines);
  const starts = new Map<number, number>();
  await walkLineStarts(blob, (line, at) => {
    starts.set(line, at);
    return line <= last;
  });
  const ranges = new Map<number, { start: number; end: number }>();
  const bytes = async (from: number, to: number) => new Uint8Array(await blob.slice(from, to).arrayBuffer());
  for (const line of wanted) {
    const start = starts.get(line);
    if (start === undefined) continue;
    const nextStart = starts.get(line + 1) ?? blob.size;
    const tail = await bytes(Math.max(start, nextStart - 2), nextStart);
    let end = nextStart;
    for (let i = tail.length - 1; i >= 0 && (tail[i] === 0x0a || tail[i] === 0x0d) && end > start; i--) end--;
    ranges.set(line, { start, end });
  }
  return ranges;
}

/** One streamed pass over the blob's lines: `piece` gets each run of a line's bytes as it comes, `line` each line's number and byte range [start, end) once it ends. */
async function streamLines(blob: Blob, piece: (chunk: Uint8Array, from: number, to: number) => void, line: (n: number, start: number, end: number) => void): Promise<void> {
  const ends = new LineEnds();
  let offset = 0;
  let n = 0;
  let start = -1;
  let length = 0;
  const onPiece = (chunk: Uint8Array, from: number, to: number) => {
    if (start < 0) start = offset + from;
    length += to - from;
    piece(chunk, from, to);
  };
  const onEnd = () => {
    line(n++, start, start + length);
    start = -1;
    length = 0;
  };
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    ends.split(value, onPiece, onEnd);
    offset += value.length;
  }
  if (start >= 0) onEnd();
}

/** The lines (0-based, with their byte ranges, line end left out) whose text is exactly `text`: one streamed pass, line ends found with `indexOf`. */
export async function linesEqualTo(blob: Blob, text: string): Promise<{ line: number; start: number; end: number }[]> {
  const target = new TextEncoder().encode(text);
  const found: { line: number; start: number; end: number }[] = [];
  let length = 0;
  let same = true;
  await streamLines(
    blob,
    (chunk, from, to) => {
      if (same && length + to - from <= target.length) {
        for (let i = from; i < to && same; i++) same = chunk[i] === target[length + i - from];
      } else same = false;
      length += to - from;
    },
    (line, start, end) => {
      if (same && length === target.length && start >= 0) found.push({ line, start, end });
      length = 0;
      same = true;
    },
  );
  return found;
}

/** The lines (0-based, with their byte ranges, line end left out, and text) whose text passes `test`, asked in order: one streamed pass; empty lines and lines longer than `max` bytes are not tested. */
export async function linesWhere(blob: Blob, test: (text: string, line: number) => boolean, max = 4096): Promise<{ line: number; start: number; end: number; text: string }[]> {
  const decoder = new TextDecoder();
  const found: { line: number; start: number; end: number; text: string }[] = [];
  let length = 0;
  let parts: Uint8Array[] = [];
  await streamLines(
    blob,
    (chunk, from, to) => {
      length += to - from;
      if (length <= max) parts.push(chunk.subarray(from, to));
    },
    (line, start, end) => {
      if (length > 0 && length <= max) {
        const bytes = new Uint8Array(length);
        let at = 0;
        for (const p of parts) (bytes.set(p, at), (at += p.length));
        const text = decoder.decode(bytes);
        if (test(text, line)) found.push({ line, start, end, text });
      }
      length = 0;
      parts = [];
    },
  );
  return found;
}

/** How many lines of a blob start with `mark` (a comment's, such as #), whatever ends them. */
export async function countLinesStartingWith(blob: Blob, mark: string): Promise<number> {
  const code = mark.charCodeAt(0);
  const reader = blob.stream().getReader();
  let count = 0;
  let atStart = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return count;
    if (atStart && value[0] === code) count++;
    for (let i = value.indexOf(0x0a); i >= 0; i = value.indexOf(0x0a, i + 1)) if (i + 1 < value.length && value[i + 1] === code) count++;
    for (let i = value.indexOf(0x0d); i >= 0; i = value.indexOf(0x0d, i + 1)) if (i + 1 < value.length && value[i + 1] === code) count++;
    const last = value[value.length - 1];
    atStart = last === 0x0a || last === 0x0d;
  }
}
