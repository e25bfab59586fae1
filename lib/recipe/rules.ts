import type { Column } from "@/lib/datasets/manifest";
import { isPlainNumber } from "@/lib/number";
import { spliced } from "@/lib/sql/fragment";
import { ident, literal } from "@/lib/sql/quote";
import { hasNonBlankText, isNumericType } from "@/lib/sql/types";
import { describeFormat, formatSql, type DateFormat } from "./date-format";
import { fileWords, foundSql, keyPairs, referenceProblem, type References } from "./references";
import type { Rule } from "./schema";

/**
 * Rules: what each checks on a row, as SQL, and what it says when a row
 * breaks it. The table of every row's checks is built in checks.ts.
 */
export const ROW = "_stages_row";
export const LINE = "_stages_line";
export const ERRORS = "_stages_errors";
export const REJECTED = "_stages_rejected";
/** A pass-through final view's position of each row (the staged table's row id), to page it by (lib/recipe/pipeline.ts). */
export const PAGE = "_stages_page";
export const HIDDEN_COLUMNS = [ROW, LINE, PAGE] as const;
/** The parameter of the run's lambdas: DuckDB binds a column of that name first, and no file's column is named _stages_…. */
export const ITEM = "_stages_item";

/** Why a recipe cannot run over these columns: a file's column named like the ones a run adds would be taken for one. */
export function reservedColumnsProblem(columns: readonly Column[]): string | null {
  const taken = columns.filter((c) => c.name.toLowerCase().startsWith("_stages_")).map((c) => `“${c.name}”`);
  if (taken.length === 0) return null;
  const [subject, verb] = taken.length === 1 ? ["Column", "is"] : ["Columns", "are"];
  return `${subject} ${taken.join(", ")} ${verb} named like the columns a run adds to check the rows (names starting with _stages_), so no recipe can run on this file. Rename ${taken.length === 1 ? "it" : "them"} in the file and stage it again.`;
}

export const INTEGER = "^\\s*[+-]?\\d+\\s*$";
export const DECIMAL = "^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*$";
/** A number whose fraction follows a comma (12,50), its thousands grouped by points or not (1.234,56). */
export const DECIMAL_COMMA = "^\\s*[+-]?((\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d*)?|,\\d+)([eE][+-]?\\d+)?\\s*$";
/** SQL: the text of a number written with a decimal comma (1.234,56) as SQL writes it (1234.56): a point only groups thousands, so it goes before the comma becomes the point. */
export const decimalCommaText = (value: string): string => `replace(replace(CAST(${value} AS VARCHAR), '.', ''), ',', '.')`;
/** The words a boolean type rule takes (DuckDB casts each to a boolean), in lower case. */
export const BOOLEANS = ["true", "false", "t", "f", "yes", "no", "y", "n", "1", "0"];

/** A rule checked on each row (a "columns" rule is checked once, against the schema). */
export type RowRule = Exclude<Rule, { kind: "columns" }>;

export function ruleColumns(rule: Rule): string[] {
  if (rule.kind === "reference") return keyPairs(rule).map((p) => p.column);
  if ("column" in rule) return [rule.column];
  if (rule.kind === "uniqueKey") return rule.columns;
  return [];
}

