import { csvRow } from "./write";

/**
 * Fixed-width text (a mainframe's or a report writer's `.txt`, `.prn`, `.dat`): no delimiter, each column at
 * the same characters of every line, padded with spaces. Read as one column of whole lines, it told the
 * user nothing. Its columns start after gaps: characters that are a space (or past the end) on every line
 * of the sample, the header's included; and the header names each column, so a gap with no name after
 * it is a space inside values.
 */

/** Lines of the sample needed to trust the gaps (a space at the same place in a few lines is chance). */
const MIN_LINES = 6;

/** The columns' first characters (0-based), or null when the lines are not fixed-width columns. */
export function fixedWidthStarts(lines: readonly string[]): number[] | null {
  const given = lines.filter((l) => l.trim() !== "");
  if (given.length < MIN_LINES || given.some((l) => l.includes("\t"))) return null;
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

/** A line of fixed-width text as a line of CSV text (a blank line stays blank, so every line keeps its number). */
export const fixedWidthCsvLine = (line: string, starts: readonly number[]): string =>
  line.trim() === "" ? "\r\n" : csvRow(fixedWidthValues(line.replace(/\r$/, ""), starts), { neutralizeFormulas: false });

/** The columns, in words (1-based characters, as an editor shows them). */
export const describeFixedWidth = (starts: readonly number[]): string => `Read as fixed-width columns, starting at characters ${starts.map((s) => s + 1).join(", ")}.`;
