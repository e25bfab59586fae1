import { csvRow, PLAIN_CSV } from "./write";

/**
 * Fixed-width text (a mainframe's or a report writer's `.txt`, `.prn`, `.dat`): no delimiter, each column at
 * the same characters of every line, padded with spaces. Read as one column of whole lines, it told the
 * user nothing. Its columns start after gaps: characters that are a space (or past the end) on every line
 * of the sample, the header's included; and the header names each column, so a gap with no name after
 * it is a space inside values.
 */

/** Lines of the sample needed to trust the gaps (a space at the same place in a few lines is chance). */
const MIN_LINES = 6;

/** Title lines a report may print above its header (a title over the page, a page number). */
const MAX_TITLE_LINES = 3;

/**
 * The columns' first characters (0-based), or null when the lines are not fixed-width columns. A report's
 * title lines above the header cross its columns' gaps: they are passed over.
 */
export function fixedWidthStarts(lines: readonly string[]): number[] | null {
  const given = lines.filter((l) => l.trim() !== "");
  if (given.some((l) => l.includes("\t"))) return null;
  for (let titles = 0; titles <= MAX_TITLE_LINES; titles++) {
    const starts = startsBelow(given.slice(titles));
    if (starts && given.slice(0, titles).every((line) => crosses(line, starts))) return starts;
  }
  return null;
}

function startsBelow(given: readonly string[]): number[] | null {
  if (given.length < MIN_LINES) return null;
  const width = Math.max(...given.map((l) => l.length));
  const blank = Array.from({ length: width }, (_, i) => given.every((l) => i >= l.length || l[i] === " "));
  const gaps: number[] = [];
  for (let i = 0; i < width; i++) if (!blank[i] && (i === 0 || blank[i - 1])) gaps.push(i);
  // The header names each column: a gap with no name above what follows it is a space inside values ("Ann Lee").
  const header = given[0]!;
  const named = gaps.filter((s, c) => header.slice(s, gaps[c + 1] ?? width).trim() !== "");
  if (named[0] !== gaps[0]) return null;
  if (named.length < 2) return null;
  // Most lines reach the last column.
  if (given.filter((l) => l.length > named[named.length - 1]!).length * 2 < given.length) return null;
  return named;
}

/** A line's values at these columns, trimmed; the first column starts at the line's start. */
export function fixedWidthValues(line: string, starts: readonly number[]): string[] {
  return starts.map((s, c) => line.slice(c === 0 ? 0 : s, starts[c + 1] ?? line.length).trim());
}

/** A rule under the header (----- ------- -----), as report writers print it: no row. */
const RULE = /^ *[-=]{2,}( +[-=]{2,})+ *\r?$/;

/** Whether a line has text across a column's start (a title over the page), where the header and rows have a space. */
function crosses(line: string, starts: readonly number[]): boolean {
  return starts.some((s) => s > 0 && s < line.length && line[s - 1] !== " " && line[s] !== " ");
}

/**
 * Lines of fixed-width text as lines of CSV text, one after another (a blank line stays blank, so every line
 * keeps its number). Title lines at the top that cross the columns are one value each (read as lines above
 * the table); a rule under the header is a blank line.
 */
export function fixedWidthConverter(starts: readonly number[]): (line: string) => string {
  let top = true;
  return (line) => {
    const text = line.replace(/\r$/, "");
    if (text.trim() === "" || RULE.test(text)) return "\r\n";
    if (top && crosses(text, starts)) return csvRow([text.trim()], PLAIN_CSV);
    top = false;
    return csvRow(fixedWidthValues(text, starts), PLAIN_CSV);
  };
}

/** The columns, in words (1-based characters, as an editor shows them). */
export const describeFixedWidth = (starts: readonly number[]): string => `Read as fixed-width columns, starting at characters ${starts.map((s) => s + 1).join(", ")}.`;
