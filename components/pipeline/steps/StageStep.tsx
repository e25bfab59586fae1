"use client";

import { useMemo } from "react";
import { describeError } from "@/lib/result";
import type { DerivedFrom, StagedFile } from "@/lib/staging/staged-file";
import { DataGrid } from "../../grid/DataGrid";
import type { Notify } from "../../notices";
import type { FindingActions } from "../../staging/finding-actions";
import { ParsePanel } from "../../staging/ParsePanel";
import { gridHeight, StepLayout } from "../StepLayout";

interface Props {
  file: StagedFile;
  notify: Notify;
  /** Stage these files; `derivedFrom[i]`: the staged file `files[i]` was cut from (lineage). */
  onAddFiles: (files: File[], derivedFrom?: DerivedFrom[]) => void;
  /** What the read's findings may add to the file's recipe (absent until the recipe is loaded). */
  actions?: FindingActions;
}

/** Stage: how the file is read, what the read found and set aside, beside the staged rows. */
/** A staged file's columns with their labels (a statistical dataset's variable labels), for the grid's headers. */
const labelled = (columns: StagedFile["columns"], labels: StagedFile["columnLabels"]) => (columns ?? []).map((c) => (labels?.[c.name] ? { ...c, label: labels[c.name] } : c));

export function StageStep({ file, notify, onAddFiles, actions }: Props) {
  // Kept the same between renders while the file's columns are: the grid lays its columns out by them.
  const columns = useMemo(() => labelled(file.columns, file.columnLabels), [file.columns, file.columnLabels]);
  return (
    <StepLayout
      tools={
        <>
          {file.status === "error" && file.error && (
            <p className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
              {describeError(file.error)}
            </p>
          )}
          {file.status !== "reading" && <ParsePanel key={file.readCount} file={file} notify={notify} onAddFiles={onAddFiles} actions={actions} />}
          {file.columns && (
            <ul aria-label={`Columns of ${file.name}`} className="grid grid-cols-2 gap-x-3 text-xs">
              {file.columns.map((c) => (
                <li key={c.name} className="truncate" title={file.columnLabels?.[c.name]}>
                  {c.name} <span className="text-muted">{c.type}</span>
                  {file.columnLabels?.[c.name] && <span className="text-muted"> · {file.columnLabels[c.name]}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      }
      data={
        file.status === "ready" && file.columns ? (
          <div className="min-w-0 space-y-1">
            <h3 className="text-sm font-semibold">Staged</h3>
            <DataGrid key={file.readCount} label="Staged data" source={{ kind: "staged", fileId: file.id }} columns={columns} rowCount={file.rowCount ?? 0} height={gridHeight(1)} sparks />
          </div>
        ) : (
          <p className="text-sm text-muted">{file.status === "reading" ? `Reading ${file.name}…` : "No rows to show."}</p>
        )
      }
    />
  );
}
