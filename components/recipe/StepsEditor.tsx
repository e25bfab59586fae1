"use client";

import { useState } from "react";
import { buildStep, STEP_FORMS, stepFormValues, type FormStepKind } from "@/lib/recipe/forms";
import type { Step } from "@/lib/recipe/schema";
import { compileSteps, describeStep } from "@/lib/recipe/steps";
import { SchemaMapper } from "./SchemaMapper";
import type { RecipeEditorProps } from "./editorProps";
import { ErrorAt } from "./ErrorAt";
import { SpecForm } from "./SpecForm";


const small = "rounded px-1 text-xs underline disabled:opacity-40 focus-visible:outline-2";

/** Transform steps: an ordered list that can be edited, disabled, moved and removed. */
export function StepsEditor({ recipe, setRecipe, columns, summary, error }: RecipeEditorProps) {
  const steps = recipe.steps;
  const [editing, setEditing] = useState<number | null>(null);
  const set = (next: Step[]) => setRecipe({ ...recipe, steps: next });
  /** The columns a step at position i sees: what the steps before it leave. */
  const columnsBefore = (i: number) => {
    const compiled = compileSteps("input", steps.slice(0, i), columns);
    return compiled.ok ? compiled.columns : columns;
  };
  const move = (i: number, by: number) => {
    const next = [...steps];
    const [step] = next.splice(i, 1);
    next.splice(i + by, 0, step!);
    set(next);
  };

  return (
    <section aria-labelledby="steps-heading" className="space-y-2">
      <h3 id="steps-heading" className="text-sm font-semibold">
        Transform steps
      </h3>
      {steps.length === 0 && <p className="text-xs text-muted">No steps yet: valid rows pass through unchanged.</p>}
      <ol className="space-y-1">
        {steps.map((step, i) => (
          <li key={i} className="rounded border border-slate-200 p-2 text-sm dark:border-slate-800">
            <div className="flex flex-wrap items-center gap-2">
              <input
                type="checkbox"
                aria-label={`Step ${i + 1} enabled`}
                checked={step.enabled}
                onChange={(e) => set(steps.map((s, j) => (j === i ? { ...s, enabled: e.target.checked } : s)))}
              />
              <span className={`min-w-0 flex-1 ${step.enabled ? "" : "line-through opacity-60"}`}>
                {i + 1}. {describeStep(step)}
              </span>
              <button type="button" className={small} disabled={i === 0} aria-label={`Move step ${i + 1} up`} onClick={() => move(i, -1)}>
                Up
              </button>
              <button type="button" className={small} disabled={i === steps.length - 1} aria-label={`Move step ${i + 1} down`} onClick={() => move(i, 1)}>
                Down
              </button>
              {step.kind !== "mapSchema" && (
                <button type="button" className={small} aria-label={`Edit step ${i + 1}`} onClick={() => setEditing(i)}>
                  Edit
                </button>
              )}
              <button type="button" className={small} aria-label={`Remove step ${i + 1}`} onClick={() => set(steps.filter((_, j) => j !== i))}>
                Remove
              </button>
            </div>
            {editing === i && step.kind !== "mapSchema" && (
              <SpecForm
                legend={`Edit step ${i + 1}`}
                kindLabel="Step"
                forms={STEP_FORMS}
                columns={columnsBefore(i)}
                submitLabel="Save step"
                initial={{ kind: step.kind, values: stepFormValues(step) }}
                onCancel={() => setEditing(null)}
                onSubmit={(kind: FormStepKind, values) => {
                  const edited = buildStep(kind, values);
                  if (typeof edited === "string") return edited;
                  set(steps.map((s, j) => (j === i ? { ...edited, enabled: s.enabled } : s)));
                  setEditing(null);
                  return null;
                }}
              />
            )}
            {summary?.stepSql[i] && (
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer">SQL</summary>
                <pre className="overflow-x-auto whitespace-pre-wrap font-mono">{summary.stepSql[i]}</pre>
              </details>
            )}
            <ErrorAt error={error} part="step" index={i} />
          </li>
        ))}
      </ol>
      <SpecForm
        legend="Add a step"
        kindLabel="Step"
        forms={STEP_FORMS}
        columns={columnsBefore(steps.length)}
        submitLabel="Add step"
        onSubmit={(kind, values) => {
          const step = buildStep(kind, values);
          if (typeof step === "string") return step;
          set([...steps, step]);
          return null;
        }}
      />
      <SchemaMapper columns={columnsBefore(steps.length)} onAdd={(step) => set([...steps, step])} />
    </section>
  );
}
