import { createScanner, parse, type ParseError } from "jsonc-parser";
import { TOKEN } from "./json-tokens";

/** Why the record the file ends in is set aside. */
export const CUT_RECORD = "a record cut off by the end of the file (an interrupted download or export?)";

/**
 * A JSON array cut off before its end (a download or an export that stopped): the text of the array with its
 * whole values only (closed after the last of them), and where the value the text ends in starts (its line,
 * from 1, and its text). Null when the text is not an array that ends unclosed after at least one whole value, in
 * a value that is whole as far as it goes.
 */
export function cutArray(text: string): { whole: string; cut: { line: number; text: string } } | null {
  const scanner = createScanner(text, true);
  let token: number = scanner.scan();
  if (token !== TOKEN.openBracket) return null;
  let depth = 1;
  let lastEnd = -1;
  let next: { offset: number; line: number } | null = null;
  for (token = scanner.scan(); token !== TOKEN.end; token = scanner.scan()) {
    if (depth === 1 && token === TOKEN.comma) continue;
    if (depth === 1) next ??= { offset: scanner.getTokenOffset(), line: scanner.getTokenStartLine() + 1 };
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) depth++;
    else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) depth--;
    if (depth === 0) return null;
    if (depth === 1 && next) {
      lastEnd = scanner.getTokenOffset() + scanner.getTokenLength();
      next = null;
    }
  }
  if (lastEnd < 0 || !next) return null;
  // The value it ends in is cut, not faulty: its first fault is where its text ends (a fault before, left out, would hide the records after it).
  const rest = text.slice(next.offset).trimEnd();
  const errors: ParseError[] = [];
  parse(rest, errors, { allowTrailingComma: true });
  if (!errors[0] || errors[0].offset + errors[0].length < rest.length) return null;
  return { whole: `${text.slice(0, lastEnd)}]`, cut: { line: next.line, text: text.slice(next.offset, next.offset + 200) } };
}
