import { noteLines, type LineNote } from "./findings";
import { LineEnds } from "./lines";

/**
 * The line each record of CSV text starts on, as runs: DuckDB reads rows
 * without saying where they were, and a row's line is its number plus the
 * lines before the table only until the first line inside the table that is
 * not a row (a blank line, a comment, a line set aside: the mended text DuckDB
 * reads has a blank line in its place). Lines inside quoted values continue
 * their record. A run is a stretch of records whose line is their index plus
 * the same offset; a clean file is one run.
 */
export interface LineRun {
  /** The first record of the run (0-based). */
  start: number;
  /** Its line (0-based, in the text) minus its index. */
  offset: number;
}

export interface RecordLines {
  runs: LineRun[];
  records: number;
  /** Lines that are not records (blank, comments), outside quoted values. */
  gaps: number;
}


export interface ScanDialect {
  delimiter: string;
  quote: string;
  escape: string;
  /** Lines starting with it are comments (DuckDB's `comment` option). */
  comment?: string | null;
  /**
   * Whether a line end inside a quoted value starts a new line of the count:
   * yes for a file's lines; no for an Excel sheet's rows, one record each.
   */
  valueLines: boolean;
}

const code = (s: string | null | undefined): number => (s ? s.charCodeAt(0) : -1);

export class RecordLineScanner {
  private readonly delimiter: number;
  private readonly quote: number;
  private readonly escape: number;
  private readonly comment: number;
  private readonly valueLines: boolean;
  private line = 0;
  private records = 0;
  private gaps = 0;
  private readonly runs: LineRun[] = [];
  private inQuote = false;
  private escaped = false;
  /** The last byte closed a quoted value. */
  private closed = false;
  private fieldStart = true;
  /** The current line (begun outside quotes) has a byte, a record starting on it, the rest of it a comment. */
  private lineOpen = false;
  private recordOnLine = false;
  private inComment = false;

  constructor(d: ScanDialect) {
    this.delimiter = code(d.delimiter);
    this.quote = code(d.quote);
    this.escape = code(d.escape);
    this.comment = code(d.comment);
    this.valueLines = d.valueLines;
  }

  /**
   * Line ends, quotes, escapes and comment marks are found with `indexOf` (native): the bytes between
   * them are taken whole, so a line costs its marks, not its bytes.
   */
  update(chunk: Uint8Array): void {
    const marks = new Marks(chunk, [this.quote, this.escape !== this.quote ? this.escape : -1, this.comment]);
    this.ends.split(chunk, (_, from, to) => this.piece(chunk, marks, from, to), this.end);
  }

  private readonly ends = new LineEnds();
  private readonly end = () => this.endLine();

  /** Bytes [from, to) of the current line: walked from mark to mark. */
  private piece(chunk: Uint8Array, marks: Marks, from: number, to: number): void {
    for (let i = from; i < to; ) {
      if (this.inComment) {
        this.lineOpen = true;
        return;
      }
      // Inside quotes only a quote or an escape changes anything; outside, a quote or a comment mark.
      const mark = this.inQuote ? Math.min(marks.quote(i), marks.escape(i)) : Math.min(marks.quote(i), marks.comment(i));
      const stop = Math.min(mark, to);
      if (this.inQuote) this.lineOpen ||= stop > i;
      else this.plain(chunk, i, stop);
      if (mark >= to) return;
      this.byte(chunk[mark]!);
      i = mark + 1;
      // An escape takes the byte after it, whatever it is.
      if (this.escaped && i < to) {
        this.byte(chunk[i]!);
        i++;
      }
    }
  }

  /** Bytes [from, to) of a line, outside quotes, with no quote or comment mark among them. */
  private plain(chunk: Uint8Array, from: number, to: number): void {
    if (from === to) return;
    this.lineOpen = true;
    if (!this.recordOnLine) {
      for (let i = from; i < to; i++) {
        if (chunk[i] !== 0x20 && chunk[i] !== 0x09) {
          this.startRecord();
          break;
        }
      }
    }
    this.closed = false;
    this.fieldStart = chunk[to - 1] === this.delimiter;
  }

  private byte(b: number): void {
    this.lineOpen = true;
    if (this.inComment) return;
    if (!this.inQuote && b === this.comment) {
      this.inComment = true;
      return;
    }
    if (!this.recordOnLine && !this.inQuote && b !== 0x20 && b !== 0x09) this.startRecord();
    this.see(b);
  }

