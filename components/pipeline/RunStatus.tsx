"use client";

import { useEffect, useState } from "react";
import { formatCount, plural } from "@/lib/format";
import { describeProgress } from "@/lib/progress";
import { describeError } from "@/lib/result";
import type { RunState } from "../recipe/useRecipe";
import { summaryOf } from "../recipe/useRecipe";

const PART_NAMES = { rule: "rules", step: "steps", sql: "SQL" } as const;

/** What the recipe did, in counts that always add up: in = final (or into SQL) + rejected. An error is shown where it is (`showError`). */
export function RunStatus({
  run,
  cancel,
  retry,
  showError,
  keepsErrors,
}: {
  run: RunState;
  cancel: () => void;
  retry: () => void;
  showError: (part: keyof typeof PART_NAMES) => void;
  /** The recipe keeps the rows a rule rejects, with their reasons (onErrors "include"). */
  keepsErrors: boolean;
}) {
  const s = summaryOf(run);
  // A statement can run for a while without news: the time so far (and left) still moves.
  const [, tick] = useState(0);
  useEffect(() => {
    if (run.kind !== "running") return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [run.kind]);
  return (
    <div role="status" aria-live="polite" className="text-sm">
      {run.kind === "running" && (
        <p className="flex items-center gap-2">
          {run.progress ? `Running the recipe on the full data: ${describeProgress(run.progress, performance.now() - run.startedAt, run.lastMs)}` : "Running the recipe on the full data…"}
          <button type="button" className="rounded border px-2 py-0.5 text-xs focus-visible:outline-2" onClick={cancel}>
            Cancel run
          </button>
        </p>
      )}
      {run.kind === "failed" && !run.error.at && <p className="text-danger">{describeError(run.error)}</p>}
      {run.kind === "failed" && run.error.fatal && (
        <button type="button" className="rounded border px-2 py-0.5 text-xs" onClick={retry}>
          Run the recipe again
        </button>
      )}
      {run.kind === "failed" && run.error.at && (
        <p role="alert" className="flex flex-wrap items-center gap-2 text-danger">
          The recipe has an error in its {PART_NAMES[run.error.at.part]}; the previews show the last run.
          <button type="button" className="rounded border border-red-400 px-2 py-0.5 text-xs focus-visible:outline-2" onClick={() => showError(run.error.at!.part)}>
            Show the error
          </button>
        </p>
      )}
      {s && (
        <p data-testid="run-counts">
          <strong>{plural(s.rowsIn, "row")} in</strong> = {formatCount(s.transformed)} {keepsErrors ? "kept" : "valid"} after steps + {formatCount(s.rejected)} rejected
          {keepsErrors && s.rejectedByRules > 0 && ` (${formatCount(s.rejectedByRules)} kept with errors, in _errors)`}
          {s.rejected > 0 && !keepsErrors && ` (${formatCount(s.rejectedByRules)} by rules, ${formatCount(s.rejected - s.rejectedByRules)} removed by steps)`}
          {s.warned > 0 && ` · ${plural(s.warned, "row")} with warnings`}
          {s.final !== s.transformed ? ` · the SQL turns ${formatCount(s.transformed)} rows into ${plural(s.final, "final row")}` : ` · ${plural(s.final, "final row")}`}
        </p>
      )}
    </div>
  );
}
