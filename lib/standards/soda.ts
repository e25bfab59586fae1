import { stringify } from "yaml";
import { keyPairs, SELF } from "@/lib/recipe/references";
import type { Rule } from "@/lib/recipe/schema";
import { bound, notExportedLine, yamlHeader } from "./rule-words";

const col = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`);
/** Soda's built-in formats for the type rules it can say (without a custom format). */
const FORMATS: Record<string, string> = { integer: "integer", decimal: "decimal", date: "date iso 8601", timestamp: "date iso 8601" };

/**
 * The recipe's rules as SodaCL checks for the dataset: missing_count, duplicate_count,
 * invalid_count with valid values, formats, min and max, lengths and regex, failed rows
 * for SQL conditions, reference checks against the other staged file's dataset, and a
 * schema check for the expected columns. A rejecting rule fails
 * on any row; a warning warns. A rule SodaCL cannot say is a comment at the top.
 */
export function sodaChecksYml(dataset: string, rules: readonly Rule[]): string {
  const checks: unknown[] = [];
  const notExported: string[] = [];
  for (const rule of rules.filter((r) => r.enabled)) {
    const metric = (m: string, config: Record<string, unknown> = {}) =>
      checks.push(rule.severity === "warn" ? { [m]: { warn: "when > 0", ...config } } : Object.keys(config).length ? { [`${m} = 0`]: config } : `${m} = 0`);
    const invalid = (column: string, config: Record<string, unknown>) => metric(`invalid_count(${col(column)})`, config);
    switch (rule.kind) {
      case "required":
        metric(`missing_count(${col(rule.column)})`);
        break;
      case "unique":
        metric(`duplicate_count(${col(rule.column)})`);
        break;
      case "uniqueKey":
        metric(`duplicate_count(${rule.columns.map(col).join(", ")})`);
        break;
      case "oneOf":
        invalid(rule.column, { "valid values": rule.values });
        break;
      case "range":
        invalid(rule.column, { ...(rule.min !== undefined ? { "valid min": bound(rule.min) } : {}), ...(rule.max !== undefined ? { "valid max": bound(rule.max) } : {}) });
        break;
      case "length":
        invalid(rule.column, { ...(rule.min !== undefined ? { "valid min length": rule.min } : {}), ...(rule.max !== undefined ? { "valid max length": rule.max } : {}) });
        break;
      case "pattern":
        invalid(rule.column, { "valid regex": rule.pattern });
        break;
      case "type":
        if (rule.type === "boolean") invalid(rule.column, { "valid values": ["true", "false"] });
        else if (!rule.format && FORMATS[rule.type]) invalid(rule.column, { "valid format": rule.type === "decimal" && rule.decimalChar ? "decimal comma" : FORMATS[rule.type] });
        else notExported.push(notExportedLine(rule, "SodaCL"));
        break;
      case "expression":
        checks.push({ "failed rows": { name: `rule ${rule.id}`, "fail condition": `NOT (${rule.sql.trim()})`, ...(rule.severity === "warn" ? { warn: "when > 0" } : {}) } });
        break;
      case "reference":
        // A reference check takes no alert configuration: it fails, and cannot only warn.
        if (rule.severity === "warn") notExported.push(`${notExportedLine(rule, "SodaCL")} that only warns`);
        else {
          const pairs = keyPairs(rule);
          checks.push(`values in (${pairs.map((p) => col(p.column)).join(", ")}) must exist in ${rule.file === SELF ? dataset : rule.file} (${pairs.map((p) => col(p.field)).join(", ")})`);
        }
        break;
      case "columns":
        checks.push({ schema: { [rule.severity === "warn" ? "warn" : "fail"]: { "when required column missing": rule.expected } } });
        if (!rule.allowExtra) notExported.push(`rule ${rule.id}: only the expected columns are checked to be there; SodaCL cannot refuse others without naming them`);
        break;
    }
  }
  return yamlHeader(`SodaCL checks for ${dataset}, exported by Stages`, notExported) + stringify({ [`checks for ${dataset}`]: checks });
}
