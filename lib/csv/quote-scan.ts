import type { Dialect } from "./records";

/**
 * Finding the lines whose quotes a lenient read gets wrong without a word.
 * When DuckDB's sniffer cannot read a file strictly, its lenient reader
 * takes a quote that never closes as the start of a value that runs to the
 * end of the file (every line after it ends up in one cell), and drops the
 * quotes of a quoted value followed by more text (`"a "b" c"` becomes
 * `a b c`). Scanning the text as RFC 4180 does (a quote opens a value only
 * at its start; a doubled quote, or the escape, is a quote inside it) finds
 * both, by the byte where their line starts, so that they can be mended or
 * set aside like the lines DuckDB rejects.
 */
const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted value: it closes the value, unless another quote (the escape) follows. */
  QuoteInQuoted,
  /** The escape inside a quoted value (when it is not the quote): the next byte is taken as it is. */
  EscapeInQuoted,
  /** After a closing quote: only a delimiter or a line end may come. */
  Closed,
}

export interface QuoteTrouble {
  /** The byte where the line starts. */
  at: number;
  problem: "a quote that never closes" | "a quote closed on a later line" | "text after a closing quote";
}

const LF = 0x0a;
const CR = 0x0d;
/** A file with more malformed quotes than this is left to the lenient read (its findings say so). */
const MAX_LINES = 1000;

export class QuoteScanner {
  private state = State.FieldStart;
  private offset = 0;
  private lineStart = 0;
  private openedAt = 0;
  private readonly found: QuoteTrouble[] = [];
  private readonly quote: number;
  private readonly escape: number;
  private readonly delimiter: number;

  /** Null when the dialect's delimiter, quote or escape is not one ASCII byte: such files are not scanned. */
  static for(dialect: Dialect): QuoteScanner | null {
    const byte = (s: string) => (s.length === 1 && s.charCodeAt(0) < 0x80 ? s.charCodeAt(0) : -1);
    const [delimiter, quote, escape] = [byte(dialect.delimiter), byte(dialect.quote), dialect.escape ? byte(dialect.escape) : byte(dialect.quote)];
    return delimiter < 0 || quote < 0 || escape < 0 ? null : new QuoteScanner(delimiter, quote, escape);
  }

  private constructor(delimiter: number, quote: number, escape: number) {
    this.delimiter = delimiter;
    this.quote = quote;
    this.escape = escape;
  }

  update(chunk: Uint8Array): void {
    const n = chunk.length;
    for (let i = 0; i < n; ) {
      if (this.state === State.Unquoted) {
        // Most bytes: an unquoted value runs to the next delimiter or line end.
        while (i < n && chunk[i] !== this.delimiter && chunk[i] !== LF && chunk[i] !== CR) i++;
        if (i === n) break;
      } else if (this.state === State.Quoted && this.escape === this.quote) {
        // A quoted value runs to its next quote; its line ends move the line's start.
        const q = chunk.indexOf(this.quote, i);
        const end = q < 0 ? n : q;
        const value = chunk.subarray(i, end);
        const lastEnd = Math.max(value.lastIndexOf(LF), value.lastIndexOf(CR));
        if (lastEnd >= 0) this.lineStart = this.offset + i + lastEnd + 1;
        if (q < 0) break;
        i = q;
      }
      this.see(chunk[i]!, this.offset + i);
      i++;
    }
    this.offset += n;
  }

  private see(b: number, at: number): void {
    switch (this.state) {
      case State.Quoted:
        if (b === this.escape && this.escape !== this.quote) this.state = State.EscapeInQuoted;
        else if (b === this.quote) this.state = State.QuoteInQuoted;
        break;
      case State.EscapeInQuoted:
        this.state = State.Quoted;
        break;
      case State.QuoteInQuoted:
        if (b === this.quote && this.escape === this.quote) this.state = State.Quoted;
        else this.unquoted(b, at, true);
        break;
      case State.Closed:
        this.unquoted(b, at, true);
        break;
      case State.FieldStart:
        if (b === this.quote) {
          this.state = State.Quoted;
          this.openedAt = this.lineStart;
          break;
        }
        this.unquoted(b, at, false);
        break;
      default:
        this.unquoted(b, at, false);
    }
    if (b === LF || b === CR) this.lineStart = at + 1;
  }

  /** A byte outside quotes: a delimiter or line end starts a field; text right after a closing quote marks its line. */
  private unquoted(b: number, at: number, afterClosing: boolean): void {
    if (b === this.delimiter || b === LF || b === CR) {
      this.state = State.FieldStart;
      return;
    }
    if (afterClosing && this.state !== State.Unquoted && this.found.at(-1)?.at !== this.openedAt && this.found.length <= MAX_LINES) {
      // A quote opened on an earlier line was a stray one, closed by the next quote: that line is the one to mend.
      this.found.push({ at: this.openedAt, problem: this.openedAt === this.lineStart ? "text after a closing quote" : "a quote closed on a later line" });
    }
    this.state = afterClosing ? State.Closed : State.Unquoted;
  }

  /**
   * The lines found (each by the byte offset where it starts): those where
   * a quote opened that text follows the close of, and the line of a quote
   * still open at the end of the text. Null when there are too many to
   * mend one by one.
   */
  result(): QuoteTrouble[] | null {
    if (this.found.length > MAX_LINES) return null;
    const found = [...this.found];
    if (this.state === State.Quoted || this.state === State.EscapeInQuoted) {
      if (found.at(-1)?.at === this.openedAt) found.pop();
      found.push({ at: this.openedAt, problem: "a quote that never closes" });
    }
    return found;
  }
}
