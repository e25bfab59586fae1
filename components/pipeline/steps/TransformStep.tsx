"use client";

import { SqlEditor } from "../../recipe/SqlEditor";
import { StepsEditor } from "../../recipe/StepsEditor";
import { StagedAndFinal } from "../StagedAndFinal";
import { StepLayout } from "../StepLayout";
import { ColumnChanges } from "./ColumnChanges";
import { recipeEdits, stagedColumns, useOtherFiles, type StepProps } from "./step-props";

/** Transform: the steps and the SQL, beside the staged and final rows, with what they did to the columns. */
export function TransformStep({ file, recipe, setRecipe, summary, error, corresponding }: StepProps) {
  const others = useOtherFiles(file.id);
  return (
    <StepLayout
      tools={
        <>
          <ColumnChanges file={file} recipe={recipe} summary={summary} />
          <StepsEditor recipe={recipe} setRecipe={setRecipe} columns={stagedColumns(file)} summary={summary} error={error} />
          <SqlEditor
            recipe={recipe}
            setRecipe={setRecipe}
            error={error}
            schema={{ ...others, transformed: (summary?.transformedColumns ?? file.columns ?? []).map((c) => c.name) }}
          />
        </>
      }
      data={<StagedAndFinal file={file} summary={summary} corresponding={corresponding} layout="stacked" share={2} edits={recipeEdits(recipe, setRecipe)} />}
    />
  );
}
