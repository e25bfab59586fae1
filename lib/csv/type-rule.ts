import type { Rule, Step } from "@/lib/recipe/schema";
import type { TypeFinding } from "./findings";

type RuleType = Extract<Rule, { kind: "type" }>["type"];

/** The rule type a DuckDB column type stands for (null: no rule checks it). */
function ruleType(duckdbType: string): RuleType | null {
  const t = duckdbType.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(t)) return "integer";
  if (/^(FLOAT|REAL|DOUBLE|DECIMAL)/.test(t)) return "decimal";
  if (t === "DATE") return "date";
  if (t.startsWith("TIMESTAMP")) return "timestamp";
  if (t === "BOOLEAN") return "boolean";
  return null;
}

/** How the values are written, as a rule and a cast read them: with a decimal comma (only numbers with a fraction have one), in a date format. */
const writtenAs = ({ decimalChar, format }: TypeFinding) => ({ ...(decimalChar ? { decimalChar } : {}), ...(format ? { format } : {}) });

/**
 * The rule that finds the values a CSV column held that did not fit the type
 * the sniffer guessed (the column was read as text): "n must be integer",
 * rejecting, so those rows are shown and fixed like any other error.
 */
export function typeRuleFor(finding: TypeFinding, id: string): Rule | null {
  const type = ruleType(finding.type);
  // Numbers written for people ($1,234.56) fit no type rule: the column is read as numbers once its misfits are gone.
  if (!type || finding.written) return null;
  return { id, kind: "type", column: finding.column, type, ...writtenAs(finding), severity: "reject", enabled: true };
}

/**
 * The step that makes the column the type it nearly is, for the final data: after the rule, the
 * rows it would fail on are rejected, so the rest cast (a decimal comma read as the point).
 */
export function castStepFor(finding: TypeFinding): Step | null {
  if (!ruleType(finding.type) || finding.written) return null;
  return { kind: "cast", column: finding.column, type: finding.type, ...writtenAs(finding), ...(finding.serial ? { from: "excelSerial" as const } : {}), enabled: true };
}

/**
 * The values a finding may offer to read as empty (a word where numbers are: TBD, unknown, ?): at most three, none
 * with a digit (31.02.2026 or 1O is a value gone wrong, to be fixed, not emptied).
 */
export function emptiableValues(finding: TypeFinding): string[] {
  const distinct = [...new Set(finding.values.map((v) => v.value.trim()))];
  return distinct.length <= 3 && distinct.every((v) => v !== "" && !/\d/.test(v)) ? distinct : [];
}

/**
 * The words several findings may offer to read as empty (TBD in a dozen columns of numbers), once for them all:
 * those of each finding that offers some, in the order found, where two findings or more do (one offers its own).
 */
export function sharedEmptiableValues(findings: readonly TypeFinding[]): string[] {
  const offered = findings.map(emptiableValues).filter((words) => words.length > 0);
  return offered.length > 1 ? [...new Set(offered.flat())] : [];
}
