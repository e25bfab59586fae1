import type { Progress } from "./engine/api";
import { formatBytes, formatCount } from "./format";

/** "Checksumming: 45 MB of 100 MB (45%), 30 MB/s, about 2 s left". */
export function describeProgress(p: Progress, elapsedMs: number, expectedMs?: number): string {
  if (p.unit === "steps") {
    // A run of statements reports no rows as it goes: the estimate is the last run of the same work.
    const step = p.total ? ` (step ${Math.min(p.done + 1, p.total)} of ${p.total})` : "";
    const sofar = elapsedMs >= 1000 ? `, ${formatDuration(elapsedMs / 1000)} so far` : "";
    const left =
      expectedMs === undefined || expectedMs < 1000
        ? ""
        : expectedMs > elapsedMs
          ? `, about ${formatDuration((expectedMs - elapsedMs) / 1000)} left (the last run took ${formatDuration(expectedMs / 1000)})`
          : `, longer than the last run (${formatDuration(expectedMs / 1000)})`;
    return `${p.phase}${step}${sofar}${left}`;
  }
  const amount = (n: number) => (p.unit === "bytes" ? formatBytes(n) : `${formatCount(Math.round(n))} rows`);
  const parts = [`${p.phase}: ${amount(p.done)}${p.total ? ` of ${amount(p.total)} (${Math.floor((100 * p.done) / p.total)}%)` : ""}`];
  const rate = elapsedMs >= 250 && p.done > 0 ? p.done / (elapsedMs / 1000) : null;
  if (rate !== null) {
    parts.push(`${amount(rate)}/s`);
    if (p.total && p.total > p.done) parts.push(`about ${formatDuration((p.total - p.done) / rate)} left`);
  }
  return parts.join(", ");
}

export function formatDuration(seconds: number): string {
  if (seconds < 1) return "1 s";
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/**
 * A state updater that merges `patch` into the task whose controller is
 * `controller`, if that task is still the one shown. Callbacks cross from the
 * worker on their own message ports, so one can arrive after its call has
 * returned: without this check it would bring a finished task's status back
 * for good.
 */
export function patchShownTask<P extends object>(controller: AbortController, patch: P) {
  return <T extends { controller: AbortController } & Partial<Record<keyof P, unknown>>>(shown: T | null): T | null =>
    shown?.controller === controller ? { ...shown, ...patch } : shown;
}

/** `patchShownTask` for a progress update. */
export const progressOf = (controller: AbortController, progress: Progress) => patchShownTask(controller, { progress });
