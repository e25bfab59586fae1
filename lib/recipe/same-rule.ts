import type { Rule } from "./schema";

/** What a rule checks, whatever its id, severity or switch: two rules alike check the same rows the same way. */
const checked = (rule: Rule): string =>
  JSON.stringify(
    Object.entries(rule)
      .filter(([key, value]) => !["id", "severity", "enabled"].includes(key) && value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/** Whether the rules hold one that checks what `rule` checks (a suggestion already taken). */
export const hasRuleLike = (rules: readonly Rule[], rule: Rule): boolean => rules.some((r) => checked(r) === checked(rule));
