import { featureRows } from "./geojson";
import { graphQlRows } from "./graphql-rows";
import { writtenKeys } from "./json-key-order";
import { isObject } from "./json-records";

/** Where in a JSON document its rows were found, when it is not an array of them: the keys down to them, and the top-level keys not read. */
export interface JsonRowsAt {
  path: string[];
  left: string[];
  /** The rows are arrays of values, named by the first of them (a top-level array) or by the list under "columns" (pandas' split form). */
  arrays?: boolean;
  /**
   * The document is a frame: an object of columns keyed by row labels (pandas' `to_json()`), of rows keyed by
   * their labels (`orient="index"`), or of lists of values, one per row (`to_dict(orient="list")`, R's columns);
   * or records keyed by their ids (`keyed`: a Firebase export, an API's map of ids), the key in a column `key`.
   */
  frame?: "columns" | "index" | "lists" | "keyed";
  /** The rows are JSON values one after another, not in one array (json-sequence.ts). */
  sequence?: boolean;
  /** The values one after another are this many arrays of objects (exports or pages appended to one file): the rows are their objects in turn. */
  pages?: number;
  /** The rows are a GeoJSON FeatureCollection's features: their properties, geometry as text, and their id when they have one (geojson.ts). */
  features?: { id: boolean };
  /** The list under `path` is a GraphQL connection's edges, and the rows are their nodes (graphql-rows.ts). */
  edges?: boolean;
}

/** A JSON document's rows, and where they were found; or why it has none. */
export type JsonRows = { records: Record<string, unknown>[]; at?: JsonRowsAt } | { message: string };

const NOT_OBJECTS = "Every record must be a JSON object (one row each).";
const isRecordList = (value: unknown): value is Record<string, unknown>[] => Array.isArray(value) && value.length > 0 && value.every(isObject);

/**
 * A JSON document's rows: an array of objects; or an array of arrays whose first holds the names (a
 * spreadsheet API's values); or, for an object that holds exactly one list of objects up to two keys deep
 * (an API's `{"data": [...], "meta": {...}}`), that list; or pandas' split form (`{"columns": [...],
 * "data": [[...]]}`); or a GraphQL response's one list, however deep (graphql-rows.ts); else the object, as one row. `text`, the document parsed, keeps a pandas frame's
 * rows in its order.
 */
export function jsonRows(parsed: unknown, text = ""): JsonRows {
  if (Array.isArray(parsed)) {
    if (parsed.every(isObject)) return { records: parsed };
    const named = namedRows(parsed[0], parsed.slice(1));
    return named ? { records: named, at: { path: [], left: [], arrays: true } } : { message: NOT_OBJECTS };
  }
  if (!isObject(parsed)) return { message: NOT_OBJECTS };
  const frame = frameRows(parsed, text) ?? listRows(parsed);
  if (frame) return frame;
  const features = featureRows(parsed);
  if (features) return { records: features.records, at: { path: ["features"], left: Object.keys(parsed).filter((key) => key !== "features"), features: { id: features.id } } };
  const split = namedRows(parsed.columns, parsed.data);
  if (split) return { records: split, at: { path: ["data"], left: Object.keys(parsed).filter((key) => key !== "data" && key !== "columns"), arrays: true } };
  const keyed = keyedRows(parsed);
  if (keyed) return { records: keyed, at: { path: [], left: [], frame: "keyed" } };
  const graphQl = graphQlRows(parsed);
  if (graphQl) return { records: graphQl.records, at: { path: graphQl.path, left: Object.keys(parsed).filter((key) => key !== "data"), ...(graphQl.edges ? { edges: true } : {}) } };
  const lists = recordLists(parsed, [], 2);
  // Or the one object of records keyed by their ids it holds (a Firebase export's {"users": {"u1": {…}, …}}).
  const inner = lists.length === 0 ? Object.entries(parsed).flatMap(([key, value]) => (isObject(value) && keyedRows(value) ? [key] : [])) : [];
  if (inner.length === 1) {
    const [key] = inner as [string];
    return { records: keyedRows(parsed[key] as Record<string, unknown>)!, at: { path: [key], left: Object.keys(parsed).filter((k) => k !== key), frame: "keyed" } };
  }
  if (lists.length !== 1) return { records: [parsed] };
  const [{ path, records }] = lists as [{ path: string[]; records: Record<string, unknown>[] }];
  return { records, at: { path, left: Object.keys(parsed).filter((key) => key !== path[0]) } };
}

