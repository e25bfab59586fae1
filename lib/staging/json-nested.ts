import { ident, literal } from "@/lib/sql/quote";

/**
 * Objects inside a JSON file's records (an API's `"address": {"city": …}`, Elasticsearch's `_source`): read as
 * one struct column, their fields sat out of reach of a rule, a filter or a sort, and downloads wrote them as
 * text. As pandas' `json_normalize` does, a key whose every value is an object (or empty) is spread into a
 * column per field, named with its path (`address.city`); objects inside those, in turn. A key whose values
 * are objects and something else, a field whose path names a key the record already has, or an object with
 * no field is left as it is. A Parquet file's structs are spread the same way (workers/engine/parquet-structs.ts).
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
 * The SQL statement that spreads the same columns in a table whose objects are structs (DuckDB's JSON reader's, as
 * the SQL export repeats it; a Parquet file's), in one pass: `columns` are the spread table's, in their order (each
 * spread field where its object was), and each field path is read from its struct with `struct_extract`.
 * `temporary`: the table is a temporary one, rewritten as such.
 */
export function spreadSql(table: string, spread: readonly Spread[], columns: readonly string[], temporary = false): string[] {
  if (spread.length === 0) return [];
  const paths = new Map<string, string>();
  const expr = (name: string) => paths.get(name) ?? ident(name);
  for (const { column, fields } of spread) for (const f of fields) paths.set(`${column}.${f}`, `struct_extract(${expr(column)}, ${literal(f)})`);
  const select = columns.map((name) => (paths.has(name) ? `${paths.get(name)} AS ${ident(name)}` : ident(name)));
  return [`CREATE OR REPLACE ${temporary ? "TEMP " : ""}TABLE ${ident(table)} AS SELECT ${select.join(", ")} FROM ${ident(table)}`];
}

/** A table's columns once `spread` is applied (parents before their children): each spread column's fields in its place. */
export function spreadColumns(columns: readonly string[], spread: readonly Spread[]): string[] {
  return spread.reduce<string[]>((names, { column, fields }) => names.flatMap((n) => (n === column ? fields.map((f) => `${column}.${f}`) : [n])), [...columns]);
}

/** The sentence for the staged file's findings. */
export function describeSpread(spread: readonly Spread[]): string {
  const top = spread.filter((s) => !spread.some((p) => s.column.startsWith(`${p.column}.`)));
  return `Nested objects were read as columns, one per field: ${top.map((s) => s.column).join(", ")} (as ${top[0]!.column}.${top[0]!.fields[0]}).`;
}
