import { alikeIn, unlikeIn } from "@/lib/recipe/alike";
import type { TypeFinding } from "@/lib/csv/findings";
import { castStepFor, typeRuleFor } from "@/lib/csv/type-rule";
import type { Recipe, Rule, Step } from "@/lib/recipe/schema";

/** What findings of the read may add to the file's recipe, and whether it is there already. */
export interface FindingActions {
  addRules(rules: readonly Rule[]): void;
  hasRule(rule: Rule): boolean;
  addSteps(steps: readonly Step[]): void;
  hasStep(step: Step): boolean;
}

/** Findings' actions on a recipe: nothing is added twice, and several are added in one change. */
export function findingActions(recipe: Recipe, setRecipe: (recipe: Recipe) => void): FindingActions {
  const hasRule = alikeIn(recipe.rules);
  const hasStep = alikeIn(recipe.steps);
  return {
    addRules: (rules) => {
      const added = unlikeIn(rules, recipe.rules);
      if (added.length) setRecipe({ ...recipe, rules: [...recipe.rules, ...added] });
    },
    hasRule,
    addSteps: (steps) => {
      const added = unlikeIn(steps, recipe.steps);
      if (added.length) setRecipe({ ...recipe, steps: [...recipe.steps, ...added] });
    },
    hasStep,
  };
}

/** The rule a finding offers while it is not in the recipe (a finding with no values to find, yes and no or Excel's dates, offers none). */
export function ruleToOffer(finding: TypeFinding, actions: FindingActions, id: string): Rule | null {
  const rule = finding.values.length ? typeRuleFor(finding, id) : null;
  return rule && !actions.hasRule(rule) ? rule : null;
}

/** The cast step a finding offers while it is not in the recipe: once its rule is in, or at once where it has no values to find. */
export function castToOffer(finding: TypeFinding, actions: FindingActions): Step | null {
  const cast = castStepFor(finding);
  if (!cast || actions.hasStep(cast)) return null;
  const rule = typeRuleFor(finding, "offered");
  return !finding.values.length || (rule && actions.hasRule(rule)) ? cast : null;
}
