import { columnType, type JsonColumn } from "./json-records";

/**
 * Keys that differ only in case (an API that wrote `Name`, later `name`): DuckDB's column names ignore case,
 * so they were read as two columns (`Name` and `name_1`), each empty where the other held the value. Where no
 * record has two of them, they name one field: read as one column, named as first met. Where a record has
 * both, they stay apart, as DuckDB names them.
 */
export type CaseKeys = string[];

/**
 * The columns of `records` (json-records.ts `jsonColumns`) with each set of keys that differ only in case, and
 * never meet in a record, read as one: the first spelling's column, its type from all of their values. The
 * records given are changed so that the first spelling holds the value (no new object per record). Each set
 * merged, first spelling first.
 */
export function mergeCaseKeys(records: Record<string, unknown>[], columns: readonly JsonColumn[]): { columns: JsonColumn[]; merged: CaseKeys[] } {
  const sets = new Map<string, string[]>();
  for (const { key } of columns) sets.set(key.toLowerCase(), [...(sets.get(key.toLowerCase()) ?? []), key]);
  const merged = [...sets.values()].filter((keys) => keys.length > 1 && neverTogether(records, keys));
  if (merged.length === 0) return { columns: [...columns], merged };
  for (const [first, ...others] of merged) {
    for (const record of records) {
      if (record[first!] !== undefined) continue;
      const other = others.find((k) => record[k] !== undefined);
      if (other !== undefined) record[first!] = record[other];
    }
  }
  const dropped = new Set(merged.flatMap((keys) => keys.slice(1)));
  const firsts = new Set(merged.map((keys) => keys[0]));
  return {
    columns: columns.filter((c) => !dropped.has(c.key)).map((c) => (firsts.has(c.key) ? { ...c, type: columnType(records, c.key) } : c)),
    merged,
  };
}

const neverTogether = (records: readonly Record<string, unknown>[], keys: readonly string[]) =>
  records.every((record) => keys.filter((k) => record[k] !== undefined).length <= 1);

/** The sentence for the staged file's findings. */
export function describeCaseKeys(merged: readonly CaseKeys[]): string {
  const sets = merged.map(([first, ...others]) => `${first} (also written ${others.join(", ")})`);
  return `keys that differ only in case, never in the same record, read as one column: ${sets.join("; ")}`;
}
