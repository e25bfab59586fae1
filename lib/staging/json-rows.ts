import { isObject } from "./json-records";

/** Where in a JSON document its rows were found, when it is not an array of them: the keys down to them, and the top-level keys not read. */
export interface JsonRowsAt {
  path: string[];
  left: string[];
}

/** A JSON document's rows, and where they were found; or why it has none. */
export type JsonRows = { records: Record<string, unknown>[]; at?: JsonRowsAt } | { message: string };

const NOT_OBJECTS = "Every record must be a JSON object (one row each).";
const isRecordList = (value: unknown): value is Record<string, unknown>[] => Array.isArray(value) && value.length > 0 && value.every(isObject);

/**
 * A JSON document's rows: an array of objects; or, for an object that holds exactly one list of objects up to
 * two keys deep (an API's `{"data": [...], "meta": {...}}`), that list; else the object, as one row.
 */
export function jsonRows(parsed: unknown): JsonRows {
  if (Array.isArray(parsed)) return parsed.every(isObject) ? { records: parsed } : { message: NOT_OBJECTS };
  if (!isObject(parsed)) return { message: NOT_OBJECTS };
  const lists = recordLists(parsed, [], 2);
  if (lists.length !== 1) return { records: [parsed] };
  const [{ path, records }] = lists as [{ path: string[]; records: Record<string, unknown>[] }];
  return { records, at: { path, left: Object.keys(parsed).filter((key) => key !== path[0]) } };
}

/** Where the rows were found, in words, for the staged file's findings. */
export function describeJsonRowsAt({ path, left }: JsonRowsAt): string {
  const rest = left.length ? `; ${left.map((key) => `“${key}”`).join(", ")} ${left.length === 1 ? "is" : "are"} not read` : "";
  return `Rows are the list of objects under “${path.join(".")}”, the file's only one${rest}.`;
}

function recordLists(object: Record<string, unknown>, at: string[], depth: number): { path: string[]; records: Record<string, unknown>[] }[] {
  return Object.entries(object).flatMap(([key, value]) => {
    if (isRecordList(value)) return [{ path: [...at, key], records: value }];
    return depth > 1 && isObject(value) ? recordLists(value, [...at, key], depth - 1) : [];
  });
}
