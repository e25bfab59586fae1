import { createScanner, parse as parseJsonc, printParseErrorCode, stripComments, type ParseError } from "jsonc-parser";
import { noRepairs, type JsonRepairs } from "./json-repairs";
import { JSON_STRING, parseJsonExact } from "./json-long-integers";

/**
 * JSON as Python and hand edits write it. `json.dumps` writes NaN, Infinity
 * and -Infinity, which JSON has no word for, and a hand-edited list often
 * keeps a comma before its closing bracket: such text is read with those
 * values empty (null) and those commas left out, and says how many. Any
 * other fault is an error that says what and where (line and column),
 * found by jsonc-parser, as `JSON.parse` often names neither.
 */
export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly what: string,
    /** jsonc-parser's name for the fault ("EndOfFileExpected"), where it found it. */
    readonly code = "",
  ) {
    super(`${what} at line ${line}, column ${column}`);
  }
}

/** A string, a comma before `]` or `}`, or Python's words for non-finite numbers outside strings. */
const LENIENT = new RegExp(String.raw`${JSON_STRING}|,(?=\s*[\]}])|(?<![\w.])-?Infinity(?!\w)|(?<![\w.])NaN(?!\w)`, "g");

/** Parsed JSON (long whole numbers kept exact: json-long-integers.ts), and what was repaired; throws a JsonSyntaxError. */
export function parseJsonLenient(written: string): { value: unknown; repairs: JsonRepairs } {
  try {
    return { value: parseJsonExact(written), repairs: noRepairs() };
  } catch {
    // Comments (// … and /* … */, as JSONC and hand-edited files have them) are left out, each character a space: every other keeps its place.
    const comments = /\/[/*]/.test(written) ? countComments(written) : 0;
    const text = comments ? stripComments(written, " ") : written;
    if (comments) {
      try {
        return { value: parseJsonExact(text), repairs: { ...noRepairs(), comments } };
      } catch {
        // Another fault too: repaired or located below.
      }
    }
    const { text: repaired, repairs } = repair(text, "null", "");
    if (comments) repairs.comments = comments;
    if (repairs.nonFinite + repairs.trailingCommas > 0) {
      try {
        return { value: parseJsonExact(repaired), repairs };
      } catch {
        // Another fault remains: located past the repairs, which keep every other character where it was.
        throw locate(repair(text, "0", " ").text);
      }
    }
    throw locate(text);
  }
}

/** How many comments the text holds, outside its strings. */
function countComments(text: string): number {
  const scanner = createScanner(text, false);
  let count = 0;
  for (let kind = scanner.scan(); kind !== 17; kind = scanner.scan()) {
    // jsonc-parser's SyntaxKind (a const enum): 12 a line comment, 13 a block comment, 17 the end.
    if (kind === 12 || kind === 13) count++;
  }
  return count;
}

/** The text with each non-finite number and each comma before a closing bracket replaced (padded to its length when the replacement is shorter). */
function repair(text: string, number: string, comma: string): { text: string; repairs: JsonRepairs } {
  const repairs = noRepairs();
  const out = text.replace(LENIENT, (token) => {
    if (token.startsWith('"')) return token;
    if (token === ",") {
      repairs.trailingCommas++;
      return comma;
    }
    repairs.nonFinite++;
    return number.length < token.length ? number.padEnd(token.length) : number;
  });
  return { text: out, repairs };
}

/** jsonc-parser's error codes (by name: its enum is a const enum), in words. */
const WHAT: Record<string, string> = {
  InvalidSymbol: "an unexpected character (JSON puts names and text in double quotes)",
  InvalidNumberFormat: "a number written wrongly",
  PropertyNameExpected: "a property name in double quotes was expected",
  ValueExpected: "a value was expected",
  ColonExpected: "a colon was expected",
  CommaExpected: "a comma was expected",
  CloseBraceExpected: "a closing } was expected",
  CloseBracketExpected: "a closing ] was expected",
  EndOfFileExpected: "more after the end of the first value (for one record per line, read the file as NDJSON)",
  UnexpectedEndOfString: "a string that never ends",
  UnexpectedEndOfNumber: "a number cut short",
  InvalidUnicode: "an invalid \\u escape",
  InvalidEscapeCharacter: "an invalid escape (a backslash) in a string",
  InvalidCharacter: "a control character (a tab or line end) inside a string",
  InvalidCommentToken: "a comment, which JSON does not allow",
};

/** Where the text's first fault is, and what it is. */
export function locate(text: string): JsonSyntaxError {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: true, allowEmptyContent: false });
  const first = errors[0];
  const offset = first?.offset ?? text.length;
  const before = text.slice(0, offset);
  const lineStart = Math.max(before.lastIndexOf("\n"), before.lastIndexOf("\r")) + 1;
  const line = (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
  const code = first ? printParseErrorCode(first.error) : "";
  return new JsonSyntaxError(line, offset - lineStart + 1, first ? (WHAT[code] ?? "a fault") : "an unexpected end", code);
}
