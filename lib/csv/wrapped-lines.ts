import { splitFields } from "./records";

/**
 * Lines each wrapped in quotes as one value (`"1,Ada,10"`, `"2,""Bo, Jr"",20"`): a CSV opened in a
 * spreadsheet as one column and saved again, or a tool that quoted each whole line. DuckDB reads such a file
 * as one column of text. When the first line and nearly all the lines after it are each one quoted value, its
 * quotes inside doubled, whose text splits into as many fields as the first line's (two or more) by one
 * delimiter, each line is read as the text inside its quotes, line for line; a blank line stays blank, and
 * any other line is read as it is (a bad line among them is then set aside by the read, as in any file).
 */
const WRAPPED = /^"(?:[^"]|"")*"$/;
const DELIMITERS = [",", ";", "\t", "|"];

const unwrap = (line: string) => line.slice(1, -1).replaceAll('""', '"');

/** Lines the first line is like: nine in ten (all of two or three), as a bad line or a note may be among them. */
const MOST = 0.9;

/**
 * Whether the first lines (without their line ends; the last may be cut off) are lines wrapped in quotes:
 * true when they are, false when each is one quoted value whose text splits alike only as text does, every
 * delimiter followed by a space (a headerless list of addresses or names: read whole, the choice shown),
 * undefined for any other text.
 */
export function wrappedLinesIn(head: readonly string[]): boolean | undefined {
  const lines = head.map((l) => l.replace(/\r$/, "")).filter((l) => l.trim() !== "");
  const whole = lines.length > 2 ? lines.slice(0, -1) : lines;
  if (whole.length < 2 || !WRAPPED.test(whole[0]!)) return undefined;
  const inner = whole.filter((l) => WRAPPED.test(l)).map(unwrap);
  if (inner.length < MOST * whole.length) return undefined;
  for (const delimiter of DELIMITERS) {
    const split = inner.map((l) => splitFields(l, { delimiter, quote: '"', escape: '"' }).fields);
    const first = split[0]!.length;
    const alike = split.filter((fields) => fields.length === first);
    if (first < 2 || alike.length < MOST * inner.length) continue;
    const likeText = alike.filter((fields) => fields.slice(1).every((f) => f.startsWith(" "))).length >= MOST * alike.length;
    return !likeText;
  }
  return undefined;
}

/** A line of the text (without its line end) as the line inside its quotes, with a line end. */
export function wrappedLineAsCsv(line: string): string {
  const text = line.replace(/\r$/, "");
  return `${WRAPPED.test(text) ? unwrap(text) : text}\n`;
}

/** Said on the staged file. */
export const WRAPPED_LINES = "Each line was wrapped in quotes as one value (a CSV saved again from one spreadsheet column): read as the text inside them.";
/** Said on the staged file when lines wrapped in quotes are read whole. */
export const WRAPPED_TEXT =
  "Each line is one value in quotes, like a list of addresses or names: read as one value a line. If they are rows of a table saved from one spreadsheet column, choose “Read the text inside the quotes” under “Lines wrapped in quotes”.";
