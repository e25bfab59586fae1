import { createScanner } from "jsonc-parser";
import { TOKEN } from "./json-tokens";

/** Where a value of a top-level array is: its offsets, and the line and column it starts on (from 1). */
export interface ValueSpan {
  start: number;
  end: number;
  line: number;
  column: number;
}

/**
 * The values of a top-level JSON array as jsonc-parser's scanner tells them apart by their brackets (a string
 * not closed by its line's end ends there): each whole value's span; `open`, where the value the text ends
 * inside starts; and whether the array's bracket closes it, with nothing after (`closed`). Null for text that
 * is not an array, or whose brackets close more than they open.
 */
export function arrayValues(text: string): { values: ValueSpan[]; open: Omit<ValueSpan, "end"> | null; closed: boolean } | null {
  const scanner = createScanner(text, true);
  if (scanner.scan() !== TOKEN.openBracket) return null;
  const values: ValueSpan[] = [];
  let depth = 1;
  let open: Omit<ValueSpan, "end"> | null = null;
  for (let token: number = scanner.scan(); token !== TOKEN.end; token = scanner.scan()) {
    if (depth === 1 && token === TOKEN.comma) continue;
    if (depth === 1 && token === TOKEN.closeBracket) return { values, open: null, closed: scanner.scan() === TOKEN.end };
    if (depth === 1) open = { start: scanner.getTokenOffset(), line: scanner.getTokenStartLine() + 1, column: scanner.getTokenStartCharacter() + 1 };
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) depth++;
    else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) depth--;
    if (depth === 0) return null;
    if (depth === 1 && open) {
      values.push({ ...open, end: scanner.getTokenOffset() + scanner.getTokenLength() });
      open = null;
    }
  }
  return { values, open, closed: false };
}
