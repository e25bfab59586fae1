import type { LineNote } from "@/lib/csv/findings";
import { addRepairs, noRepairs, type JsonRepairs } from "./json-repairs";
import { JsonSyntaxError, parseJsonLenient } from "./json-lenient";
import { isObject } from "./json-records";
import { arrayValues } from "./json-array-values";
import { jsonRows, type JsonRowsAt } from "./json-rows";
import { TOKEN } from "./json-tokens";
import { createScanner } from "jsonc-parser";

/**
 * A JSON array of objects with a fault inside a few of them (a missing comma between two fields, a stray
 * character, an unquoted word): the whole file failed at the first fault, so one broken record kept every other
 * from staging. Its records are told apart by their brackets (jsonc-parser's scanner, which ends a string that
 * is not closed at its line's end, so a missing quote stays inside its record) and read one by one; a record
 * that does not read is set aside with its line and the fault. Only when at most `MAX_FAULTY` records (or 1 %)
 * fail and the rest are objects: otherwise null, and the file's first fault is said as before. A fault that
 * unbalances the brackets (a brace missing) cannot be told apart from the records after it: null too.
 */
export function recordsAroundFaults(text: string, from: Position = { line: 1, column: 1 }): { records: Record<string, unknown>[]; setAside: LineNote[]; repairs: JsonRepairs } | null {
  const found = arrayValues(text);
  if (!found?.closed) return null;
  const spans = found.values;
  const records: Record<string, unknown>[] = [];
  const setAside: LineNote[] = [];
  const repairs = noRepairs();
  for (const span of spans) {
    const written = text.slice(span.start, span.end);
    try {
      const parsed = parseJsonLenient(written);
      if (!isObject(parsed.value)) return null;
      addRepairs(repairs, parsed.repairs);
      records.push(parsed.value);
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) throw error;
      const at = inFile(from, inFile(span, error));
      setAside.push({ line: at.line, status: "set aside", reason: `not valid JSON (${error.what} at line ${at.line}, column ${at.column})`, text: written.slice(0, 200) });
    }
  }
  const tolerated = Math.max(MAX_FAULTY, Math.floor(spans.length / 100));
  return records.length > 0 && setAside.length > 0 && setAside.length <= tolerated ? { records, setAside, repairs } : null;
}

const MAX_FAULTY = 10;

/** A line and column, from 1. */
type Position = { line: number; column: number };
/** Where `at`, a position in a text that starts at `start`, is in the text around it. */
const inFile = (start: Position, at: Position): Position => ({ line: start.line + at.line - 1, column: at.line === 1 ? start.column + at.column - 1 : at.column });

/**
 * An object that holds its records in a list (an API's `{"meta": {…}, "data": [ … ]}`) with a fault inside a few
 * of them: the list's records around the faults, as for an array (`recordsAroundFaults`), where the object reads
 * once the list is taken out and the list is the one jsonRows (json-rows.ts) takes its rows from. Null otherwise.
 */
export function wrappedRecordsAroundFaults(text: string): { records: Record<string, unknown>[]; at?: JsonRowsAt; setAside: LineNote[]; repairs: JsonRepairs } | null {
  for (const list of topLevelLists(text).sort((a, b) => b.end - b.start - (a.end - a.start))) {
    let wrapper: ReturnType<typeof parseJsonLenient>;
    try {
      wrapper = parseJsonLenient(`${text.slice(0, list.start)}[]${text.slice(list.end)}`);
    } catch {
      continue;
    }
    const around = recordsAroundFaults(text.slice(list.start, list.end), list);
    if (!around || !isObject(wrapper.value)) continue;
    const rows = jsonRows({ ...wrapper.value, [list.key]: around.records }, text);
    if ("message" in rows || rows.at?.path.join() !== list.key) continue;
    addRepairs(around.repairs, wrapper.repairs);
    return { ...around, records: rows.records, at: rows.at };
  }
  return null;
}

/** The lists a top-level object holds under its keys, where each starts (offset, line and column) and ends. */
function topLevelLists(text: string): (Position & { key: string; start: number; end: number })[] {
  const scanner = createScanner(text, true);
  if (scanner.scan() !== TOKEN.openBrace) return [];
  const lists: (Position & { key: string; start: number; end: number })[] = [];
  let depth = 1;
  let key: string | null = null;
  let open: (Position & { key: string; start: number }) | null = null;
  for (let token: number = scanner.scan(); token !== TOKEN.end && depth > 0; token = scanner.scan()) {
    if (depth === 1 && token === TOKEN.string) key = scanner.getTokenValue();
    else if (depth === 1 && token === TOKEN.openBracket && key !== null) {
      open = { key, start: scanner.getTokenOffset(), line: scanner.getTokenStartLine() + 1, column: scanner.getTokenStartCharacter() + 1 };
    }
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) depth++;
    else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) depth--;
    if (depth === 1 && open && token === TOKEN.closeBracket) {
      lists.push({ ...open, end: scanner.getTokenOffset() + scanner.getTokenLength() });
      open = null;
    }
    if (depth === 1 && (token === TOKEN.comma || token === TOKEN.closeBracket || token === TOKEN.closeBrace)) key = null;
  }
  return lists;
}
