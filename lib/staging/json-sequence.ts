import { createScanner } from "jsonc-parser";
import { TOKEN } from "./json-tokens";
import { JsonSyntaxError, parseJsonLenient } from "./json-lenient";
import { addRepairs, noRepairs, type JsonRepairs } from "./json-repairs";

interface ValueText {
  start: number;
  end: number;
  /** Where it starts, 0-based. */
  line: number;
  column: number;
}

/** The top-level values of the text, where each starts and ends; commas between them are passed over. */
function valueTexts(text: string): ValueText[] {
  const scanner = createScanner(text, true);
  const values: ValueText[] = [];
  let depth = 0;
  let current: ValueText | null = null;
  for (let token: number = scanner.scan(); token !== TOKEN.end; token = scanner.scan()) {
    if (depth === 0 && token === TOKEN.comma) continue;
    if (depth === 0) current = { start: scanner.getTokenOffset(), end: 0, line: scanner.getTokenStartLine(), column: scanner.getTokenStartCharacter() };
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) depth++;
    else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) depth = Math.max(0, depth - 1);
    if (depth === 0 && current) {
      current.end = scanner.getTokenOffset() + scanner.getTokenLength();
      values.push(current);
      current = null;
    }
  }
  if (current) values.push({ ...current, end: text.length });
  return values;
}

/**
 * JSON values one after another rather than in one array: what `jq` writes (each object pretty-printed
 * over several lines), logs of pretty-printed records, or `{…}{…}` on one line. DuckDB's own JSON reader
 * takes such a file. Null when the text holds fewer than two values; a value that is not valid JSON
 * throws a JsonSyntaxError at its line and column in the whole text.
 */
export function parseJsonSequence(text: string): { values: unknown[]; repairs: JsonRepairs } | null {
  const texts = valueTexts(text);
  if (texts.length < 2) return null;
  const repairs = noRepairs();
  const values = texts.map(({ start, end, line, column }) => {
    try {
      const parsed = parseJsonLenient(text.slice(start, end));
      addRepairs(repairs, parsed.repairs);
      return parsed.value;
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      throw new JsonSyntaxError(line + error.line, error.line === 1 ? column + error.column : error.column, error.what);
    }
  });
  return { values, repairs };
}
