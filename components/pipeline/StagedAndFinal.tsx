"use client";

import { useState } from "react";
import type { RunSummary } from "@/lib/engine/api";
import type { GridView } from "@/lib/grid/view";
import type { StagedFile } from "@/lib/staging/staged-file";
import { DataGrid } from "../grid/DataGrid";
import type { GridEdits } from "../grid/useCellEditing";
import { gridHeight } from "./StepLayout";

interface Props {
  file: StagedFile;
  summary: RunSummary | null;
  /** Rows correspond one to one: nothing rejected or removed, no SQL reshaping. */
  corresponding: boolean;
  /** Stacked (beside a step's tools) or side by side (a step about the data itself). */
  layout: "stacked" | "side";
  /** Height share of the step for each grid. */
  share: 1 | 2;
  /** Cells edited in the staged grid, kept in the recipe. */
  edits?: GridEdits;
  /** Told the staged grid's sort and filters, and how many rows they leave. */
  onStagedView?: (view: GridView, rowCount: number) => void;
}

/** The staged rows and the final rows, scrolled together when their rows correspond. */
export function StagedAndFinal({ file, summary, corresponding, layout, share, edits, onStagedView }: Props) {
  const [together, setTogether] = useState(true);
  const [scroll, setScroll] = useState(0);
  // The grids report where they are even while not following each other, so that when the run's final rows
  // arrive (or "together" is ticked again) they line up where the user is, instead of jumping to the top.
  const sync = corresponding && together ? { share: scroll, onScroll: setScroll } : { onScroll: setScroll };
  const height = gridHeight(share, layout === "side");
  return (
    <div className="space-y-1">
      {corresponding && (
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={together} onChange={(e) => setTogether(e.target.checked)} />
          Scroll staged and final together (their rows correspond one to one)
        </label>
      )}
      <div className={layout === "side" ? "grid gap-4 xl:grid-cols-2" : "space-y-2"}>
        <div className="min-w-0 space-y-1">
          <h3 className="text-sm font-semibold">Staged</h3>
          <DataGrid key={file.readCount} label="Staged data" source={{ kind: "staged", fileId: file.id, checkedBy: summary?.runId }} columns={file.columns ?? []} rowCount={file.rowCount ?? 0} sync={sync} height={height} edits={edits} sparks onView={onStagedView} />
        </div>
        <div className="min-w-0 space-y-1">
          <h3 className="text-sm font-semibold">Final</h3>
          {summary ? (
            <DataGrid
              label="Final data"
              source={{ kind: "result", fileId: file.id, part: "final", runId: summary.runId }}
              columns={summary.finalColumns}
              rowCount={summary.final}
              sync={sync}
              height={height}
            />
          ) : (
            <p className="text-sm text-muted">The final rows appear when the recipe has run.</p>
          )}
        </div>
      </div>
    </div>
  );
}
