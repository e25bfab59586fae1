import { alikeIn, unlikeIn } from "@/lib/recipe/alike";
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
