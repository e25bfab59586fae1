import type { Column } from "@/lib/datasets/manifest";
import { isPlainNumber } from "@/lib/number";
import { spliced } from "@/lib/sql/fragment";
import { ident, literal } from "@/lib/sql/quote";
import { isNumericType } from "@/lib/sql/types";
import { editedColumnSql, editsReplaceSql, type CellEdit } from "./edits";
import type { Rule } from "./schema";

/**
 * Rules compile to one SELECT that checks every rule in a single pass: each
 * row gets a list of the rules it breaks (_stages_errors) and a flag saying
 * whether any of them rejects it (_stages_rejected).
 */
export const ROW = "_stages_row";
export const LINE = "_stages_line";
export const ERRORS = "_stages_errors";
export const REJECTED = "_stages_rejected";
/** A pass-through final view's position of each row (the staged table's row id), to page it by (lib/recipe/pipeline.ts). */
export const PAGE = "_stages_page";
export const HIDDEN_COLUMNS = [ROW, LINE, PAGE] as const;

const ERROR_TYPE = "STRUCT(rule VARCHAR, col VARCHAR, severity VARCHAR, message VARCHAR, value VARCHAR)[]";
const INTEGER = "^\\s*[+-]?\\d+\\s*$";
const DECIMAL = "^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*$";
const BOOLEANS = ["true", "false", "t", "f", "yes", "no", "y", "n", "1", "0"];

type RowRule = Exclude<Rule, { kind: "columns" }>;

export function ruleColumns(rule: Rule): string[] {
  if ("column" in rule) return [rule.column];
  if (rule.kind === "uniqueKey") return rule.columns;
  return [];
}

/** Why a rule cannot run on these columns, or null. */
export function checkRule(rule: Rule, columns: readonly Column[]): string | null {
  const names = new Set(columns.map((c) => c.name));
  const missing = ruleColumns(rule).filter((c) => !names.has(c));
  if (missing.length) return `This rule refers to ${missing.map((m) => `"${m}"`).join(", ")}, which the data does not have.`;
  if (rule.kind === "range" && rule.min === undefined && rule.max === undefined) return "Give a minimum, a maximum, or both.";
  if (rule.kind === "length" && rule.min === undefined && rule.max === undefined) return "Give a minimum length, a maximum, or both.";
  return null;
}

export function ruleMessage(rule: Rule): string {
  const c = "column" in rule ? `"${rule.column}"` : "";
  switch (rule.kind) {
    case "required":
      return `${c} is required`;
    case "unique":
      return `${c} must be unique`;
    case "type":
      return `${c} must be ${TYPE_WORDS[rule.type]}${rule.format ? ` (format ${rule.format})` : ""}`;
    case "range":
      return `${c} must be ${bounds(rule.min, rule.max, "")}`;
    case "length":
      return `${c} must be ${bounds(rule.min?.toString(), rule.max?.toString(), " characters long")}`;
    case "pattern":
      return `${c} must match ${rule.pattern}`;
    case "oneOf":
      return `${c} must be one of: ${rule.values.join(", ")}`;
    case "expression":
      return rule.label ?? `rows must satisfy ${rule.sql}`;
    case "uniqueKey":
      return `(${rule.columns.join(", ")}) must be unique together`;
    case "columns":
      return `the columns must be ${rule.expected.join(", ")}${rule.allowExtra ? " (others allowed)" : ""}`;
  }
}

const TYPE_WORDS = {
  integer: "a whole number",
  decimal: "a number",
  date: "a date",
  timestamp: "a date and time",
  boolean: "true or false",
} as const;

