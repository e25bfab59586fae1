import { columnType, isObject, type JsonColumn, type JsonType } from "./json-records";

/**
 * Keys that differ only in case (an API that wrote `Name`, later `name`): DuckDB's column names ignore case,
 * so they were read as two columns (`Name` and `name_1`), each empty where the other held the value. Where no
 * record has two of them, they name one field: read as one column, named as first met. Where a record has
 * both, they stay apart, as DuckDB names them. So for the fields of objects inside records (`address.City`,
 * later `address.city`), which are spread into columns the same way.
 */
export type CaseKeys = string[];

type Row = Record<string, unknown>;

/**
 * The columns of `records` (json-records.ts `jsonColumns`) with each set of keys that differ only in case, and
 * never meet in a record, read as one: the first spelling's column, its type from all of their values; and so
 * for the fields of the objects inside them. The records given are changed so that the first spelling holds
 * the value (no new object per record). Each set merged, first spelling first, by its path.
 */
export function mergeCaseKeys(records: Row[], columns: readonly JsonColumn[]): { columns: JsonColumn[]; merged: CaseKeys[] } {
  if (!hasCaseVariants(columns.map((c) => c.key)) && !columns.some((c) => variesInside(c.type))) return { columns: [...columns], merged: [] };
  const merged: CaseKeys[] = [];
  const keys = mergeLevel(records, columns.map((c) => [c.key, c.type]), "", merged);
  const paths = new Map(columns.map((c) => [c.key, c.path]));
  return { columns: keys.map(([key, type]) => ({ key, type, ...(paths.get(key) ? { path: paths.get(key) } : {}) })), merged };
}

/** At one level of objects: the keys (with their types) that differ only in case, never in one object, made one; then those inside. */
function mergeLevel(objects: Row[], keys: [string, JsonType][], prefix: string, merged: CaseKeys[]): [string, JsonType][] {
  const sets = new Map<string, string[]>();
  for (const [key] of keys) sets.set(key.toLowerCase(), [...(sets.get(key.toLowerCase()) ?? []), key]);
  const here = [...sets.values()].filter((set) => set.length > 1 && neverTogether(objects, set));
  for (const [first, ...others] of here) {
    for (const object of objects) {
      if (object[first!] !== undefined) continue;
      const other = others.find((k) => object[k] !== undefined);
      if (other !== undefined) object[first!] = object[other];
    }
    merged.push([first!, ...others].map((k) => `${prefix}${k}`));
  }
  const dropped = new Set(here.flatMap((set) => set.slice(1)));
  const firsts = new Set(here.map((set) => set[0]));
  return keys
    .filter(([key]) => !dropped.has(key))
    .map(([key, type]): [string, JsonType] => {
      const typed = firsts.has(key) ? columnType(objects, key) : type;
      if (typed.kind !== "struct" || !variesInside(typed)) return [key, typed];
      const inside = objects.flatMap((o) => (isObject(o[key]) ? [o[key] as Row] : []));
      return [key, { kind: "struct", fields: new Map(mergeLevel(inside, [...typed.fields], `${prefix}${key}.`, merged)) }];
    });
}

const hasCaseVariants = (keys: readonly string[]) => new Set(keys.map((k) => k.toLowerCase())).size < keys.length;

/** Whether objects of this type, at any depth, have fields that differ only in case (read from the type alone). */
const variesInside = (type: JsonType): boolean =>
  type.kind === "struct" && (hasCaseVariants([...type.fields.keys()]) || [...type.fields.values()].some(variesInside));

const neverTogether = (objects: readonly Row[], keys: readonly string[]) => objects.every((object) => keys.filter((k) => object[k] !== undefined).length <= 1);

/** The sentence for the staged file's findings. */
export function describeCaseKeys(merged: readonly CaseKeys[]): string {
  const sets = merged.map(([first, ...others]) => `${first} (also written ${others.join(", ")})`);
  return `keys that differ only in case, never in the same record, read as one column: ${sets.join("; ")}`;
}
