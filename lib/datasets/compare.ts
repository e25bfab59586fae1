import type { Column } from "./manifest";
import { ident } from "@/lib/sql/quote";

/**
 * How one dataset version differs from another: columns added, removed or
 * retyped (from the manifests), and rows only in either (by value, over the
 * columns both share, counting duplicates).
 */
export interface SchemaDiff {
  added: Column[];
  removed: Column[];
  retyped: { name: string; from: string; to: string }[];
}

export function schemaDiff(before: readonly Column[], after: readonly Column[]): SchemaDiff {
  const old = new Map(before.map((c) => [c.name, c.type]));
  const now = new Map(after.map((c) => [c.name, c.type]));
  return {
    added: after.filter((c) => !old.has(c.name)),
    removed: before.filter((c) => !now.has(c.name)),
    retyped: after.flatMap((c) => (old.has(c.name) && old.get(c.name) !== c.type ? [{ name: c.name, from: old.get(c.name)!, to: c.type }] : [])),
  };
}

/** Counts of rows only in `a` and only in `b`, compared on the shared columns as text. */
export function rowDiffSql(a: string, b: string, shared: readonly string[]): string {
  const cols = shared.length ? shared.map((c) => `CAST(${ident(c)} AS VARCHAR)`).join(", ") : "1";
  return `SELECT
  (SELECT count(*) FROM (SELECT ${cols} FROM ${ident(a)} EXCEPT ALL SELECT ${cols} FROM ${ident(b)}))::BIGINT AS only_before,
  (SELECT count(*) FROM (SELECT ${cols} FROM ${ident(b)} EXCEPT ALL SELECT ${cols} FROM ${ident(a)}))::BIGINT AS only_after`;
}
