"use client";

import { formatCount, formatDateTime, plural } from "@/lib/format";
import { DataGrid } from "../../grid/DataGrid";
import { PromoteFiles } from "../../destination/PromoteFiles";
import { useDatasets } from "../../destination/useDatasets";
import { controlClass, LabeledControl } from "../../recipe/LabeledControl";
import { SharePanel } from "../../share/SharePanel";
import { gridHeight, StepLayout } from "../StepLayout";
import type { StepProps } from "./step-props";

/** Promote: where the final rows go and what is there already, and the recipe as a link to share, beside the final rows. */
const POLICIES = [
  { value: "reject", label: "leaves them out: valid rows only" },
  { value: "block", label: "waits: blocked until none remain" },
  { value: "include", label: "includes them, with the reasons in _errors" },
] as const;

export function PromoteStep({ file, recipe, setRecipe, summary, notify, datasetName }: StepProps & { datasetName: string }) {
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
            <p className="text-xs text-muted">
              {target
                ? `${datasetName} has ${plural(target.versions.length, "version")}; the latest, v${target.latest.version}, holds ${plural(target.latest.rows.promoted, "row")} (${formatDateTime(target.latest.createdAt)}).`
                : `${datasetName} is a new dataset.`}
              {summary &&
                (recipe.onErrors === "include"
                  ? ` Rows with errors are written with their reasons (${formatCount(summary.rejectedByRules)} now); rows removed by steps (${formatCount(summary.rejected)}) are recorded, not written.`
                  : ` ${formatCount(summary.rejected)} rejected rows are recorded in the manifest, not written.`)}
            </p>
          </section>
          <LabeledControl label="With rows a rule rejects, promotion…">
            {(id) => (
              <select
                id={id}
                className={controlClass}
                value={recipe.onErrors ?? "reject"}
                onChange={(e) => setRecipe({ ...recipe, onErrors: e.target.value as (typeof POLICIES)[number]["value"] })}
              >
                {POLICIES.map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.label}
                  </option>
                ))}
              </select>
            )}
          </LabeledControl>
          <PromoteFiles file={file} recipe={recipe} datasetName={datasetName} notify={notify} />
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
          <p className="text-sm text-muted">The final rows appear when the recipe has run.</p>
        )
      }
    />
  );
}
