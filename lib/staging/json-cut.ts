import { parse, type ParseError } from "jsonc-parser";
import { arrayValues } from "./json-array-values";

/** Why the record the file ends in is set aside. */
export const CUT_RECORD = "a record cut off by the end of the file (an interrupted download or export?)";

/**
 * A JSON array cut off before its end (a download or an export that stopped): the text of the array with its
 * whole values only (closed after the last of them), and where the value the text ends in starts (its line,
 * from 1, and its text). Null when the text is not an array that ends unclosed after at least one whole value, in
 * a value that is whole as far as it goes.
 */
export function cutArray(text: string): { whole: string; cut: { line: number; text: string } } | null {
  const found = arrayValues(text);
  const last = found?.values.at(-1);
  if (!found || found.closed || !last || !found.open) return null;
  const next = found.open;
  // The value it ends in is cut, not faulty: its first fault is where its text ends (a fault before, left out, would hide the records after it).
  const rest = text.slice(next.start).trimEnd();
  const errors: ParseError[] = [];
  parse(rest, errors, { allowTrailingComma: true });
  if (!errors[0] || errors[0].offset + errors[0].length < rest.length) return null;
  return { whole: `${text.slice(0, last.end)}]`, cut: { line: next.line, text: text.slice(next.start, next.start + 200) } };
}
