"use client";

import type { Progress } from "@/lib/engine/api";
import { describeProgress } from "@/lib/progress";

export interface RunningTask {
  label: string;
  controller: AbortController;
  startedAt: number;
  progress: Progress | null;
}

/** A long task in progress: what, how far, how fast, how long is left, and a way to stop it. */
export function TaskStatus({ task, cancelLabel, onCancel }: { task: RunningTask; cancelLabel: string; onCancel: () => void }) {
  const { progress } = task;
  return (
    <div role="status" className="space-y-1 text-xs">
      <p>
        {task.label}
        {progress ? ` — ${describeProgress(progress, performance.now() - task.startedAt)}` : "…"}
      </p>
      <div className="flex items-center gap-2">
        {progress?.total ? <progress className="w-full" max={progress.total} value={progress.done} /> : null}
        <button type="button" className="shrink-0 rounded border px-2 py-0.5" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