function bounds(min: string | undefined, max: string | undefined, unit: string): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}${unit}`;
  return min !== undefined ? `at least ${min}${unit}` : `at most ${max}${unit}`;
}

/** Table-level findings: the "columns" rules, checked against the schema. */
export function columnFindings(rules: readonly Rule[], columns: readonly Column[]): { rule: Rule; message: string }[] {
  const present = columns.map((c) => c.name);
  const out: { rule: Rule; message: string }[] = [];
  for (const rule of rules) {
    if (rule.kind !== "columns" || !rule.enabled) continue;
    const missing = rule.expected.filter((c) => !present.includes(c));
    const extra = rule.allowExtra ? [] : present.filter((c) => !rule.expected.includes(c));
    const parts = [
      missing.length ? `missing ${missing.map((m) => `"${m}"`).join(", ")}` : "",
      extra.length ? `unexpected ${extra.map((m) => `"${m}"`).join(", ")}` : "",
    ].filter(Boolean);
    if (parts.length) out.push({ rule, message: `Columns: ${parts.join("; ")}.` });
  }
  return out;
}

/**
 * A SQL boolean that is true when the row passes the rule (never NULL). The
 * rules that compare rows (unique, uniqueKey) read `flag`, a column computed
 * apart by `validationSql`.
 */
export function passesSql(rule: RowRule, columns: readonly Column[], flag = "false"): string {
  if (rule.kind === "expression") return `(${spliced(rule.sql)} IS NOT FALSE)`;
  if (rule.kind === "uniqueKey") return flag;
  const col = ident(rule.column);
  const text = `CAST(${col} AS VARCHAR)`;
  const orNull = (check: string) => `(${col} IS NULL OR (${check}))`;
  switch (rule.kind) {
    case "required":
      return `(${col} IS NOT NULL AND trim(${text}) <> '')`;
    case "unique":
      return orNull(flag);
    case "type":
      return orNull(typeCheck(text, rule.type, rule.format));
    case "range":
      return orNull(rangeCheck(col, columns.find((c) => c.name === rule.column)?.type ?? "", rule.min, rule.max));
    case "length": {
      const checks = [
        rule.min !== undefined ? `length(${text}) >= ${rule.min}` : "",
        rule.max !== undefined ? `length(${text}) <= ${rule.max}` : "",
      ];
      return orNull(checks.filter(Boolean).join(" AND ") || "true");
    }
    case "pattern":
      return orNull(`regexp_matches(${text}, ${literal(rule.pattern)})`);
    case "oneOf":
      return orNull(`${text} IN (${rule.values.map(literal).join(", ")})`);
  }
}

function typeCheck(text: string, type: "integer" | "decimal" | "date" | "timestamp" | "boolean", format?: string): string {
  switch (type) {
    case "integer":
      return `regexp_matches(${text}, ${literal(INTEGER)}) AND TRY_CAST(${text} AS HUGEINT) IS NOT NULL`;
    case "decimal":
      return `regexp_matches(${text}, ${literal(DECIMAL)})`;
    case "date":
      return format ? `try_strptime(${text}, ${literal(format)}) IS NOT NULL` : `TRY_CAST(${text} AS DATE) IS NOT NULL`;
    case "timestamp":
      return format ? `try_strptime(${text}, ${literal(format)}) IS NOT NULL` : `TRY_CAST(${text} AS TIMESTAMP) IS NOT NULL`;
    case "boolean":
      return `lower(trim(${text})) IN (${BOOLEANS.map(literal).join(", ")})`;
  }
}

const isNumber = (s: string | undefined) => s === undefined || isPlainNumber(s.trim());

function rangeCheck(col: string, type: string, min?: string, max?: string): string {
  const numeric = isNumber(min) && isNumber(max);
  const value = numeric && !isNumericType(type) ? `TRY_CAST(CAST(${col} AS VARCHAR) AS DOUBLE)` : col;
  const bound = (b: string) => (numeric ? b.trim() : literal(b));
  const checks = [
    min !== undefined ? `${value} >= ${bound(min)}` : "",
    max !== undefined ? `${value} <= ${bound(max)}` : "",
  ].filter(Boolean);
  return `coalesce(${checks.join(" AND ")}, false)`;
}

/** The keys a row-comparing rule partitions by, or null for a rule that looks at one row. */
const uniqueKeys = (rule: RowRule): string[] | null =>
  rule.kind === "unique" ? [rule.column] : rule.kind === "uniqueKey" ? rule.columns : null;

/**
 * The checks of every row of `input`, one narrow row per input row, in input
 * order: its row number, its source line (header lines plus newlines inside
 * earlier quoted fields), its errors and whether a rejecting rule failed.
 * The input's columns are not copied: `checkedRowsSql` joins the checks to
 * the rows by position.
 *
 * Most rows pass every rule, so the list of errors is built only for a row
 * that fails one (a list of ten structs per row was most of the work); a
 * value spanning lines is measured only when it holds a newline.
 *
 * Window functions hold every column they are given in memory, and DuckDB-WASM
 * cannot spill to disk, so the line numbers are computed on a narrow
 * projection (row number, newline count, key columns), put back in row order,
 * and joined to the rows by position. A uniqueness rule reads a small table of
 * the key values that occur more than once (a grouping, materialized first)
 * instead of a window of its own: two windows over 23 M rows at once ran
 * DuckDB-WASM out of memory where either alone did not.
 */
export function validationSql(input: string, rules: readonly Rule[], columns: readonly Column[], headerLines = 1, edits: readonly CellEdit[] = []): string {
  const edited = (name: string) => `${editedColumnSql(columns.find((c) => c.name === name) ?? { name, type: "VARCHAR" }, edits)} AS ${ident(name)}`;
  const active = rules.filter((r): r is RowRule => r.enabled && r.kind !== "columns");
  const flags = new Map(active.flatMap((r, i) => (uniqueKeys(r) ? [[r, `_stages_u${i}`] as const] : [])));
  const fails = active.map((r) => `NOT ${passesSql(r, columns, flags.has(r) ? `aux.${flags.get(r)}` : undefined)}`);
  const entries = active.map(
    (r, i) =>
      `CASE WHEN ${fails[i]} THEN {'rule': ${literal(r.id)}, 'col': ${
        "column" in r ? literal(r.column) : "NULL"
      }, 'severity': ${literal(r.severity)}, 'message': ${literal(ruleMessage(r))}, 'value': ${
        "column" in r ? `CAST(src.${ident(r.column)} AS VARCHAR)` : "NULL"
      }} END`,
  );
  const none = `CAST([] AS ${ERROR_TYPE})`;
  const errors = entries.length
    ? `CASE WHEN ${fails.join(" OR ")} THEN CAST(list_filter([${entries.join(", ")}], e -> e IS NOT NULL) AS ${ERROR_TYPE}) ELSE ${none} END`
    : none;
  const rejecting = fails.filter((_, i) => active[i]!.severity === "reject");
  const rejected = rejecting.length ? `(${rejecting.join(" OR ")})` : "false";
  const newlines = columns
    .filter((c) => /^VARCHAR/i.test(c.type))
    .map((c) => ident(c.name))
    .map((c) => `CASE WHEN contains(${c}, chr(10)) THEN length(${c}) - length(replace(${c}, chr(10), '')) ELSE 0 END`);
  const line = newlines.length
    ? `${ROW} + ${headerLines} + coalesce(sum(_stages_nl) OVER (ORDER BY ${ROW} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)`
    : `${ROW} + ${headerLines}`;
  const keyColumns = [...new Set([...flags.keys()].flatMap((r) => uniqueKeys(r)!))];
  const narrow = [`CAST(rowid + 1 AS BIGINT) AS ${ROW}`, ...(newlines.length ? [`${newlines.join(" + ")} AS _stages_nl`] : []), ...keyColumns.map(edited)];
  const repeated = [...flags].map(([r, name], i) => {
    const keys = uniqueKeys(r)!.map(ident);
    return {
      cte: `_stages_dups${i} AS MATERIALIZED (SELECT ${uniqueKeys(r)!.map(edited).join(", ")}, true AS _stages_dup FROM ${input} GROUP BY ALL HAVING count(*) > 1)`,
      join: `LEFT JOIN _stages_dups${i} AS d${i} ON ${keys.map((k) => `n.${k} IS NOT DISTINCT FROM d${i}.${k}`).join(" AND ")}`,
      flag: `d${i}._stages_dup IS NULL AS ${name}`,
    };
  });
  return `${repeated.length ? `WITH ${repeated.map((d) => d.cte).join(",\n")}\n` : ""}SELECT src.${ROW}, aux.${LINE}, ${errors} AS ${ERRORS}, ${rejected} AS ${REJECTED}
FROM (SELECT CAST(rowid + 1 AS BIGINT) AS ${ROW}, *${editsReplaceSql(columns, edits)} FROM ${input}) AS src
POSITIONAL JOIN (
  SELECT CAST(${line} AS BIGINT) AS ${LINE}${repeated.map((d) => `, ${d.flag}`).join("")}
  FROM (SELECT ${narrow.join(", ")} FROM ${input}) AS n${repeated.map((d) => ` ${d.join}`).join("")}
  ORDER BY ${ROW}
) AS aux`;
}

/** The rows of `input` (with `replace`, the edits: lib/recipe/edits.ts) beside their checks (`validationSql`, written to `checks`), joined by position. */
export const checkedRowsSql = (input: string, checks: string, replace = ""): string =>
  `SELECT c.${ROW}, s.*, c.${LINE}, c.${ERRORS}, c.${REJECTED} FROM ${replace ? `(SELECT *${replace} FROM ${input})` : input} AS s POSITIONAL JOIN ${checks} AS c`;
