import { hasRuleLike, hasStepLike } from "@/lib/recipe/alike";
import type { Recipe, Rule, Step } from "@/lib/recipe/schema";

/** What a finding of the read may add to the file's recipe, and whether it is there already. */
export interface FindingActions {
  addRule(rule: Rule): void;
  hasRule(rule: Rule): boolean;
  addStep(step: Step): void;
  hasStep(step: Step): boolean;
}

/** A finding's actions on a recipe: nothing is added twice. */
export const findingActions = (recipe: Recipe, setRecipe: (recipe: Recipe) => void): FindingActions => ({
  addRule: (rule) => void (hasRuleLike(recipe.rules, rule) || setRecipe({ ...recipe, rules: [...recipe.rules, rule] })),
  hasRule: (rule) => hasRuleLike(recipe.rules, rule),
  addStep: (step) => void (hasStepLike(recipe.steps, step) || setRecipe({ ...recipe, steps: [...recipe.steps, step] })),
  hasStep: (step) => hasStepLike(recipe.steps, step),
});
