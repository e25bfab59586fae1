import type { RunSummary } from "@/lib/engine/api";
import type { Recipe } from "@/lib/recipe/schema";
import type { StagesError } from "@/lib/result";

/** What the rules and steps editors share: the recipe, the columns they offer, and the last run. */
export interface RecipeEditorProps {
  recipe: Recipe;
  setRecipe: (recipe: Recipe) => void;
  /** The columns of the staged data (steps: before any step). */
  columns: string[];
  summary: RunSummary | null;
  /** The last run's error, shown at the rule or step it belongs to. */
  error: StagesError | null;
}
