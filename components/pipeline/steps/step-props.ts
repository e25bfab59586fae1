import type { RunSummary } from "@/lib/engine/api";
import type { Recipe } from "@/lib/recipe/schema";
import type { StagesError } from "@/lib/result";
import type { StagedFile } from "@/lib/staging/staged-file";
import type { GridEdits } from "../../grid/useCellEditing";
import { useOtherReadyFiles } from "../../recipe/useOtherReadyFiles";
import type { Notify } from "../../notices";

/** What every step's panel gets from the workspace: the file, its recipe and the last run. */
export interface StepProps {
  file: StagedFile;
  recipe: Recipe;
  setRecipe: (recipe: Recipe) => void;
  summary: RunSummary | null;
  /** The last run's error, shown where it belongs. */
  error: StagesError | null;
  /** Staged and final rows correspond one to one (nothing rejected or removed, no SQL). */
  corresponding: boolean;
  notify: Notify;
}

/** The names of the staged data's columns, as the editors offer them. */
export const stagedColumns = (file: StagedFile): string[] => file.columns?.map((c) => c.name) ?? [];

/** The recipe's cell edits as an editable grid takes them: new edits are added to the recipe, stamped with their time. */
export const recipeEdits = (recipe: Recipe, setRecipe: (recipe: Recipe) => void): GridEdits => ({
  list: recipe.edits ?? [],
  onEdit: (...made) => setRecipe({ ...recipe, edits: [...(recipe.edits ?? []), ...made.map((edit) => ({ ...edit, at: new Date().toISOString() }))] }),
});

/** The other ready staged files by SQL name, with their column names: what the SQL stage and reference rules may read. */
export function useOtherFiles(own: string): Record<string, string[]> {
  return Object.fromEntries(useOtherReadyFiles(own).map((f) => [f.sqlName, f.columns.map((c) => c.name)]));
}
