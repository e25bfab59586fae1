"use client";

import type { RunSummary } from "@/lib/engine/api";
import { getEngine } from "@/browser/engine-client";
import { deliver } from "@/browser/download";
import { plural } from "@/lib/format";
import { describeError } from "@/lib/result";
import { DataGrid } from "../grid/DataGrid";
import type { GridEdits } from "../grid/useCellEditing";
import type { Notify } from "../notices";
import { gridHeight } from "./StepLayout";

const button = "rounded border border-slate-300 px-2 py-0.5 text-xs focus-visible:outline-2 dark:border-slate-700";

/** Rows kept apart by the recipe, each with its source line and reasons; downloadable. */
export function RejectedRows({ fileId, summary, notify, edits }: { fileId: string; summary: RunSummary; notify: Notify; edits?: GridEdits }) {
  const source = { kind: "result", fileId, part: "rejected", runId: summary.runId } as const;
  async function download(format: "csv" | "xlsx") {
    const result = await getEngine().exportSource(source, format, { neutralizeFormulas: true });
    if (!result.ok) return notify("error", describeError(result.error));
    await deliver(result.value.blob, result.value.fileName);
  }
  return (
    <section aria-labelledby="rejected-heading" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="rejected-heading" className="text-sm font-semibold">
          Rejected rows ({plural(summary.rejected, "row")})
        </h3>
        {summary.rejected > 0 && (
          <span className="flex gap-2">
            <button type="button" className={button} onClick={() => void download("csv")}>
              Download rejected rows as CSV
            </button>
            <button type="button" className={button} onClick={() => void download("xlsx")}>
              Download rejected rows as Excel (failing cells filled)
            </button>
          </span>
        )}
      </div>
      {summary.rejected > 0 && <DataGrid label="Rejected rows" source={source} columns={summary.rejectedColumns} rowCount={summary.rejected} height={gridHeight(2)} edits={edits} />}
    </section>
  );
}
