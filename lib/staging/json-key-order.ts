import { createScanner } from "jsonc-parser";

// jsonc-parser's token kinds (its SyntaxKind is a const enum, which isolated modules cannot read).
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const STRING = 10;
const EOF = 17;

/**
 * The keys of a JSON document's top-level object (`depth` 0), or of the object that is its first member's
 * value (1), in the order the file has them. JavaScript's objects put keys that are whole numbers first and
 * ascending, whatever their order in the text: pandas' row labels ("3", "0", "7" after a sort) among them.
 * Reads only up to the end of that object.
 */
export function writtenKeys(text: string, depth: 0 | 1): string[] {
  const scanner = createScanner(text, true);
  const open: ("object" | "array")[] = [];
  const keys: string[] = [];
  let expectKey = false;
  for (let token: number = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      open.push(token === OPEN_BRACE ? "object" : "array");
      expectKey = token === OPEN_BRACE;
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      if (open.length === depth + 1) return keys;
      open.pop();
      expectKey = false;
    } else if (token === COMMA) {
      expectKey = open.at(-1) === "object";
    } else {
      if (expectKey && token === STRING && open.length === depth + 1) keys.push(scanner.getTokenValue());
      expectKey = false;
    }
  }
  return keys;
}
