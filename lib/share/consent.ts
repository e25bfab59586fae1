import { ruleMessage } from "@/lib/recipe/rules";
import type { Recipe } from "@/lib/recipe/schema";
import { describeReadOptions, statedReadOptions } from "@/lib/recipe/read-options";
import { describeStep } from "@/lib/recipe/steps";

/**
 * What the consent screen lists for a recipe from someone else: every rule and
 * step in plain words, and beside it, verbatim, every piece of text that goes
 * into SQL (an expression, a filter, a derived column, a type, the SQL stage).
 * Labels are shown beside the SQL, never instead of it.
 */
export interface ConsentItem {
  part: "rule" | "step" | "sql" | "edit" | "read";
  index: number;
  words: string;
  /** Text that goes into SQL as the recipe gives it, with invisible line breaks made visible. */
  sql: string[];
  enabled: boolean;
}

export function consentItems(recipe: Recipe): ConsentItem[] {
  const rules = recipe.rules.map((rule, index): ConsentItem => ({
    part: "rule",
    index,
    words: `${rule.severity === "reject" ? "Reject rows where not" : "Warn where not"}: ${ruleMessage(rule)}`,
    sql: rule.kind === "expression" ? [rule.sql] : rule.kind === "pattern" ? [rule.pattern] : [],
    enabled: rule.enabled,
  }));
  const steps = recipe.steps.map((step, index): ConsentItem => ({
    part: "step",
    index,
    words: describeStep(step),
    sql:
      step.kind === "filter"
        ? [step.where]
        : step.kind === "derive"
          ? [step.expression]
          : step.kind === "cast"
            ? [step.type]
            : step.kind === "mapSchema"
              ? step.target.map((t) => t.type)
              : [],
    enabled: step.enabled,
  }));
  const sql: ConsentItem[] = recipe.sql ? [{ part: "sql", index: 0, words: "Then this SQL makes the final rows", sql: [recipe.sql], enabled: true }] : [];
  // An edited cell's value goes into SQL only as a quoted literal: shown as words, made visible like SQL.
  const edits = (recipe.edits ?? []).map((e, index): ConsentItem => ({
    part: "edit",
    index,
    words: visible(`set row ${e.row}, column ${e.column} to ${e.to === null ? "null" : `“${e.to}”`} (was ${e.from === null ? "null" : `“${e.from}”`})`),
    sql: [],
    enabled: true,
  }));
  // How the file is read before the recipe applies (lib/recipe/read-options.ts): forced types go into SQL.
  const read = statedReadOptions(recipe.expects?.read ?? {});
  const reading: ConsentItem[] = Object.keys(read).length
    ? [{ part: "read", index: 0, words: visible(`Read the file with ${describeReadOptions(read)}`), sql: Object.values(read.types ?? {}), enabled: true }]
    : [];
  return [...reading, ...rules, ...steps, ...sql, ...edits].map((item) => ({ ...item, sql: item.sql.map(visible) }));
}

/** Line breaks a reader would not see as such (a lone \r, U+2028, U+2029, U+0085) and other control characters, shown by name. */
export function visible(text: string): string {
  return text
    .replace(/\r\n/g, "\n")
    .replace(/\r/g, "⟨CR⟩\n")
    .replace(/[\u2028\u2029\u0085]/g, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩\n`)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`);
}