/**
 * The rows of JSON values one after another (json-sequence.ts): the values themselves, as jq writes objects;
 * or, when every value is an array of objects (exports or an API's pages appended to one file), their objects.
 */
export function sequenceRows(values: readonly unknown[]): JsonRows {
  const pages = values.every((v) => Array.isArray(v) && v.every(isObject)) ? values.length : 0;
  const rows = jsonRows(pages ? values.flat() : values);
  if ("message" in rows) return rows;
  return { records: rows.records, at: rows.at ?? { path: [], left: [], sequence: true, ...(pages ? { pages } : {}) } };
}

/** Where the rows were found, in words, for the staged file's findings. */
export function describeJsonRowsAt({ path, left, arrays, frame, sequence, pages, features, edges }: JsonRowsAt): string {
  if (sequence) return pages ? `Rows are the objects of the file's ${pages} arrays, one after another (exports or pages appended to one file).` : "Rows are the file's JSON objects one after another (as jq writes them), not in one array.";
  const rest = left.length ? `; ${left.map((key) => `“${key}”`).join(", ")} ${left.length === 1 ? "is" : "are"} not read` : "";
  if (features) return `Rows are the GeoJSON features: ${features.id ? "each feature's id, " : ""}their properties as columns, and their geometry as GeoJSON text${rest}.`;
  if (frame === "lists") return "Rows are read across the file's lists, one value of each per row (columns of values, as pandas' to_dict(orient=\"list\") writes them).";
  if (frame === "keyed") return `Rows are the ${path.length ? `objects under “${path.join(".")}”` : "file's objects"}, each under its key (in the column “key”)${rest}.`;
  if (frame) return frame === "columns" ? "Rows are read across the file's columns, each an object keyed by row (pandas' to_json())." : "Rows are the file's objects, each under its row's label (pandas' orient=\"index\").";
  if (edges) return `Rows are the nodes of the edges under “${path.join(".")}”, the response's only list${rest}.`;
  if (arrays) return path.length ? `Rows are the arrays of values under “${path.join(".")}”, named by “columns”${rest}.` : "Rows are the file's arrays of values, named by its first array.";
  return `Rows are the list of objects under “${path.join(".")}”, the file's only one${rest}.`;
}

/**
 * Rows of values named by a list of names (every one text) as objects: a name again gets `_1`, `_2`, and a
 * value past the names is named `column<i>`; null when these are not names and rows.
 */
function namedRows(names: unknown, rows: unknown): Record<string, unknown>[] | null {
  if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === "string")) return null;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) return null;
  const seen = new Map<string, number>();
  const keys = (names as string[]).map((name) => {
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    return n ? `${name}_${n}` : name;
  });
  return (rows as unknown[][]).map((row) => Object.fromEntries(row.map((value, i) => [keys[i] ?? `column${i}`, value])));
}

function recordLists(object: Record<string, unknown>, at: string[], depth: number): { path: string[]; records: Record<string, unknown>[] }[] {
  return Object.entries(object).flatMap(([key, value]) => {
    if (isRecordList(value)) return [{ path: [...at, key], records: value }];
    return depth > 1 && isObject(value) ? recordLists(value, [...at, key], depth - 1) : [];
  });
}

const ROW_LABEL = /^\d+$/;

/**
 * A pandas frame written by `to_json()`: an object of columns, each an object keyed by the same row labels
 * ("0", "1", …), read row by row; or, with `orient="index"`, an object of rows keyed by those labels. Row
 * labels are told by being whole numbers, so an object of other objects (a record with nested parts) is not one.
 * The rows keep the file's order (`text`), which parsing loses: labels after a sort ("3", "0") come ascending.
 */
