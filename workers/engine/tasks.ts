import type { Progress, ProgressFn } from "@/lib/engine/api";

/**
 * Cancellation of long calls: a flag checked between chunks of work, and
 * hooks (such as interrupting a running query) called when it is raised.
 */
const cancelled = new Set<string>();
const hooks = new Map<string, () => void>();

export class Cancelled extends Error {
  constructor() {
    super("Cancelled.");
  }
}

export function cancelTask(taskId: string): void {
  cancelled.add(taskId);
  hooks.get(taskId)?.();
}

/** Call `hook` if the task is cancelled while `work` runs. */
export async function onCancel<T>(taskId: string, hook: () => void, work: () => Promise<T>): Promise<T> {
  hooks.set(taskId, hook);
  try {
    return await work();
  } finally {
    hooks.delete(taskId);
  }
}

/** The tasks at work on each staged file, and the files removed: removing a file cancels its tasks. */
const onFiles = new Map<string, Set<string>>();
const removed = new Set<string>();

/** Run `work` as task `taskId` on these files: cancelled if one of them is removed, now or meanwhile. */
export async function workingOn<T>(fileIds: readonly string[], taskId: string, work: () => Promise<T>): Promise<T> {
  if (fileIds.some((id) => removed.has(id))) cancelTask(taskId);
  for (const id of fileIds) onFiles.set(id, (onFiles.get(id) ?? new Set()).add(taskId));
  try {
    return await work();
  } finally {
    for (const id of fileIds) {
      const tasks = onFiles.get(id);
      tasks?.delete(taskId);
      if (tasks?.size === 0) onFiles.delete(id);
    }
  }
}

export function cancelWorkOn(fileId: string): void {
  removed.add(fileId);
  for (const taskId of onFiles.get(fileId) ?? []) cancelTask(taskId);
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
