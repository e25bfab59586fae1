"use client";

import { formatCount, formatDateTime, plural } from "@/lib/format";
import { DataGrid } from "../../grid/DataGrid";
import { useDatasets } from "../../destination/useDatasets";
import { SharePanel } from "../../share/SharePanel";
import { gridHeight, StepLayout } from "../StepLayout";
import type { StepProps } from "./step-props";

/** Promote: where the final rows go and what is there already, and the recipe as a link to share, beside the final rows. */
export function PromoteStep({ file, recipe, summary, notify, datasetName }: StepProps & { datasetName: string }) {
  const { datasets } = useDatasets();
  const target = datasets?.find((d) => d.name === datasetName);
  return (
    <StepLayout
      tools={
        <>
          <section aria-labelledby="target-heading" className="space-y-1 text-sm">
            <h3 id="target-heading" className="font-semibold">
              Where it goes
            </h3>
            <p className="text-xs">
              Promote (above) writes {summary ? plural(summary.final, "final row") : "the final rows"} as version {target ? target.latest.version + 1 : 1} of “{datasetName}”: a
              Parquet file and a manifest of its lineage (source checksums, recipe, row counts) in this browser&apos;s private file system. Earlier versions are kept;
              staging is left as it is.
            </p>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {target
                ? `${datasetName} has ${plural(target.versions.length, "version")}; the latest, v${target.latest.version}, holds ${plural(target.latest.rows.promoted, "row")} (${formatDateTime(target.latest.createdAt)}).`
                : `${datasetName} is a new dataset.`}
              {summary && ` ${formatCount(summary.rejected)} rejected rows are recorded in the manifest, not written.`}
            </p>
          </section>
          <SharePanel file={file} recipe={recipe} notify={notify} />
        </>
      }
      data={
        summary ? (
          <div className="min-w-0 space-y-1">
            <h3 className="text-sm font-semibold">Final</h3>
            <DataGrid label="Final data" source={{ kind: "result", fileId: file.id, part: "final", runId: summary.runId }} columns={summary.finalColumns} rowCount={summary.final} height={gridHeight(1)} />
          </div>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">The final rows appear when the recipe has run.</p>
        )
      }
    />
  );
}
