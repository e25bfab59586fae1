import type { LineNote } from "@/lib/csv/findings";
import { addRepairs, noRepairs, type JsonRepairs } from "./json-repairs";
import { JsonSyntaxError, parseJsonLenient } from "./json-lenient";
import { isObject } from "./json-records";
import { arrayValues } from "./json-array-values";

/**
 * A JSON array of objects with a fault inside a few of them (a missing comma between two fields, a stray
 * character, an unquoted word): the whole file failed at the first fault, so one broken record kept every other
 * from staging. Its records are told apart by their brackets (jsonc-parser's scanner, which ends a string that
 * is not closed at its line's end, so a missing quote stays inside its record) and read one by one; a record
 * that does not read is set aside with its line and the fault. Only when at most `MAX_FAULTY` records (or 1 %)
 * fail and the rest are objects: otherwise null, and the file's first fault is said as before. A fault that
 * unbalances the brackets (a brace missing) cannot be told apart from the records after it: null too.
 */
export function recordsAroundFaults(text: string): { records: Record<string, unknown>[]; setAside: LineNote[]; repairs: JsonRepairs } | null {
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
      const line = span.line + error.line - 1;
      const column = error.line === 1 ? span.column + error.column - 1 : error.column;
      setAside.push({ line, status: "set aside", reason: `not valid JSON (${error.what} at line ${line}, column ${column})`, text: written.slice(0, 200) });
    }
  }
  const tolerated = Math.max(MAX_FAULTY, Math.floor(spans.length / 100));
  return records.length > 0 && setAside.length > 0 && setAside.length <= tolerated ? { records, setAside, repairs } : null;
}

const MAX_FAULTY = 10;
