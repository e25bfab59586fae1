import { ident } from "@/lib/sql/quote";
import { failedTextSql, failsAnySql, type Checks } from "@/lib/recipe/checks";
import { LINE, REJECTED, ROW, ruleMessage } from "@/lib/recipe/rules";
import { literal } from "@/lib/sql/quote";

/** A rule a row breaks, as a grid marks it: on its column's cell, or on the whole row (`column` null). */
export interface CellIssue {
  column: string | null;
  severity: "reject" | "warn";
  message: string;
}

/** Which rows a grid of checked rows shows: all of them, only those a rule rejects, or only those with warnings alone. */
export type OnlyRows = "errors" | "warnings";

/** A sorted or filtered view of a staged table carries each row's staged row id under this name. */
export const SOURCE_ROW = "_stages_src";

const UNIT = "chr(31)";
const RECORD = "chr(30)";

/** One text per row listing the rules it breaks (NULL when none), from the flags of a checks table (alias `c`). */
export const issuesTextSql = (checks: Checks, alias = ""): string =>
  failedTextSql(checks.flags, alias, (r) => `${literal("column" in r ? r.column : "")} || ${UNIT} || ${literal(r.severity)} || ${UNIT} || ${literal(ruleMessage(r))}`, RECORD);

/** The issues `issuesTextSql` wrote for one row. */
export function parseIssues(text: string | null | undefined): CellIssue[] {
  if (!text) return [];
  return text.split("\u001e").map((record) => {
    const [column = "", severity, ...message] = record.split("\u001f");
    return { column: column === "" ? null : column, severity: severity === "warn" ? "warn" : "reject", message: message.join("\u001f") };
  });
}

/** The issues of a page of a staged table in its own order: the checks are written in that order, one row per staged row. */
export const pageIssuesSql = (checks: Checks, offset: number, limit: number): string =>
  `SELECT ${issuesTextSql(checks)} AS issues FROM ${ident(checks.table)} WHERE rowid >= ${offset} AND rowid < ${offset + limit} ORDER BY rowid`;

/** The issues of a page of a sorted or filtered view of a staged table, through the staged row id it carries. */
export const viewIssuesSql = (view: string, checks: Checks, offset: number, limit: number): string =>
  `SELECT ${issuesTextSql(checks, "c")} AS issues FROM ${ident(view)} AS v LEFT JOIN ${ident(checks.table)} AS c ON c.${ROW} = v.${SOURCE_ROW} + 1
WHERE v.rowid >= ${offset} AND v.rowid < ${offset + limit} ORDER BY v.rowid`;

/**
 * The issues and staged row ids of a page of rejected rows (or a view of them), found through each
 * row's source line (`_line`): the checks hold one row per staged row, with its line.
 */
export const rejectedIssuesSql = (table: string, checks: Checks, offset: number, limit: number): string =>
  `SELECT ${issuesTextSql(checks, "c")} AS issues, CAST(c.${ROW} - 1 AS VARCHAR) AS row_id FROM ${ident(table)} AS r LEFT JOIN ${ident(checks.table)} AS c ON c.${LINE} = r._line
WHERE r.rowid >= ${offset} AND r.rowid < ${offset + limit} ORDER BY r.rowid`;

/** The condition on a staged table's rows that keeps only those with errors, or with warnings alone. */
export const onlyRowsSql = (only: OnlyRows, checks: Checks): string =>
  `rowid IN (SELECT ${ROW} - 1 FROM ${ident(checks.table)} WHERE ${only === "errors" ? REJECTED : `${failsAnySql(checks.flags)} AND NOT ${REJECTED}`})`;

/** The issues that mark one cell: those of its column, and those of the whole row. */
export const issuesOfCell = (issues: readonly CellIssue[], column: string): CellIssue[] => issues.filter((i) => i.column === column || i.column === null);
