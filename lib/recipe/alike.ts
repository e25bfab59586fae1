import type { Rule, Step } from "./schema";

/** What a rule or step does, whatever its id, severity or switch (keys in order, unset ones left out). */
const doing = (item: Rule | Step): string =>
  JSON.stringify(
    Object.entries(item)
      .filter(([key, value]) => !["id", "severity", "enabled"].includes(key) && value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/** Whether the rules hold one that checks what `rule` checks (a suggestion already taken). */
export const hasRuleLike = (rules: readonly Rule[], rule: Rule): boolean => rules.some((r) => doing(r) === doing(rule));

/** Whether the steps hold one that does what `step` does. */
export const hasStepLike = (steps: readonly Step[], step: Step): boolean => steps.some((s) => doing(s) === doing(step));
