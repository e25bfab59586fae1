"use client";

import type { HeadPreview, Progress } from "@/lib/engine/api";
import { describeProgress } from "@/lib/progress";

/** A file being staged, shown until its staging ends. */
export type Adding = {
  name: string;
  controller: AbortController;
  progress: Progress | null;
  startedAt: number;
  /** The first rows shown while files stage: this file's once read, until then the file's before it (`previewName`). */
  preview?: HeadPreview;
  previewName?: string;
  /** The user picked a file while this one was being staged: its workspace is shown, not this file's first rows. */
  picked?: boolean;
};

/** The file being staged: how far, how fast, and a way to stop it. */
export function StagingProgress({ adding }: { adding: Adding }) {
  return (
      <div role="status" className="space-y-1 text-sm">
        <p>
          Staging {adding.name}
          {adding.progress ? ` — ${describeProgress(adding.progress, performance.now() - adding.startedAt)}` : "…"}
        </p>
        {/* Shown from the start (without a total, as still going on): the bar does not appear later and push what is below it. */}
        {adding.progress?.total ? <progress className="w-full" max={adding.progress.total} value={adding.progress.done} /> : <progress className="w-full" />}
        <button
          type="button"
          className="rounded border px-2 py-0.5 text-xs focus-visible:outline-2"
          onClick={() => adding.controller.abort()}
        >
          Cancel adding {adding.name}
        </button>
      </div>
  );
}
