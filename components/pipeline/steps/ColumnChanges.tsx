import type { RunSummary } from "@/lib/engine/api";
import { columnChanges, describeChanges } from "@/lib/recipe/column-changes";
import type { Recipe } from "@/lib/recipe/schema";
import type { StagedFile } from "@/lib/staging/staged-file";

/** What the recipe did to the columns: renamed, removed, added, retyped. */
export function ColumnChanges({ file, recipe, summary }: { file: StagedFile; recipe: Recipe; summary: RunSummary | null }) {
  if (!summary || !file.columns) return null;
  return (
    <p className="text-xs text-muted" data-testid="column-changes">
      Columns: {describeChanges(columnChanges(file.columns, summary.finalColumns, recipe.steps))}.
    </p>
  );
}
