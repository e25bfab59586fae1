import { isPlainNumber } from "@/lib/number";
import { ruleMessage } from "@/lib/recipe/rules";
import type { Rule } from "@/lib/recipe/schema";

/** A rule that an export cannot say, as the comment that says so. */
export const notExportedLine = (rule: Rule, target: string): string =>
  `rule ${rule.id} (${rule.severity === "warn" ? "warns" : "rejects"}): ${ruleMessage(rule)}: no ${target} equivalent`;

/** Numbers as numbers where the bound is one (range rules keep bounds as text). */
export const bound = (value: string): number | string => (isPlainNumber(value.trim()) ? Number(value) : value);

/** The header comment of a YAML export: where it comes from, and every rule it leaves out. */
export function yamlHeader(title: string, notExported: readonly string[]): string {
  return [`# ${title}`, ...(notExported.length ? ["# Not exported:", ...notExported.map((line) => `# - ${line.replace(/\n/g, " ")}`)] : [])].join("\n") + "\n";
}
