import type { Progress, ProgressFn } from "@/lib/engine/api";

/** Cancellation flags for long calls, checked between chunks of work. */
const cancelled = new Set<string>();

export class Cancelled extends Error {
  constructor() {
    super("Cancelled.");
  }
}

export function cancelTask(taskId: string): void {
  cancelled.add(taskId);
}

export function throwIfCancelled(taskId: string): void {
  if (cancelled.has(taskId)) throw new Cancelled();
}

export function endTask(taskId: string): void {
  cancelled.delete(taskId);
}

/** A progress reporter that calls back at most every `everyMs`, plus the last call. */
export function progressReporter(onProgress: ProgressFn | undefined, everyMs = 100) {
  let last = 0;
  return (progress: Progress, force = false) => {
    const now = performance.now();
    if (!onProgress || (!force && now - last < everyMs)) return;
    last = now;
    void Promise.resolve(onProgress(progress)).catch(() => undefined);
  };
}
