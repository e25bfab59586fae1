"use client";

import { plural } from "@/lib/format";
import type { StagedFile } from "@/lib/staging/staged-file";
import type { ReactNode } from "react";
import type { RunState } from "../recipe/useRecipe";
import { RunStatus } from "./RunStatus";

/**
 * What stays in view on every step: the file, its size in rows and
 * columns, the counts that reconcile (rows in = final + rejected), the
 * running task with its cancel, and the promotion.
 */
export function WorkspaceBar({ file, run, cancel, retry, showError, keepsErrors, promote }: {
  file: StagedFile;
  run: RunState;
  cancel: () => void;
  retry: () => void;
  showError: (part: "rule" | "step" | "sql") => void;
  keepsErrors: boolean;
  promote: ReactNode;
}) {
  return (
    <div className="top-0 z-10 -mx-1 flex sm:sticky flex-wrap items-start justify-between gap-x-4 gap-y-1 border-b border-slate-200 bg-white/95 px-1 py-2 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline gap-x-3">
          <h2 id="workspace-heading" className="text-base font-semibold">
            {file.name}
          </h2>
          {file.status === "ready" && file.columns && (
            <p className="text-xs text-muted" title={file.columns.map((c) => `${c.name} ${c.type}`).join(", ")}>
              {plural(file.rowCount ?? 0, "row")} · {plural(file.columns.length, "column")}
            </p>
          )}
          {file.status === "reading" && <p className="text-xs">Reading {file.name}…</p>}
        </div>
        {file.status === "ready" && <RunStatus run={run} cancel={cancel} retry={retry} showError={showError} keepsErrors={keepsErrors} />}
      </div>
      {file.status === "ready" && promote}
    </div>
  );
}
