import { createScanner } from "jsonc-parser";
import { TOKEN } from "./json-tokens";

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
  for (let token: number = scanner.scan(); token !== TOKEN.end; token = scanner.scan()) {
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
      open.push(token === TOKEN.openBrace ? "object" : "array");
      expectKey = token === TOKEN.openBrace;
    } else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) {
      if (open.length === depth + 1) return keys;
      open.pop();
      expectKey = false;
    } else if (token === TOKEN.comma) {
      expectKey = open.at(-1) === "object";
    } else {
      if (expectKey && token === TOKEN.string && open.length === depth + 1) keys.push(scanner.getTokenValue());
      expectKey = false;
    }
  }
  return keys;
}
