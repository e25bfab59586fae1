"use client";

import { useRef, useState } from "react";
import type { Step } from "@/lib/workspace/steps";
import { suggestDatasetName } from "@/lib/datasets/name";
import type { DerivedFrom, StagedFile } from "@/lib/staging/staged-file";
import { firstStep, stepStates } from "@/lib/workspace/steps";
import { PromotePanel } from "../destination/PromotePanel";
import type { Notify } from "../notices";
import { findingActions } from "../staging/finding-actions";
import { summaryOf, useRecipe, useRecipeRun } from "../recipe/useRecipe";
import { FlowSteps } from "./FlowSteps";
import { PromoteStep } from "./steps/PromoteStep";
import { ReviewStep } from "./steps/ReviewStep";
import { StageStep } from "./steps/StageStep";
import type { StepProps } from "./steps/step-props";
import { TransformStep } from "./steps/TransformStep";
import { ValidateStep } from "./steps/ValidateStep";
import { useStep } from "./useStep";
import { WorkspaceBar } from "./WorkspaceBar";

/**
 * One staged file's pipeline: a bar that keeps the counts and the
 * promotion in view, the flow as navigation, and the current step's panel.
 */
export function Workspace({ file, notify, onRemove, onAddFiles }: { file: StagedFile; notify: Notify; onRemove: () => void; onAddFiles: (files: File[], derivedFrom?: DerivedFrom[]) => void }) {
  const [recipe, setRecipe] = useRecipe(file.id);
  const { run, cancel, retry } = useRecipeRun(file.id, file.status === "ready" ? recipe : undefined, file.readCount);
  const summary = summaryOf(run);
  // The step a file opens on is settled once it is first read: read again from its Stage step (a finding taken,
  // an option changed), it stays there, rather than moving to Validate when nothing is left to look at.
  const opening = useRef<Step | null>(null);
  if (opening.current === null && file.status === "ready") opening.current = firstStep(file);
  const [step, go] = useStep(opening.current ?? firstStep(file));
  const [promoted, setPromoted] = useState<string | null>(null);
  const [datasetName, setDatasetName] = useState(() => suggestDatasetName(file.name));
  // Rows correspond one to one when nothing was rejected or removed and no SQL reshaped them.
  const corresponding = summary !== null && summary.rejected === 0 && summary.final === summary.rowsIn && !recipe?.sql;
  const ready = file.status === "ready" && file.columns !== undefined && recipe !== undefined;
  const props: StepProps | null = ready
    ? { file, recipe, setRecipe, summary, error: run.kind === "failed" ? run.error : null, corresponding, notify }
    : null;

  return (
    <section aria-labelledby="workspace-heading" className="space-y-3">
      <WorkspaceBar
        file={file}
        run={run}
        cancel={cancel}
        retry={retry}
        showError={(part) => go(part === "rule" ? "validate" : "transform")}
        keepsErrors={recipe?.onErrors === "include"}
        promote={
          recipe && (
            <PromotePanel
              file={file}
              recipe={recipe}
              ready={run.kind === "done"}
              summary={summary}
              notify={notify}
              onRemoveSource={onRemove}
              onPromoted={setPromoted}
              name={datasetName}
              setName={setDatasetName}
            />
          )
        }
      />
      <FlowSteps states={stepStates(file, recipe, summary, promoted)} current={step} go={go} />
      {step === "stage" || !props ? (
        <StageStep
          file={file}
          notify={notify}
          onAddFiles={onAddFiles}
          actions={recipe ? findingActions(recipe, setRecipe) : undefined}
        />
      ) : step === "validate" ? (
        <ValidateStep {...props} />
      ) : step === "transform" ? (
        <TransformStep {...props} />
      ) : step === "review" ? (
        <ReviewStep {...props} />
      ) : (
        <PromoteStep {...props} datasetName={datasetName} />
      )}
    </section>
  );
}