  private startRecord(): void {
    this.recordOnLine = true;
    const offset = this.line - this.records;
    if (this.runs.length === 0 || this.runs[this.runs.length - 1]!.offset !== offset) this.runs.push({ start: this.records, offset });
    this.records++;
  }

  private see(b: number): void {
    if (this.inQuote) {
      if (this.escaped) this.escaped = false;
      else if (b === this.escape && this.escape !== this.quote) this.escaped = true;
      else if (b === this.quote) {
        this.inQuote = false;
        this.closed = true;
      }
      return;
    }
    // A quote opens a field, or follows the one that closed it: a doubled quote, inside the value.
    const opens = b === this.quote && (this.fieldStart || (this.closed && this.escape === this.quote));
    this.inQuote = opens;
    this.closed = false;
    this.fieldStart = b === this.delimiter;
  }

  private endLine(): void {
    if (this.inQuote) {
      // The record goes on: in a file, on the next line; in a sheet, in the same row.
      if (this.valueLines) this.line++;
      return;
    }
    if (!this.recordOnLine) this.gaps++;
    this.line++;
    this.lineOpen = false;
    this.recordOnLine = false;
    this.inComment = false;
    this.fieldStart = true;
    this.closed = false;
  }

  result(): RecordLines {
    // A last line without a line end: blank or a comment, it is a gap too.
    if (this.lineOpen && !this.inQuote && !this.recordOnLine) this.gaps++;
    return { runs: this.runs, records: this.records, gaps: this.gaps };
  }
}

/** Where the next quote, escape and comment mark of a chunk are (-1: none sought): each found once, not once per line. */
class Marks {
  private readonly at = [-1, -1, -1];
  constructor(
    private readonly chunk: Uint8Array,
    private readonly codes: readonly [quote: number, escape: number, comment: number],
  ) {}

  quote = (from: number) => this.next(0, from);
  escape = (from: number) => this.next(1, from);
  comment = (from: number) => this.next(2, from);

  private next(k: number, from: number): number {
    if (this.codes[k]! < 0) return Infinity;
    if (this.at[k]! < from) {
      const i = this.chunk.indexOf(this.codes[k]!, from);
      this.at[k] = i < 0 ? Infinity : i;
    }
    return this.at[k]!;
  }
}

/**
 * The runs of the rows: the records after the first `skip` (a header read as a record), each row's line
 * (0-based, in the text) its index among the rows plus the run's offset.
 */
export function rowRuns(runs: readonly LineRun[], skip: number): LineRun[] {
  const rows: LineRun[] = [];
  for (const [i, run] of runs.entries()) {
    const end = runs[i + 1]?.start ?? Infinity;
    if (end <= skip) continue;
    rows.push({ start: Math.max(0, run.start - skip), offset: run.offset + skip });
  }
  return rows;
}

/**
 * The runs of rows that are one line each, from the lines among them that are not rows (sorted, 1-based;
 * the first row's line is `first`): each row's line is `first` plus its index plus the gaps before it.
 */
export function runsFromGaps(gaps: readonly number[], first: number): LineRun[] {
  const runs: LineRun[] = [{ start: 0, offset: 0 }];
  for (const [k, gap] of gaps.entries()) {
    const rowsBefore = gap - first - k;
    const last = runs[runs.length - 1]!;
    if (last.start === rowsBefore) last.offset = k + 1;
    else runs.push({ start: rowsBefore, offset: k + 1 });
  }
  return runs;
}

/** The lines from `from` to `to` (1-based) that are not rows, in order: the blank ones and those set aside. */
export function gapLines(blankAt: readonly number[], notes: readonly LineNote[], from: number, to: number): number[] {
  const blank = blankAt.filter((line) => line >= from && line <= to);
  const aside = notes.filter((n) => n.status === "set aside").flatMap((n) => Array.from({ length: noteLines(n) }, (_, i) => n.line + i));
  return [...blank, ...aside].sort((a, b) => a - b);
}

/** The runs as [start, end, offset] rows of CSV text for DuckDB, every one of `count` rows in one of them. */
export function runsCsv(runs: readonly LineRun[], count: number): string {
  return runs.map((r, i) => `${r.start},${runs[i + 1]?.start ?? count},${r.offset}\n`).join("");
}
