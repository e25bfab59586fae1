import { UTF8_MARK } from "@/lib/bytes";

/**
 * Counting the lines of CSV text as it streams by: every line end (LF, CRLF
 * or a lone CR) ends a line, and a last line without an end still counts.
 * Blank lines (nothing but spaces and tabs) are counted too: readers skip
 * them, and the accounting of a staged file must say where every line went.
 * Line ends are found with `indexOf` (native), so a clean file costs little
 * more than reading it.
 */
export interface LineCount {
  lines: number;
  blank: number;
  /** The blank lines (1-based), in order: where rows of a file are apart (lib/csv/record-lines.ts). */
  blankAt: number[];
  /** Lines (1-based) of delimiters alone (`,,` `;;` or `||`: a spreadsheet's empty row), in order. */
  emptyAt: number[];
  /** The blank lines with a tab (1-based), in order: in text delimited by tabs, they are delimiters alone (`tabLinesAsEmpty`). */
  tabsAt?: number[];
  /** Lines (1-based) after the first that start with a byte-order mark (files joined end to end, each with its mark), at most MOST_MARKED. */
  markedAt?: number[];
}

/** Marked lines kept: a file of more is no join of a few files. */
const MOST_MARKED = 1000;

const LF = 0x0a;
const CR = 0x0d;

export class LineCounter {
  private lines = 0;
  private blank = 0;
  private readonly blankAt: number[] = [];
  private readonly emptyAt: number[] = [];
  private readonly tabsAt: number[] = [];
  private readonly markedAt: number[] = [];
  /** Bytes of a mark seen at the current line's start, while a chunk's end cuts it. */
  private markSeen = 0;
  /** The current line has a tab. */
  private lineHasTab = false;
  /** The current line has a byte other than a space or tab. */
  private lineHasText = false;
  /** The current line has a byte other than a space, a tab or a delimiter (`,` `;` `|`). */
  private lineHasValue = false;
  /** The current line has any byte at all. */
  private lineOpen = false;
  private readonly ends = new LineEnds();
  private readonly piece = (chunk: Uint8Array, from: number, to: number) => this.see(chunk, from, to);
  private readonly end = () => this.endLine();

  update(chunk: Uint8Array): void {
    this.ends.split(chunk, this.piece, this.end);
  }

  /** Note bytes [from, to) of the current line: only whether they hold text, and values, matters. */
  private see(chunk: Uint8Array, from: number, to: number): void {
    if (from === to) return;
    if (this.lines > 0 && (!this.lineOpen || this.markSeen > 0)) this.seeMark(chunk, from, to);
    this.lineOpen = true;
    if (this.lineHasValue) return;
    for (let i = from; i < to; i++) {
      const b = chunk[i]!;
      if (b === 0x09) this.lineHasTab = true;
      if (b === 0x20 || b === 0x09) continue;
      this.lineHasText = true;
      if (b !== 0x2c && b !== 0x3b && b !== 0x7c) {
        this.lineHasValue = true;
        return;
      }
    }
  }

  /** The bytes at the start of a line after the first, matched against a mark's (which a chunk's end may split). */
  private seeMark(chunk: Uint8Array, from: number, to: number): void {
    let seen = this.markSeen;
    let at = from;
    while (seen < UTF8_MARK.length && at < to && chunk[at] === UTF8_MARK[seen]) {
      seen++;
      at++;
    }
    if (seen === UTF8_MARK.length && this.markedAt.length < MOST_MARKED) this.markedAt.push(this.lines + 1);
    this.markSeen = seen < UTF8_MARK.length && at === to ? seen : 0;
  }

  private endLine(): void {
    this.markSeen = 0;
    this.lines++;
    if (!this.lineHasText) {
      this.blank++;
      this.blankAt.push(this.lines);
      if (this.lineHasTab) this.tabsAt.push(this.lines);
    } else if (!this.lineHasValue) this.emptyAt.push(this.lines);
    this.lineOpen = false;
    this.lineHasText = false;
    this.lineHasValue = false;
    this.lineHasTab = false;
  }

  result(): LineCount {
    const lastBlank = this.lineOpen && !this.lineHasText;
    const lastEmpty = this.lineOpen && this.lineHasText && !this.lineHasValue;
    return {
      lines: this.lines + (this.lineOpen ? 1 : 0),
      blank: this.blank + (lastBlank ? 1 : 0),
      blankAt: lastBlank ? [...this.blankAt, this.lines + 1] : this.blankAt,
      emptyAt: lastEmpty ? [...this.emptyAt, this.lines + 1] : this.emptyAt,
      ...withTabs(lastBlank && this.lineHasTab ? [...this.tabsAt, this.lines + 1] : this.tabsAt),
      ...(this.markedAt.length ? { markedAt: this.markedAt } : {}),
    };
  }
}

const withTabs = (tabsAt: number[]) => (tabsAt.length ? { tabsAt } : {});

/**
 * The count for text delimited by `delimiter`: with tabs, a line of tabs alone among the rows [from, to] is a
 * spreadsheet's empty row (a reader reads it as a row of no value), not a blank line.
 */
export function tabLinesAsEmpty(count: LineCount, delimiter: string, from: number, to: number): LineCount {
  const tabs = delimiter === "\t" ? (count.tabsAt ?? []).filter((line) => line >= from && line <= to) : [];
  if (tabs.length === 0) return count;
  const moved = new Set(tabs);
  return {
    ...count,
    blank: count.blank - tabs.length,
    blankAt: count.blankAt.filter((line) => !moved.has(line)),
    emptyAt: [...count.emptyAt, ...tabs].sort((a, b) => a - b),
  };
}

/** The count with its last line blank (its only byte was left out: an end-of-file mark, workers/engine/text.ts). */
export function withLastLineBlank(count: LineCount): LineCount {
  return { ...count, blank: count.blank + 1, blankAt: [...count.blankAt, count.lines] };
}

/**
 * The lines of text as it streams by in chunks: `piece` gets each run of bytes [from, to) of the current
 * line (a line may span chunks), `end` each line end (LF, CRLF or a lone CR; a CRLF split between two
 * chunks is one end). Line ends are found with `indexOf` (native).
 */
export class LineEnds {
  private afterCr = false;

  split(chunk: Uint8Array, piece: (chunk: Uint8Array, from: number, to: number) => void, end: () => void): void {
    let at = 0;
    if (this.afterCr) {
      this.afterCr = false;
      if (chunk[0] === LF) at = 1;
    }
    const hasCr = chunk.indexOf(CR, at) >= 0;
    while (at < chunk.length) {
      const stop = hasCr ? nextEnd(chunk, at) : chunk.indexOf(LF, at);
      piece(chunk, at, stop < 0 ? chunk.length : stop);
      if (stop < 0) return;
      end();
      at = stop + 1;
      if (chunk[stop] === CR) {
        if (at === chunk.length) this.afterCr = true;
        else if (chunk[at] === LF) at++;
      }
    }
  }
}

function nextEnd(chunk: Uint8Array, from: number): number {
  const lf = chunk.indexOf(LF, from);
  const cr = chunk.indexOf(CR, from);
  if (lf < 0) return cr;
  if (cr < 0) return lf;
  return Math.min(lf, cr);
}

/** Split text into lines without their ends; a final line end adds no empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
