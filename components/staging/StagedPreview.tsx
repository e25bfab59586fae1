"use client";

import { plural } from "@/lib/format";
import { describeError } from "@/lib/result";
import type { StagedFile } from "@/lib/staging/db";
import { PromotePanel } from "../destination/PromotePanel";
import { DataGrid } from "../grid/DataGrid";
import type { Notify } from "../notices";

/** The selected staged file: what DuckDB found, its rows, and promotion. */
export function StagedPreview({ file, notify }: { file: StagedFile; notify: Notify }) {
  return (
    <section aria-labelledby="preview-heading" className="space-y-2">
      <h2 id="preview-heading" className="text-base font-semibold">
        Preview of {file.name}
      </h2>
      {file.status === "reading" && <p className="text-sm">Reading {file.name}…</p>}
      {file.status === "error" && file.error && (
        <p className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          {describeError(file.error)}
        </p>
      )}
      {file.status === "ready" && file.columns && (
        <>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {plural(file.rowCount ?? 0, "row")} · {plural(file.columns.length, "column")}:{" "}
            {file.columns.map((c) => `${c.name} ${c.type}`).join(", ")}
          </p>
          <DataGrid label="Staged data" source={{ kind: "staged", fileId: file.id }} columns={file.columns} rowCount={file.rowCount ?? 0} />
          <PromotePanel file={file} notify={notify} />
        </>
      )}
    </section>
  );
}
