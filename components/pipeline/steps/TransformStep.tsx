"use client";

import { useLiveQuery } from "dexie-react-hooks";
import type { StagedFile } from "@/lib/staging/staged-file";
import { stagingDb } from "@/browser/staging-store";
import { SqlEditor } from "../../recipe/SqlEditor";
import { StepsEditor } from "../../recipe/StepsEditor";
import { StagedAndFinal } from "../StagedAndFinal";
import { StepLayout } from "../StepLayout";
import { ColumnChanges } from "./ColumnChanges";
import { recipeEdits, stagedColumns, type StepProps } from "./step-props";

/** The other ready staged files by SQL name, with their columns: what the SQL stage may read, for completion. */
const readableSchema = (files: StagedFile[] | undefined, own: string): Record<string, string[]> =>
  Object.fromEntries((files ?? []).filter((f) => f.id !== own && f.status === "ready" && f.columns).map((f) => [f.sqlName, f.columns!.map((c) => c.name)]));

/** Transform: the steps and the SQL, beside the staged and final rows, with what they did to the columns. */
export function TransformStep({ file, recipe, setRecipe, summary, error, corresponding }: StepProps) {
  const staged = useLiveQuery(() => stagingDb().files.toArray(), []);
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
            schema={{ ...readableSchema(staged, file.id), transformed: (summary?.transformedColumns ?? file.columns ?? []).map((c) => c.name) }}
          />
        </>
      }
      data={<StagedAndFinal file={file} summary={summary} corresponding={corresponding} layout="stacked" share={2} edits={recipeEdits(recipe, setRecipe)} />}
    />
  );
}
