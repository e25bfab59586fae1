import { records, splitFields, splitPlain, type Dialect, type LineRecord } from "./records";

/**
 * Rows that quotes make look like something else at the end of a file: a
 * stray quote runs a row's values into a few, and a value over two lines
 * leaves its last line looking like a note below the table; so does a row
 * written with another delimiter, which is one value in the file's. The layout
 * (layout.ts) keeps such lines among the rows, for the read to mend or set
 * aside with their reason.
 */

/** Where a line's quotes are, up to one more than MAX_QUOTES. */
export function quotesIn(line: string, quote: string): number[] {
  const at: number[] = [];
  for (let i = line.indexOf(quote); i >= 0 && at.length <= MAX_QUOTES; i = line.indexOf(quote, i + 1)) at.push(i);
  return at;
}

const unbalanced = (line: string, quote: string) => quotesIn(line, quote).length % 2 === 1;

/**
 * A row that stray quotes make look like a few values: one quote fewer makes it a row of the table's width, or,
 * read with its quotes as text, it has at least that many values, most of them filled, or (in a table of six
 * columns or more) one value fewer, every one filled: a row that also lost a delimiter.
 */
export function strayQuoteRow(line: string, d: Dialect, width: number): boolean {
  if (!d.quote || width < 2) return false;
  const at = quotesIn(line, d.quote);
  if (at.length === 0 || at.length > MAX_QUOTES) return false;
  const plain = splitPlain(line, d.delimiter);
  const filled = plain.filter((f) => f.trim() !== "").length;
  if (plain.length >= width && filled * 2 > width) return true;
  if (width >= 6 && plain.length === width - 1 && filled === plain.length) return true;
  return at.length % 2 === 1 && at.some((i) => isRow(line.slice(0, i) + line.slice(i + 1), d, width));
}

export const MAX_QUOTES = 9;

const OTHER_DELIMITERS = [",", ";", "\t", "|"];

/** A line of one value in the file's delimiter (a trailing delimiter aside) that another splits into a row of at least the table's width (of four or more), most of it filled. */
export function otherDelimiterRow(line: string, d: Dialect, width: number): boolean {
  if (width < 4 || splitFields(line, d).fields.filter((f) => f.trim() !== "").length > 1) return false;
  const rowOf = (fields: readonly string[]) => fields.length >= width && fields.filter((f) => f.trim() !== "").length * 2 > width;
  // Its quotes read as quotes, or as text (a stray one).
  return OTHER_DELIMITERS.some((other) => other !== d.delimiter && (rowOf(splitFields(line, { ...d, delimiter: other }).fields) || rowOf(splitPlain(line, other))));
}

/** Line `at` closes a quoted value that a line above opened, and together they are a row of the table's width. */
export function endsQuotedRow(lines: readonly string[], at: number, d: Dialect, width: number): boolean {
  if (!d.quote || !unbalanced(lines[at]!, d.quote)) return false;
  for (let from = at - 1; from >= Math.max(0, at - MAX_VALUE_LINES); from--) {
    // A whole row above: no value spans from there.
    if (isRow(lines[from]!, d, width)) return false;
    const joined = lines.slice(from, at + 1).join("\n");
    const texts = [joined, ...quotesIn(joined, d.quote).map((i) => joined.slice(0, i) + joined.slice(i + 1))];
    if (texts.some((text) => oneRow(text.split("\n"), d, width))) return true;
  }
  return false;
}

/** The lines are one row of the table's width, their line ends inside its quoted values. */
function oneRow(lines: readonly string[], d: Dialect, width: number): boolean {
  const recs = records(lines, d, MAX_VALUE_LINES);
  return recs.length === 1 && !recs[0]!.open && recs[0]!.fields.length === width;
}

/** The text is one line of the table's width, every quote it opens closed. */
export function isRow(text: string, d: Dialect, width: number): boolean {
  const parsed = splitFields(text, d);
  return !parsed.open && parsed.fields.length === width;
}

const MAX_VALUE_LINES = 20;

/**
 * A record that a stray quote made of lines that are rows of their own: its first line, its quotes as text, is
 * as wide as the table, and the record is not, or the line after it is as wide too (two rows, where a value
 * over two lines leaves the first line short of values and the next one too).
 */
export function joinsRows(lines: readonly string[], r: LineRecord, d: Dialect, width: number): boolean {
  if (r.last === r.first || splitPlain(lines[r.first]!, d.delimiter).length !== width) return false;
  return r.fields.length !== width || splitPlain(lines[r.first + 1]!, d.delimiter).length >= width;
}

/**
 * The records again where a stray quote joined a line to the lines after it into a record of another width
 * than the table's (a quote at the start of a name in the header, say): the line alone, its quotes as text,
 * is as wide as the table, so it is read alone (as `records` reads a quote never closed), and the lines
 * after it are read anew.
 */
export function withoutStrayJoins(lines: readonly string[], recs: readonly LineRecord[], d: Dialect, width: number): LineRecord[] {
  const at = recs.findIndex((r) => joinsRows(lines, r, d, width));
  if (at < 0) return [...recs];
  const line = recs[at]!.first;
  const rest = records(lines.slice(line + 1), d).map((r) => ({ ...r, first: r.first + line + 1, last: r.last + line + 1 }));
  return [...recs.slice(0, at), { fields: splitPlain(lines[line]!, d.delimiter), first: line, last: line, open: true }, ...withoutStrayJoins(lines, rest, d, width)];
}
