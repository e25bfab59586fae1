import { ident, literal } from "@/lib/sql/quote";
import type { JsonColumn } from "./json-records";

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

/**
 * The columns of records (json-records.ts) with their objects spread: each column whose every value is an
 * object (or missing), its type a struct with fields, in its place a column per field, named with its path and
 * reading its value there; fields that are objects in turn. The records stay as they are (making a new object
 * per record took longer than the rest of reading the file's types). What was spread comes parents first.
 */
export function spreadNested(columns: readonly JsonColumn[]): { columns: JsonColumn[]; spread: Spread[] } {
  let current = [...columns];
  const spread: Spread[] = [];
  for (;;) {
    const names = new Set(current.map((c) => c.key));
    const next = new Map<string, Spread>();
    for (const { key, type } of current) {
      if (type.kind !== "struct" || type.fields.size === 0) continue;
      const fields = [...type.fields.keys()];
      if (fields.some((f) => f === "" || names.has(`${key}.${f}`))) continue;
      next.set(key, { column: key, fields });
    }
    if (next.size === 0) return { columns: current, spread };
    current = current.flatMap((c) => {
      if (!next.has(c.key) || c.type.kind !== "struct") return [c];
      const path = c.path ?? [c.key];
      return [...c.type.fields].map(([field, type]) => ({ key: `${c.key}.${field}`, type, path: [...path, field] }));
    });
    spread.push(...next.values());
  }
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
