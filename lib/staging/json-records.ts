import type { LineNote } from "@/lib/csv/findings";
import type { LineRun } from "@/lib/csv/record-lines";
import { JsonSyntaxError, parseJsonLenient } from "./json-lenient";
import { addRepairs, noRepairs, type JsonRepairs } from "./json-repairs";
import { markedNameRenames } from "./name-marks";
import { longDigits, parseJsonExact } from "./json-long-integers";

/**
 * The rows of a JSON or NDJSON file and the type of each of their columns,
 * worked out from every record, not from the first ones. DuckDB-WASM's JSON
 * reader guesses types from its first records and fails the whole file on a
 * later value of another kind (`"a": 1`, then `"a": "two"`), or on a text
 * value in a column that was empty until then. The records are loaded as
 * Arrow columns of these types (json-arrow.ts), any value in a text column
 * as its JSON text.
 */

/** A column's type: a JSON kind, or text where its values are of several kinds. */
export type JsonType =
  | { kind: "null" }
  /** `whole`: every value is a whole number a double holds exactly (read as BIGINT). */
  | { kind: "number"; whole: boolean }
  /**
   * Whole numbers too long for a double (lib/staging/json-long-integers.ts),
   * maybe with other numbers (`fraction`: some are not whole): loaded as
   * their digits, then cast where every value fits (json-types.ts).
   */
  | { kind: "long"; fraction: boolean }
  | { kind: "boolean" }
  /** `temporal`: every value is an ISO date (or date and time, in UTC), to be checked and cast by DuckDB. */
  | { kind: "text"; temporal?: "date" | "timestamp" }
  | { kind: "list"; item: JsonType }
  | { kind: "struct"; fields: Map<string, JsonType> };

export interface JsonColumn {
  /** The column's name: the key in the records, or a spread field's path (json-nested.ts). */
  key: string;
  type: JsonType;
  /** Where its value is in a record, key by key, when that is not at `key`: a spread field, a renamed key. */
  path?: readonly string[];
}

const NULL: JsonType = { kind: "null" };
const WHOLE: JsonType = { kind: "number", whole: true };
const NUMBER: JsonType = { kind: "number", whole: false };
const LONG: JsonType = { kind: "long", fraction: false };
const LONG_FRACTION: JsonType = { kind: "long", fraction: true };
const BOOLEAN: JsonType = { kind: "boolean" };
const TEXT: JsonType = { kind: "text" };
const DATE: JsonType = { kind: "text", temporal: "date" };
const TIMESTAMP: JsonType = { kind: "text", temporal: "timestamp" };

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;
/** No offset other than Z or " UTC" (as BigQuery writes its timestamps): DuckDB without ICU would read `+02:00` as UTC. */
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z| UTC)?$/;

/**
 * The records of NDJSON text, one object per line; blank lines are skipped, other lines set aside. `runs`
 * says on which line each record is (lib/csv/record-lines.ts): one run when no line was skipped. A line the
 * user edited in place (`edits`, by line number) is read as edited.
 */
export function ndjsonRecords(
  text: string,
  edits: readonly { line: number; text: string }[] = [],
): { records: Record<string, unknown>[]; setAside: LineNote[]; runs: LineRun[]; repairs: JsonRepairs } {
  const records: Record<string, unknown>[] = [];
  const setAside: LineNote[] = [];
  const runs: LineRun[] = [];
  const repairs = noRepairs();
  // Split at "\n", each line's "\r" taken off after: a regular expression's split took as long as parsing the lines.
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  for (const edit of edits) if (edit.line <= lines.length) lines[edit.line - 1] = edit.text;
  for (let i = 0; i < lines.length; i++) {
    const read = lines[i]!;
    const written = read.endsWith("\r") ? read.slice(0, -1) : read;
    if (!written.trim()) continue;
    // A byte-order mark starting a line (files joined end to end, each with its mark), or a comma ending it (an array's items without its brackets).
    const marked = written.charCodeAt(0) === 0xfeff;
    const unmarked = marked ? written.slice(1) : written;
    // A line that is a comment alone (// export of …): left out, counted with the comments.
    if (unmarked.trimStart().startsWith("/") && /^\s*(\/\/.*|\/\*.*\*\/)\s*$/.test(unmarked)) {
      repairs.comments = (repairs.comments ?? 0) + 1;
      continue;
    }
    const comma = unmarked.trimEnd().endsWith(",") && unmarked.trimStart().startsWith("{");
    const line = comma ? unmarked.replace(/,\s*$/, "") : unmarked;
    let value: unknown;
    try {
      value = lineValue(line, repairs);
      if (marked) repairs.lineMarks = (repairs.lineMarks ?? 0) + 1;
      if (comma) repairs.lineCommas = (repairs.lineCommas ?? 0) + 1;
    } catch (error) {
      const at = error instanceof JsonSyntaxError ? `${error.what} at column ${error.column}` : (error as Error).message;
      setAside.push({ line: i + 1, status: "set aside", reason: `not valid JSON (${at})`, text: written });
      continue;
    }
    if (isObject(value)) {
      if (runs.at(-1)?.offset !== i - records.length) runs.push({ start: records.length, offset: i - records.length });
      records.push(value);
    } else setAside.push({ line: i + 1, status: "set aside", reason: `a JSON ${Array.isArray(value) ? "array" : value === null ? "null" : typeof value}, not an object`, text: written });
  }
  return { records, setAside, runs, repairs };
}

