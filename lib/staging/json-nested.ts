import { ident, literal } from "@/lib/sql/quote";

/**
 * Objects inside a JSON file's records (an API's `"address": {"city": …}`, Elasticsearch's `_source`): read as
 * one struct column, their fields sat out of reach of a rule, a filter or a sort, and downloads wrote them as
 * text. As pandas' `json_normalize` does, a key whose every value is an object (or empty) is spread into a
 * column per field, named with its path (`address.city`); objects inside those, in turn. A key whose values
 * are objects and something else, a field whose path names a key the record already has, or an object with
 * no field is left as it is.
 */
export interface Spread {
  /** The column spread, by its path (`address`, then `address.geo`). */
  column: string;
  /** Its fields, in the order first seen. */
  fields: string[];
}

type Row = Record<string, unknown>;

const isObject = (v: unknown): v is Row => typeof v === "object" && v !== null && !Array.isArray(v);

/** The records with their objects spread into columns, and what was spread, parents before their children. */
export function spreadNested(records: readonly Row[]): { records: Row[]; spread: Spread[] } {
  let rows = records as Row[];
  const spread: Spread[] = [];
  for (;;) {
    const next = spreadable(rows);
    if (next.length === 0) return { records: rows, spread };
    const byColumn = new Map(next.map((s) => [s.column, s]));
    rows = rows.map((row) => spreadRow(row, byColumn));
    spread.push(...next);
  }
}

/** The keys whose every value is an object (or missing), with their fields, whose paths name no other key. */
function spreadable(rows: readonly Row[]): Spread[] {
  const keys = new Map<string, Set<string> | null>();
  for (const row of rows) {
    for (const key in row) {
      const value = row[key];
      const fields = keys.get(key);
      if (fields === null) continue;
      if (value === null || value === undefined) {
        if (fields === undefined) keys.set(key, new Set());
        continue;
      }
      if (!isObject(value)) {
        keys.set(key, null);
        continue;
      }
      const set = fields ?? new Set<string>();
      for (const field in value) set.add(field);
      keys.set(key, set);
    }
  }
  return [...keys].flatMap(([column, fields]) => {
    if (!fields || fields.size === 0 || [...fields].some((f) => f === "" || keys.has(`${column}.${f}`))) return [];
    return [{ column, fields: [...fields] }];
  });
}

function spreadRow(row: Row, byColumn: ReadonlyMap<string, Spread>): Row {
  const out: Row = {};
  for (const key in row) {
    const s = byColumn.get(key);
    if (!s) {
      out[key] = row[key];
      continue;
    }
    const value = row[key];
    for (const field of s.fields) out[`${key}.${field}`] = isObject(value) ? (value[field] ?? null) : null;
  }
  return out;
}

/**
 * SQL statements that spread the same columns in a table DuckDB's JSON reader made (their structs), as the SQL
 * export repeats it; then the columns in the browser's order (`columns`: each spread field where its object was).
 */
export function spreadSql(table: string, spread: readonly Spread[], columns: readonly string[]): string[] {
  if (spread.length === 0) return [];
  const steps = spread.map(({ column, fields }) => {
    const parts = fields.map((f) => `struct_extract(${ident(column)}, ${literal(f)}) AS ${ident(`${column}.${f}`)}`);
    return `CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * EXCLUDE (${ident(column)}), ${parts.join(", ")} FROM ${ident(table)}`;
  });
  return [...steps, `CREATE OR REPLACE TABLE ${ident(table)} AS SELECT ${columns.map(ident).join(", ")} FROM ${ident(table)}`];
}

/** The sentence for the staged file's findings. */
export function describeSpread(spread: readonly Spread[]): string {
  const top = spread.filter((s) => !spread.some((p) => s.column.startsWith(`${p.column}.`)));
  return `Nested objects were read as columns, one per field: ${top.map((s) => s.column).join(", ")} (as ${top[0]!.column}.${top[0]!.fields[0]}).`;
}
