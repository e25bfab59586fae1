"use client";

import { deliver } from "@/browser/download";
import { getEngine } from "@/browser/engine-client";
import { formatCount, plural } from "@/lib/format";
import { describeError } from "@/lib/result";
import { ruleMessage } from "@/lib/recipe/rules";
import { rowsCaughtBy } from "../../recipe/useRecipe";
import { RejectedRows } from "../RejectedRows";
import { StagedAndFinal } from "../StagedAndFinal";
import { StepLayout } from "../StepLayout";
import { ColumnChanges } from "./ColumnChanges";
import { recipeEdits, type StepProps } from "./step-props";

/** Review: how the rows reconcile, rule by rule, what changed in the columns, and the rejected rows beside staged and final. */
export function ReviewStep({ file, recipe, setRecipe, summary, corresponding, notify }: StepProps) {
  if (!summary) return <p className="text-sm text-muted">The review appears when the recipe has run.</p>;
  /** Every rule each row broke, in the shape Frictionless writes its reports (workers/engine/validation-report.ts). */
  async function downloadReport() {
    const result = await getEngine().exportSource({ kind: "result", fileId: file.id, part: "rejected", runId: summary!.runId }, "report", { neutralizeFormulas: false });
    if (!result.ok) return notify("error", describeError(result.error));
    await deliver(result.value.blob, result.value.fileName);
  }
  const byRule = recipe.rules
    .map((rule) => ({ rule, n: rowsCaughtBy(summary, rule.id) }))
    .filter((r) => r.rule.enabled);
  return (
    <StepLayout
      tools={
        <>
          <section aria-labelledby="reconciliation-heading" className="space-y-1 text-sm">
            <h3 id="reconciliation-heading" className="font-semibold">
              Reconciliation
            </h3>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs">
              <dt>Rows in</dt>
              <dd>{formatCount(summary.rowsIn)}</dd>
              <dt>Valid after steps</dt>
              <dd>{formatCount(summary.transformed)}</dd>
              <dt>Rejected by rules</dt>
              <dd>{formatCount(summary.rejectedByRules)}</dd>
              <dt>Removed by steps</dt>
              <dd>{formatCount(summary.rejected - summary.rejectedByRules)}</dd>
              <dt>Warned (kept)</dt>
              <dd>{formatCount(summary.warned)}</dd>
              <dt>Final rows</dt>
              <dd>{formatCount(summary.final)}</dd>
            </dl>
            <p className="text-xs">
              {formatCount(summary.rowsIn)} in = {formatCount(summary.transformed)} valid + {formatCount(summary.rejected)} rejected
              {summary.transformed + summary.rejected === summary.rowsIn ? " ✓" : " — does not add up"}
            </p>
          </section>
          {byRule.length > 0 && (
            <ul aria-label="Rows each rule caught" className="space-y-0.5 text-xs">
              {byRule.map(({ rule, n }) => (
                <li key={rule.id}>
                  {ruleMessage(rule)}: {plural(n, "row")} {rule.severity === "warn" ? "warned" : "rejected"}
                </li>
              ))}
            </ul>
          )}
          <ColumnChanges file={file} recipe={recipe} summary={summary} />
          <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-xs focus-visible:outline-2 dark:border-slate-700" onClick={() => void downloadReport()}>
            Download the validation report (Frictionless JSON)
          </button>
        </>
      }
      data={
        <>
          <StagedAndFinal file={file} summary={summary} corresponding={corresponding} layout="side" share={2} edits={recipeEdits(recipe, setRecipe)} />
          <RejectedRows fileId={file.id} summary={summary} notify={notify} edits={{ ...recipeEdits(recipe, setRecipe), editable: file.columns?.map((c) => c.name) }} />
        </>
      }
    />
  );
}