/** A line's value: its JSON as it is (most lines, with nothing made per line but the value), else read leniently, what was repaired added up. */
function lineValue(line: string, repairs: JsonRepairs): unknown {
  try {
    return parseJsonExact(line);
  } catch {
    const parsed = parseJsonLenient(line);
    addRepairs(repairs, parsed.repairs);
    return parsed.value;
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Every key of the records, in the order first met, with the type of all of its values. */
export function jsonColumns(records: readonly Record<string, unknown>[]): JsonColumn[] {
  const types = new Map<string, JsonType>();
  for (const record of records) {
    for (const key in record) types.set(key, withValue(types.get(key) ?? NULL, record[key]));
  }
  return [...types].map(([key, type]) => ({ key, type }));
}

/** The type of all the values at `key` in the records. */
export function columnType(records: readonly Record<string, unknown>[], key: string): JsonType {
  let type = NULL;
  for (const record of records) type = withValue(type, record[key]);
  return type;
}

/**
 * A type that also holds `value`. Lists and structs are this column's own
 * objects, widened in place (a new object per record took a second for a
 * million nested records); scalar types are shared constants.
 */
function withValue(type: JsonType, value: unknown): JsonType {
  if (value === null || value === undefined) return type;
  if (type === TEXT) return TEXT;
  switch (typeof value) {
    case "number":
      if (type.kind === "long") return type.fraction || Number.isInteger(value) ? type : LONG_FRACTION;
      if (type.kind !== "null" && type.kind !== "number") return TEXT;
      return type !== NUMBER && Number.isSafeInteger(value) ? WHOLE : NUMBER;
    case "boolean":
      return type.kind === "null" || type.kind === "boolean" ? BOOLEAN : TEXT;
    case "string":
      if (longDigits(value) !== undefined) return withLong(type);
      return type.kind === "null" || type.kind === "text" ? withText(type, value) : TEXT;
    case "object":
      if (Array.isArray(value)) {
        const list = type.kind === "null" ? { kind: "list" as const, item: NULL } : type;
        if (list.kind !== "list") return TEXT;
        for (const item of value) list.item = withValue(list.item, item);
        return list;
      } else {
        const struct = type.kind === "null" ? { kind: "struct" as const, fields: new Map<string, JsonType>() } : type;
        if (struct.kind !== "struct") return TEXT;
        const record = value as Record<string, unknown>;
        for (const key in record) struct.fields.set(key, withValue(struct.fields.get(key) ?? NULL, record[key]));
        return struct;
      }
    default:
      return TEXT;
  }
}

/** A type that also holds a long whole number: other numbers make its values fractions at most. */
function withLong(type: JsonType): JsonType {
  if (type.kind === "null" || type === WHOLE || type === LONG) return LONG;
  return type === NUMBER || type === LONG_FRACTION ? LONG_FRACTION : TEXT;
}

/** A text type (or none yet) that also holds `text`: still a date, or a date and time, or plain text. */
function withText(type: JsonType, text: string): JsonType {
  const temporal = type.kind === "text" ? type.temporal : undefined;
  if (type.kind === "text" && !temporal) return TEXT;
  if (temporal !== "timestamp" && DATE_TEXT.test(text)) return type.kind === "null" ? DATE : type;
  return TIMESTAMP_TEXT.test(text) || (temporal === "timestamp" && DATE_TEXT.test(text)) ? TIMESTAMP : TEXT;
}

/** A column's Arrow type, named as DuckDB-WASM names Arrow types (`columnsFlat`). */
export interface JsonSqlType {
  sqlType: "int64" | "float64" | "bool" | "utf8" | "list" | "struct";
  valueType?: JsonSqlType;
  fields?: JsonSqlField[];
}
export type JsonSqlField = JsonSqlType & { name: string };
/** A column's Arrow type, and where its value is in a record when not at its name. */
export type JsonSqlColumn = JsonSqlField & { path?: readonly string[] };

/** The columns' types: whole numbers as BIGINT, other numbers as DOUBLE, values of several kinds (or none) as their JSON text. */
export function sqlFields(columns: readonly JsonColumn[]): JsonSqlColumn[] {
  return columns.map((c) => ({ name: c.key, ...sqlType(c.type), ...(c.path ? { path: c.path } : {}) }));
}

function sqlType(type: JsonType): JsonSqlType {
  switch (type.kind) {
    case "number":
      return { sqlType: type.whole ? "int64" : "float64" };
    case "boolean":
      return { sqlType: "bool" };
    case "list":
      return { sqlType: "list", valueType: sqlType(type.item) };
    case "struct":
      // An empty key cannot name a field, nor can a struct have no fields: such values are kept as text.
      if (type.fields.size === 0 || type.fields.has("")) return { sqlType: "utf8" };
      return { sqlType: "struct", fields: [...type.fields].map(([name, t]) => ({ name, ...sqlType(t) })) };
    default:
      return { sqlType: "utf8" };
  }
}

/**
 * Keys DuckDB cannot take as column names get names of their own: the empty key `column` and its
 * position, as DuckDB names a CSV's empty header, and a key that starts with a byte-order mark the key
 * without it (name-marks.ts). A renamed column reads its value where it was.
 */
export function namedColumns(columns: readonly JsonColumn[]): JsonColumn[] {
  const keys = columns.map((c) => c.key);
  const renames = new Map(Object.entries(markedNameRenames(keys)));
  const at = keys.indexOf("");
  if (at >= 0) {
    const taken = new Set([...keys, ...renames.values()].map((k) => k.toLowerCase()));
    let name = `column${at}`;
    while (taken.has(name.toLowerCase())) name = `${name}_`;
    renames.set("", name);
  }
  return columns.map((c) => (renames.has(c.key) ? { ...c, key: renames.get(c.key)!, path: c.path ?? [c.key] } : c));
}