function frameRows(parsed: Record<string, unknown>, text: string): JsonRows | null {
  const entries = Object.entries(parsed);
  if (entries.length === 0 || !entries.every(([, v]) => isObject(v))) return null;
  const inner = entries.map(([, v]) => Object.keys(v as Record<string, unknown>));
  if (entries.every(([key]) => ROW_LABEL.test(key))) {
    const labels = inFileOrder(entries.map(([key]) => key), text, 0);
    return { records: withLabels(labels.map((label) => [label, parsed[label] as Record<string, unknown>])), at: { path: [], left: [], frame: "index" } };
  }
  const labels = inner[0]!;
  if (labels.length === 0 || !labels.every((l) => ROW_LABEL.test(l)) || !inner.every((keys) => keys.length === labels.length && keys.every((k, i) => k === labels[i]))) return null;
  const rows = inFileOrder(labels, text, 1).map((label): [string, Record<string, unknown>] => [label, Object.fromEntries(entries.map(([column, v]) => [column, (v as Record<string, unknown>)[label]]))]);
  return { records: withLabels(rows), at: { path: [], left: [], frame: "columns" } };
}

/**
 * An object of two or more records keyed by their ids (`{"u1": {"name": …}, "u2": {…}}`: a Firebase export, an
 * API's map of ids), told from a record with nested parts by its values: three or more (two, when each key holds
 * a digit), every one an object, with fields in common that are at least half of all their fields. Not when it reads better the other way round, as columns of
 * values keyed by row (pandas' to_json() with labels that are not numbers): fewer objects than fields, each of one
 * kind of value. Each row gets its key in a first column `key` (`_key` when a record has a field `key`).
 */
function keyedRows(parsed: Record<string, unknown>): Record<string, unknown>[] | null {
  const entries = Object.entries(parsed) as [string, Record<string, unknown>][];
  // Two parts of a record alike (billing and shipping addresses) are a record: ids hold a digit, or there are more of them.
  if (entries.length < (entries.every(([key]) => /\d/.test(key)) ? 2 : 3) || !entries.every(([, v]) => isObject(v))) return null;
  const fields = entries.map(([, v]) => Object.keys(v));
  const all = new Set(fields.flat());
  const common = [...all].filter((f) => fields.every((keys) => keys.includes(f)));
  if (common.length === 0 || common.length * 2 < all.size) return null;
  if (entries.length < all.size && entries.every(([, v]) => kinds(Object.values(v)) <= 1)) return null;
  const name = all.has("key") ? "_key" : "key";
  return entries.map(([key, row]) => ({ [name]: key, ...row }));
}

/** How many kinds of JSON value (string, number, object…) the values are, nulls aside. */
const kinds = (values: readonly unknown[]) => new Set(values.filter((v) => v !== null).map((v) => (Array.isArray(v) ? "array" : typeof v))).size;

const isScalar = (value: unknown) => value === null || ["string", "number", "boolean", "bigint"].includes(typeof value);

/**
 * An object of two or more lists of plain values, all of one length of two or more: columns of values (pandas'
 * `to_dict(orient="list")` dumped as JSON, R's jsonlite with `dataframe = "columns"`), read row by row. A
 * record holding lists of values (tags) is one row: its lists differ in length, or hold objects.
 */
function listRows(parsed: Record<string, unknown>): JsonRows | null {
  const entries = Object.entries(parsed);
  const length = Array.isArray(entries[0]?.[1]) ? (entries[0]![1] as unknown[]).length : 0;
  if (entries.length < 2 || length < 2) return null;
  if (!entries.every(([, v]) => Array.isArray(v) && v.length === length && v.every(isScalar))) return null;
  const records = Array.from({ length }, (_, i) => Object.fromEntries(entries.map(([name, values]) => [name, (values as unknown[])[i]])));
  return { records, at: { path: [], left: [], frame: "lists" } };
}

/** The labels as the file has them (json-key-order.ts), when they are the same ones; else as parsed. */
function inFileOrder(labels: string[], text: string, depth: 0 | 1): string[] {
  const written = text ? writtenKeys(text, depth) : [];
  const known = new Set(labels);
  const same = written.length === labels.length && new Set(written).size === labels.length && written.every((label) => known.has(label));
  return same ? written : labels;
}

/** The rows, each with its label in a first column `index` unless the labels only count the rows (0, 1, 2…). */
function withLabels(rows: [string, Record<string, unknown>][]): Record<string, unknown>[] {
  if (rows.every(([label], i) => label === String(i))) return rows.map(([, row]) => row);
  const name = rows.some(([, row]) => "index" in row) ? "_index" : "index";
  const asNumber = (label: string) => /^(0|[1-9]\d*)$/.test(label) && Number.isSafeInteger(Number(label));
  return rows.map(([label, row]) => ({ [name]: asNumber(label) ? Number(label) : label, ...row }));
}
