import { splitFields } from "./records";

/**
 * Lines each wrapped in quotes as one value (`"1,Ada,10"`, `"2,""Bo, Jr"",20"`): a CSV opened in a
 * spreadsheet as one column and saved again, or a tool that quoted each whole line. DuckDB reads such a file
 * as one column of text. When each of the first lines is one quoted value, its quotes inside doubled, whose
 * text splits into the same number of fields (two or more) by one delimiter, each line is read as the text
 * inside its quotes, line for line; a blank line stays blank, and any other line is read as it is.
 */
const WRAPPED = /^"(?:[^"]|"")*"$/;
const DELIMITERS = [",", ";", "\t", "|"];

const unwrap = (line: string) => line.slice(1, -1).replaceAll('""', '"');

/** The first lines (without their line ends) are lines wrapped in quotes; the last may be cut off. */
export function isWrappedLines(head: readonly string[]): boolean {
  const lines = head.map((l) => l.replace(/\r$/, "")).filter((l) => l.trim() !== "");
  const whole = lines.length > 2 ? lines.slice(0, -1) : lines;
  if (whole.length < 2 || !whole.every((l) => WRAPPED.test(l))) return false;
  const inner = whole.map(unwrap);
  return DELIMITERS.some((delimiter) => {
    const widths = new Set(inner.map((l) => splitFields(l, { delimiter, quote: '"', escape: '"' }).fields.length));
    return widths.size === 1 && [...widths][0]! >= 2;
  });
}

/** A line of the text (without its line end) as the line inside its quotes, with a line end. */
export function wrappedLineAsCsv(line: string): string {
  const text = line.replace(/\r$/, "");
  return `${WRAPPED.test(text) ? unwrap(text) : text}\n`;
}

/** Said on the staged file. */
export const WRAPPED_LINES = "Each line was wrapped in quotes as one value (a CSV saved again from one spreadsheet column): read as the text inside them.";
