"use client";

import { PackageCheck } from "lucide-react";
import { useId, useState } from "react";
import { announceDatasetsChanged } from "@/browser/dataset-changes";
import { checkDatasetName } from "@/lib/datasets/name";
import type { Progress, RunSummary } from "@/lib/engine/api";
import { getEngine, progress, taskFor } from "@/browser/engine-client";
import { formatCount, plural } from "@/lib/format";
import { describeProgress, progressOf } from "@/lib/progress";
import { describeError } from "@/lib/result";
import type { Recipe } from "@/lib/recipe/schema";
import type { StagedFile } from "@/lib/staging/staged-file";
import type { Notify } from "../notices";

interface Props {
  file: StagedFile;
  recipe: Recipe;
  /** The recipe ran without error on the current data. */
  ready: boolean;
  summary: RunSummary | null;
  notify: Notify;
  /** Staging is temporary: after a promotion, offer to remove the source. */
  onRemoveSource: () => void;
  onPromoted: (version: string) => void;
  /** The dataset to promote to (its name is the workspace's, shown in the Promote step too). */
  name: string;
  setName: (name: string) => void;
}

/** Promote the selected staged file, through its recipe, to a new version of a destination dataset. */
export function PromotePanel({ file, recipe, ready, summary, notify, onRemoveSource, onPromoted, name, setName }: Props) {
  const [promoted, setPromoted] = useState<string | null>(null);
  const inputId = useId();
  const [running, setRunning] = useState<{ controller: AbortController; progress: Progress | null; startedAt: number } | null>(null);
  const nameError = checkDatasetName(name);
  const withErrors = summary?.rejectedByRules ?? 0;
  const blocked = recipe.onErrors === "block" && withErrors > 0;

  async function promote() {
    if (nameError) return;
    const controller = new AbortController();
    const startedAt = performance.now();
    setRunning({ controller, progress: null, startedAt });
    const result = await getEngine().promote(
      file.id,
      recipe,
      name,
      taskFor(controller.signal),
      progress((p) => setRunning(progressOf(controller, p))),
    );
    setRunning(null);
    if (!result.ok) return notify("error", describeError(result.error));
    const m = result.value;
    notify(
      "info",
      `Promoted ${m.name} v${m.version}: ${plural(m.rows.promoted, "row")} promoted of ${formatCount(m.rows.in)} in, ${formatCount(m.rows.rejected)} rejected.`,
    );
    announceDatasetsChanged();
    setPromoted(`${m.name} v${m.version}`);
    onPromoted(`${m.name} v${m.version}`);
  }

  return (
    <form
      className="flex max-w-lg flex-wrap items-center justify-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void promote();
      }}
    >
      <label htmlFor={inputId} className="text-xs font-medium">
        Dataset name
      </label>
      <input
        id={inputId}
        value={name}
        onChange={(e) => setName(e.target.value)}
        aria-invalid={nameError !== null}
        aria-describedby={`${inputId}-hint`}
        className="w-44 rounded border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700"
      />
      <button
        type="submit"
        disabled={running !== null || nameError !== null || !ready || blocked}
        aria-describedby={`${inputId}-hint`}
        className="inline-flex items-center gap-1 rounded bg-promote px-3 py-1.5 text-sm font-medium text-white hover:bg-promote-strong focus-visible:outline-2 disabled:opacity-50"
      >
        <PackageCheck aria-hidden="true" size={15} />
        Promote
      </button>
      {running && (
        <button
          type="button"
          className="rounded border px-2 py-1 text-sm focus-visible:outline-2"
          onClick={() => running.controller.abort()}
        >
          Cancel promotion
        </button>
      )}
      {promoted && (
        <p className="flex w-full flex-wrap items-center gap-2 text-xs">
          {file.name} is now in the destination as {promoted}. Staging is temporary:
          <button type="button" className="rounded border px-2 py-0.5 focus-visible:outline-2" onClick={onRemoveSource}>
            Remove {file.name} from staging
          </button>
        </p>
      )}
      <p id={`${inputId}-hint`} className="w-full text-right text-xs text-muted">
        {nameError ??
          (running?.progress
            ? describeProgress(running.progress, performance.now() - running.startedAt)
            : !ready || !summary
              ? "Promote is available once the recipe has run without errors."
              : blocked
                ? `Blocked while ${plural(withErrors, "row")} ${withErrors === 1 ? "has" : "have"} errors: the recipe promotes only when none remain.`
                : recipe.onErrors === "include" && withErrors > 0
                  ? `Writes ${plural(summary.final, "final row")} as a new version of “${name}”, ${formatCount(withErrors)} with errors (in _errors).`
                  : `Writes ${plural(summary.final, "final row")} as a new version of “${name}”.`)}
      </p>
    </form>
  );
}
