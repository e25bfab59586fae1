import type { Column } from "@/lib/datasets/manifest";
import { ident } from "@/lib/sql/quote";
import { checkFlags, editedAs, sameKeySql, uniqueKeys, type CheckFlag } from "./checks";
import { editsInForce, editsReplaceSql, type CellEdit } from "./edits";
import type { References } from "./references";
import { REJECTED, ROW, decimalCommaColumns, passesSql } from "./rules";
import type { Recipe, Rule } from "./schema";

/**
 * Checking again only what an edit can change. When a recipe differs from
 * the last run's only in its edits, the rows whose cells changed are checked
 * again and their flags updated in place in the checks table; so are the
 * rows that share a key, old or new, with an edited row under a uniqueness
 * rule on an edited column (a repeat can appear or go away there). Every
 * other row's checks stand: a row's rules read only that row, and its line
 * does not depend on edits.
 */
export interface EditChange {
  /** The staged rows (1 = the first) whose edits in force differ. */
  rows: number[];
  /** The columns edited on those rows, before or after. */
  columns: string[];
}

/**
 * What a run can keep of the last completed run over the same read of the
 * same file (and the same other files): its checks when the rules are the
 * same (`editedSince`: the edits they were written with); its rejected rows,
 * brought up to date for the edits, when they are the rows those rules
 * reject, with the same choice for errors, and no step (then or now) that
 * removes rows (`rejectedKept`); and its result tables' columns when nothing
 * but the edits differs (`onlyEditsChanged`).
 */
export function keptFromLastRun(last: Recipe, recipe: Recipe): { editedSince?: CellEdit[]; onlyEditsChanged: boolean; rejectedKept: boolean } {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(last.rules, recipe.rules)) return { onlyEditsChanged: false, rejectedKept: false };
  const onlyEditsChanged = same({ ...last, edits: undefined }, { ...recipe, edits: undefined });
  const rejectedKept = onlyEditsChanged || (last.onErrors === recipe.onErrors && !stepsRemoveRows(last) && !stepsRemoveRows(recipe));
  return { editedSince: last.edits ?? [], onlyEditsChanged, rejectedKept };
}

/** Whether a recipe's steps can remove rows (filters, duplicate removal): those rows are listed with the rejected ones. */
export const stepsRemoveRows = (recipe: Recipe): boolean => recipe.steps.some((s) => s.enabled && (s.kind === "filter" || s.kind === "dedupe"));

const cellKey = (e: CellEdit) => `${e.row}\u0000${e.column}`;

/** What changed between two lists of edits, as edits in force. */
export function editsChangedBetween(before: readonly CellEdit[], after: readonly CellEdit[]): EditChange {
  const was = new Map(editsInForce(before).map((e) => [cellKey(e), e.to]));
  const now = new Map(editsInForce(after).map((e) => [cellKey(e), e.to]));
  const changed = [...new Set([...was.keys(), ...now.keys()])].filter((k) => was.get(k) !== now.get(k) || was.has(k) !== now.has(k));
  const cells = changed.map((k) => k.split("\u0000") as [string, string]);
  return { rows: [...new Set(cells.map(([row]) => Number(row)))].sort((a, b) => a - b), columns: [...new Set(cells.map(([, column]) => column))] };
}

/** Checking edited rows again: the rows and their new flags, then the update of the checks table from them. */
export interface Recheck {
  /** A SELECT of the rows checked again (ROW) with the flags they now have, to write to a table of its own. */
  patch: string;
  /** The UPDATE of the checks table from that table (`patchTable`). */
  update: (patchTable: string) => string;
}

/**
 * What brings a checks table (`checks`, written by `validationSql` with
 * `before` in force) to what `validationSql` would write with `edits` in
 * force; null when no row needs it. `staged` is the staged table, quoted;
 * `references`, the other files reference rules look values up in.
 */
