import { isObject } from "./json-records";

/**
 * A GraphQL response saved as a file (`{"data": …, "errors": […], "extensions": {…}}`) holds its rows as deep
 * as the query asked for them: `data.repository.issues.nodes`, four keys down. When the response holds one
 * list of objects, at any depth down to MOST_KEYS, that list is its rows; a connection's `edges` (each an
 * object with its `node` and a `cursor`) give their nodes. Two lists, or none, and it is not read this way.
 */
const RESPONSE_KEYS = new Set(["data", "errors", "extensions"]);
const MOST_KEYS = 8;

export interface GraphQlRows {
  records: Record<string, unknown>[];
  /** The keys down to the list, from "data". */
  path: string[];
  /** The list is a connection's edges, and the rows are their nodes. */
  edges?: boolean;
}

export function graphQlRows(parsed: Record<string, unknown>): GraphQlRows | null {
  if (!isObject(parsed.data) || !Object.keys(parsed).every((key) => RESPONSE_KEYS.has(key))) return null;
  const lists = listsUnder(parsed.data, ["data"]);
  if (lists.length !== 1) return null;
  const [{ path, records }] = lists as [GraphQlRows];
  if (path.at(-1) === "edges" && records.every((edge) => isObject(edge.node))) return { records: records.map((edge) => edge.node as Record<string, unknown>), path, edges: true };
  return { records, path };
}

/** The lists of objects under `object`, not looking inside a list once found. */
function listsUnder(object: Record<string, unknown>, at: string[]): GraphQlRows[] {
  return Object.entries(object).flatMap(([key, value]) => {
    if (Array.isArray(value) && value.length > 0 && value.every(isObject)) return [{ path: [...at, key], records: value }];
    return at.length < MOST_KEYS && isObject(value) ? listsUnder(value, [...at, key]) : [];
  });
}
