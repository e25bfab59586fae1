"use client";

import { useCallback, useMemo, useState } from "react";
import { keepsCodes } from "@/lib/staging/parse-options";
import { isPlainView, type GridView } from "@/lib/grid/view";
import { BulkFix, type ShownRows } from "../../recipe/BulkFix";
import { ExportChecks } from "../../recipe/ExportChecks";
import { EditsList } from "../../recipe/EditsList";
import { RecipeLibrary } from "../../recipe/RecipeLibrary";
import { RulesEditor } from "../../recipe/RulesEditor";
import { ProfilePanel } from "../ProfilePanel";
import { StagedAndFinal } from "../StagedAndFinal";
import { StepLayout } from "../StepLayout";
import { recipeEdits, stagedColumns, useOtherFiles, type StepProps } from "./step-props";

/** Validate: the rules, the cells fixed by hand, what the profiles suggest, and the recipe to save, apply or import, beside the staged and final rows (whose cells are marked and editable). */
export function ValidateStep({ file, recipe, setRecipe, summary, error, corresponding, notify }: StepProps) {
  const [shown, setShown] = useState<ShownRows | null>(null);
  const others = useOtherFiles(file.id);
  const onStagedView = useCallback((view: GridView, rows: number) => setShown(isPlainView(view) ? null : { view, rows }), []);
  const labelled = useMemo(() => ({ codeLabels: file.codeLabels, asCodes: keepsCodes(file.parse) }), [file.codeLabels, file.parse]);
  return (
    <StepLayout
      tools={
        <>
          <RulesEditor recipe={recipe} setRecipe={setRecipe} columns={stagedColumns(file)} files={others} summary={summary} error={error} />
          <EditsList file={file} recipe={recipe} setRecipe={setRecipe} />
          <BulkFix file={file} recipe={recipe} setRecipe={setRecipe} shown={shown} />
          <ProfilePanel
            key={file.readCount}
            staged={{ kind: "staged", fileId: file.id }}
            final={summary ? { kind: "result", fileId: file.id, part: "final", runId: summary.runId } : null}
            recipe={recipe}
            setRecipe={setRecipe}
            labelled={labelled}
          />
          <RecipeLibrary file={file} recipe={recipe} setRecipe={setRecipe} notify={notify} />
          <ExportChecks name={file.sqlName || "data"} columns={file.columns ?? []} recipe={recipe} />
        </>
      }
      data={<StagedAndFinal file={file} summary={summary} corresponding={corresponding} layout="stacked" share={2} edits={recipeEdits(recipe, setRecipe)} onStagedView={onStagedView} />}
    />
  );
}
