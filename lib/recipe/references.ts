import type { Column } from "@/lib/datasets/manifest";
import { ident } from "@/lib/sql/quote";
import type { Rule } from "./schema";

/**
 * Foreign keys: a "reference" rule looks each value of a column up among the
 * values of a column of another staged file (Frictionless `foreignKeys`, dbt
 * `relationships`, Soda reference checks). The other file is named by its SQL
 * name; whoever compiles the checks says which table holds it (the engine's
 * staged table, or the check database's empty stand-in), and nothing else is
 * readable from a rule. A key into the file itself (`file` "") reads the
 * file's own rows, with the edits in force, as the pipeline gives them.
 */
export type ReferenceRule = Extract<Rule, { kind: "reference" }>;

/** The rule's key, column by column: each column of this file beside the column of the other file it is looked up in. */
export const keyPairs = (rule: ReferenceRule): { column: string; field: string }[] => [{ column: rule.column, field: rule.field }, ...(rule.moreKeys ?? [])];

/** The staged files a rule may look values up in, by SQL name: the table holding each (as SQL, quoted) and its columns. */
export type References = ReadonlyMap<string, { table: string; columns: readonly Column[] }>;

/** The file name a reference into the file itself has (Table Schema's empty resource name). */
export const SELF = "";

/** The SQL names of the other staged files the recipe's enabled rules look values up in, each once. */
export const referencedFiles = (rules: readonly Rule[]): string[] => [
  ...new Set(rules.flatMap((r) => (r.kind === "reference" && r.enabled && r.file !== SELF ? [r.file] : []))),
];

/** The columns of this file that its own reference rules look values up in (an edit there changes other rows' lookups). */
export const selfReferencedColumns = (rules: readonly Rule[]): string[] =>
  rules.flatMap((r) => (r.kind === "reference" && r.enabled && r.file === SELF ? keyPairs(r).map((p) => p.field) : []));

/** How the rule names the file it reads. */
export const fileWords = (rule: ReferenceRule): string => (rule.file === SELF ? "this file" : rule.file);

/** Why a reference rule cannot run with these files, or null. */
export function referenceProblem(rule: ReferenceRule, references: References): string | null {
  const other = references.get(rule.file);
  if (!other) return `This rule looks values up in the staged file "${rule.file}", and no other staged file has that SQL name. Stage it, or switch the rule off.`;
  const missing = keyPairs(rule).find((p) => !other.columns.some((c) => c.name === p.field));
  if (!missing) return null;
  return rule.file === SELF ? `This file has no column "${missing.field}".` : `The staged file "${rule.file}" has no column "${missing.field}".`;
}

const typeOf = (columns: readonly Column[], name: string) => columns.find((c) => c.name === name)?.type.toUpperCase() ?? "VARCHAR";

/**
 * True when the row's value of the rule's column (its values of the key's
 * columns, together) is among the other file's (never NULL: a value that is
 * not there, or is compared with NULLs only, is false). An uncorrelated IN,
 * which DuckDB runs as one hash join over the other file's columns. Values of
 * different types are compared as text.
 */
export function foundSql(rule: ReferenceRule, columns: readonly Column[], references: References): string {
  const other = references.get(rule.file)!;
  const pairs = keyPairs(rule).map(({ column, field }) => {
    const sameType = typeOf(columns, column) === typeOf(other.columns, field);
    const as = (expr: string) => (sameType ? expr : `CAST(${expr} AS VARCHAR)`);
    return { here: as(ident(column)), there: as(ident(field)) };
  });
  const row = (terms: string[]) => (terms.length === 1 ? terms[0]! : `(${terms.join(", ")})`);
  return `coalesce(${row(pairs.map((p) => p.here))} IN (SELECT ${pairs.map((p) => p.there).join(", ")} FROM ${other.table}), false)`;
}