/** Why a rule cannot run on these columns (and, for a reference, with these other files), or null. */
export function checkRule(rule: Rule, columns: readonly Column[], references: References = new Map()): string | null {
  const names = new Set(columns.map((c) => c.name));
  const missing = ruleColumns(rule).filter((c) => !names.has(c));
  if (missing.length) return `This rule refers to ${missing.map((m) => `"${m}"`).join(", ")}, which the data does not have.`;
  if (rule.kind === "range" && rule.min === undefined && rule.max === undefined) return "Give a minimum, a maximum, or both.";
  if (rule.kind === "length" && rule.min === undefined && rule.max === undefined) return "Give a minimum length, a maximum, or both.";
  if (rule.kind === "reference") return referenceProblem(rule, references);
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
      return `${c} must be ${TYPE_WORDS[rule.type]}${rule.format ? ` (format ${describeFormat(rule.format)})` : ""}${rule.type === "decimal" && rule.decimalChar ? " with a decimal comma" : ""}`;
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
    case "reference": {
      const pairs = keyPairs(rule);
      if (pairs.length === 1) return `${c} must be one of the "${rule.field}" values of ${fileWords(rule)}`;
      const names = (list: string[]) => `(${list.map((n) => `"${n}"`).join(", ")})`;
      return `${names(pairs.map((p) => p.column))} must be one of the ${names(pairs.map((p) => p.field))} values of ${fileWords(rule)}`;
    }
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

/** What a rule's check reads besides its row: a uniqueness rule's `flag` (computed apart), a reference rule's other files. */
export interface PassContext {
  flag?: string;
  references?: References;
  /** Columns of text whose numbers are written with a decimal comma (a type rule says so): a range reads them with it. */
  decimalComma?: ReadonlySet<string>;
}

/** The columns an enabled type rule says hold numbers written with a decimal comma (12,50), as Table Schema's field-wide decimalChar. */
export function decimalCommaColumns(rules: readonly Rule[]): Set<string> {
  return new Set(rules.flatMap((r) => (r.enabled && r.kind === "type" && r.type === "decimal" && r.decimalChar === "," ? [r.column] : [])));
}

/**
 * A SQL boolean that is true when the row passes the rule (never NULL). The
 * rules that compare rows (unique, uniqueKey) read `flag`, a column computed
 * apart by `validationSql`; a reference looks its value up in another file.
 */
export function passesSql(rule: RowRule, columns: readonly Column[], { flag = "false", references = new Map(), decimalComma }: PassContext = {}): string {
  if (rule.kind === "expression") return `(${spliced(rule.sql)} IS NOT FALSE)`;
  if (rule.kind === "uniqueKey") return flag;
  const col = ident(rule.column);
  const text = `CAST(${col} AS VARCHAR)`;
  const orNull = (check: string) => `(${col} IS NULL OR (${check}))`;
  switch (rule.kind) {
    case "required":
      // A number's or a date's text is never blank: not cast to text to find out (11.7 M BIGINTs: 0.6 s of a 6.7 s check, native DuckDB).
      return hasNonBlankText(columns.find((c) => c.name === rule.column)?.type ?? "") ? `(${col} IS NOT NULL)` : `(${col} IS NOT NULL AND trim(${text}) <> '')`;
    case "unique":
      return orNull(flag);
    case "type":
      return orNull(typeCheck(text, rule.type, rule.format, rule.decimalChar));
    case "range":
      return orNull(rangeCheck(col, columns.find((c) => c.name === rule.column)?.type ?? "", rule.min, rule.max, decimalComma?.has(rule.column)));
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
    case "reference": {
      // A key with an empty part is not looked up (as SQL's MATCH SIMPLE and Table Schema have it).
      const empty = keyPairs(rule).map((p) => `${ident(p.column)} IS NULL`);
      return `(${empty.join(" OR ")} OR ${foundSql(rule, columns, references)})`;
    }
  }
}

function typeCheck(text: string, type: "integer" | "decimal" | "date" | "timestamp" | "boolean", format?: DateFormat, decimalChar?: ","): string {
  switch (type) {
    case "integer":
      return `regexp_matches(${text}, ${literal(INTEGER)}) AND TRY_CAST(${text} AS HUGEINT) IS NOT NULL`;
    case "decimal":
      return `regexp_matches(${text}, ${literal(decimalChar ? DECIMAL_COMMA : DECIMAL)})`;
    case "date":
      return format ? `try_strptime(${text}, ${formatSql(format)}) IS NOT NULL` : `TRY_CAST(${text} AS DATE) IS NOT NULL`;
    case "timestamp":
      return format ? `try_strptime(${text}, ${formatSql(format)}) IS NOT NULL` : `TRY_CAST(${text} AS TIMESTAMP) IS NOT NULL`;
    case "boolean":
      return `lower(trim(${text})) IN (${BOOLEANS.map(literal).join(", ")})`;
  }
}

const isNumber = (s: string | undefined) => s === undefined || isPlainNumber(s.trim());

function rangeCheck(col: string, type: string, min?: string, max?: string, decimalComma = false): string {
  const numeric = isNumber(min) && isNumber(max);
  const text = decimalComma ? decimalCommaText(col) : `CAST(${col} AS VARCHAR)`;
  const value = numeric && !isNumericType(type) ? `TRY_CAST(${text} AS DOUBLE)` : col;
  const bound = (b: string) => (numeric ? b.trim() : literal(b));
  const checks = [
    min !== undefined ? `${value} >= ${bound(min)}` : "",
    max !== undefined ? `${value} <= ${bound(max)}` : "",
  ].filter(Boolean);
  return `coalesce(${checks.join(" AND ")}, false)`;
}