export function recheckSql(
  checks: string,
  staged: string,
  rules: readonly Rule[],
  columns: readonly Column[],
  before: readonly CellEdit[],
  edits: readonly CellEdit[],
  references?: References,
): Recheck | null {
  const change = editsChangedBetween(before, edits);
  if (!change.rows.length) return null;
  const flags = checkFlags(rules);
  const decimalComma = decimalCommaColumns(rules);
  const edited = new Set(change.columns);
  // A uniqueness rule on an untouched key keeps its flags: no key of it changed anywhere.
  const keyed = flags.filter((f) => uniqueKeys(f.rule)?.some((k) => edited.has(k)));
  const checked = flags.filter((f) => !uniqueKeys(f.rule) || keyed.includes(f));
  const rowids = `[${change.rows.map((r) => r - 1).join(", ")}]`;
  const keysNow = (f: CheckFlag) => uniqueKeys(f.rule)!.map((k) => editedAs(columns, edits, k)).join(", ");
  const keysBefore = (f: CheckFlag) => uniqueKeys(f.rule)!.map((k) => editedAs(columns, before, k)).join(", ");
  const same = (f: CheckFlag, a: string, b: string) => sameKeySql(uniqueKeys(f.rule)!, a, b);
  const ctes = keyed.flatMap((f, i) => [
    // The keys in question: the edited rows' keys before and after.
    `_stages_k${i} AS MATERIALIZED (SELECT ${keysNow(f)} FROM ${staged} WHERE list_contains(${rowids}, rowid) UNION SELECT ${keysBefore(f)} FROM ${staged} WHERE list_contains(${rowids}, rowid))`,
    // Every row that carries one of them now: their repeats are counted again.
    `_stages_m${i} AS MATERIALIZED (SELECT * FROM (SELECT rowid AS _stages_id, ${keysNow(f)} FROM ${staged}) AS n WHERE EXISTS (SELECT 1 FROM _stages_k${i} AS k WHERE ${same(f, "n", "k")}))`,
    `_stages_d${i} AS MATERIALIZED (SELECT * EXCLUDE (_stages_id), true AS _stages_dup FROM _stages_m${i} GROUP BY ALL HAVING count(*) > 1)`,
  ]);
  const ids = [`SELECT unnest(${rowids})`, ...keyed.map((_, i) => `SELECT _stages_id FROM _stages_m${i}`)].join(" UNION ");
  const dups = keyed.map((f, i) => ` LEFT JOIN _stages_d${i} AS d${i} ON ${same(f, "s", `d${i}`)}`).join("");
  // A row brought in by one key's rule keeps its flags under another's (NULL here): its key there is not in question.
  const fails = checked.map((f) => {
    const i = keyed.indexOf(f);
    const fail = `NOT ${passesSql(f.rule, columns, { flag: i >= 0 ? `_stages_u${i}` : undefined, references, decimalComma })}`;
    return `${i >= 0 ? `CASE WHEN _stages_in${i} THEN ${fail} END` : fail} AS ${ident(f.flag)}`;
  });
  const rows = `SELECT CAST(rowid + 1 AS BIGINT) AS ${ROW}, *${editsReplaceSql(columns, edits)} FROM ${staged} WHERE rowid IN (${ids})`;
  const patch = `${ctes.length ? `WITH ${ctes.join(",\n")}\n` : ""}SELECT ${ROW}, ${fails.join(", ")}
FROM (SELECT s.*${keyed
    .map((_, i) => `, d${i}._stages_dup IS NULL AS _stages_u${i}, s.${ROW} - 1 IN (SELECT _stages_id FROM _stages_m${i}) AS _stages_in${i}`)
    .join("")} FROM (${rows}) AS s${dups})`;
  const value = (f: CheckFlag) => (checked.includes(f) ? `coalesce(p.${ident(f.flag)}, ${ident(checks)}.${ident(f.flag)})` : `${ident(checks)}.${ident(f.flag)}`);
  const rejecting = flags.filter((f) => f.rule.severity === "reject").map(value);
  const sets = [...checked.map((f) => `${ident(f.flag)} = ${value(f)}`), `${REJECTED} = ${rejecting.length ? rejecting.join(" OR ") : "false"}`];
  return { patch, update: (patchTable) => `UPDATE ${ident(checks)} SET ${sets.join(", ")} FROM ${ident(patchTable)} AS p WHERE ${ident(checks)}.${ROW} = p.${ROW}` };
}
