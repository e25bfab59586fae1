"use client";

import { useLiveQuery } from "dexie-react-hooks";
import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import type { Progress, RunSummary } from "@/lib/engine/api";
import { getEngine, progress, taskFor } from "@/browser/engine-client";
import { latestRecipe, type Written } from "@/lib/recipe/draft";
import { referencedFiles } from "@/lib/recipe/references";
import { emptyRecipe, type Recipe } from "@/lib/recipe/schema";
import type { StagesError } from "@/lib/result";
import { useEngineEpoch, useOutOfMemoryRestart } from "../useEngineEpoch";
import { useOtherReadyFiles } from "./useOtherReadyFiles";
import { saveDraft, stagingDb } from "@/browser/staging-store";

/** The recipe being edited for a staged file, saved as a draft on every change and shown at once. */
export function useRecipe(fileId: string): [Recipe | undefined, (recipe: Recipe) => void] {
  const draft = useLiveQuery(async () => (await stagingDb().drafts.get(fileId)) ?? null, [fileId]);
  const [edit, setEdit] = useState<(Written & { fileId: string }) | null>(null);
  const setRecipe = useCallback(
    (recipe: Recipe) => {
      const updatedAt = Date.now();
      setEdit({ fileId, recipe, updatedAt });
      void saveDraft(stagingDb(), fileId, recipe, updatedAt);
    },
    [fileId],
  );
  if (draft === undefined) return [undefined, setRecipe];
  return [latestRecipe(edit?.fileId === fileId ? edit : null, draft) ?? emptyRecipe(), setRecipe];
}

export type RunState =
  | { kind: "idle" }
  | { kind: "running"; controller: AbortController; last: RunSummary | null; startedAt: number; progress: Progress | null; lastMs?: number }
  | { kind: "done"; summary: RunSummary }
  | { kind: "failed"; error: StagesError; last: RunSummary | null };

/**
 * The other staged files the recipe's reference rules read, as a key that changes when one of them is
 * staged, read again or removed: the recipe runs again then (a rule that failed for want of its file
 * runs once the file is there).
 */
function useReferencedKey(fileId: string, recipe: Recipe | undefined): string {
  const others = useOtherReadyFiles(fileId);
  const names = recipe ? referencedFiles(recipe.rules) : [];
  return others
    .filter((f) => names.includes(f.sqlName))
    .map((f) => `${f.sqlName}:${f.id}:${f.readCount}`)
    .join("\u0000");
}

/** Runs the recipe in the worker whenever it, its file's read or the files its reference rules read change; a newer run cancels the older. */
export function useRecipeRun(
  fileId: string,
  recipe: Recipe | undefined,
  readCount: number,
): { run: RunState; cancel: () => void; retry: () => void } {
  const [run, setRun] = useState<RunState>({ kind: "idle" });
  const [attempt, setAttempt] = useState(0);
  const current = useRef<AbortController | null>(null);
  const lastSummary = useRef<RunSummary | null>(null);
  const lastMs = useRef<number | undefined>(undefined);
  const key = recipe ? JSON.stringify(recipe) : null;
  const referenced = useReferencedKey(fileId, recipe);
  const epoch = useEngineEpoch();
  const outOfMemoryRestart = useOutOfMemoryRestart(epoch);

  useEffect(() => {
    if (!key) return;
    if (outOfMemoryRestart()) {
      // Running it again by itself could run the engine out of memory again: the user decides.
      setRun({ kind: "failed", error: { message: PAUSED_AFTER_OUT_OF_MEMORY, fatal: true }, last: lastSummary.current });
      return;
    }
    const controller = new AbortController();
    const previous = current.current;
    current.current = controller;
    previous?.abort();
    const running = { kind: "running", controller, last: lastSummary.current, startedAt: performance.now(), progress: null, lastMs: lastMs.current } as const;
    setRun(running);
    const onProgress = progress((p) => current.current === controller && setRun({ ...running, progress: p }));
    void getEngine()
      .runRecipe(fileId, JSON.parse(key) as Recipe, taskFor(controller.signal), onProgress)
      .then((result) => {
        if (current.current !== controller) return;
        current.current = null;
        if (result.ok) {
          lastSummary.current = result.value;
          lastMs.current = performance.now() - running.startedAt;
          // A run's results mount the final grid and fill every editor: rendered as a transition, in slices.
          startTransition(() => setRun({ kind: "done", summary: result.value }));
        } else setRun({ kind: "failed", error: result.error, last: lastSummary.current });
      });
  }, [fileId, key, epoch, readCount, attempt, referenced]);

  const cancel = useCallback(() => {
    current.current?.abort();
  }, []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { run, cancel, retry };
}

export const PAUSED_AFTER_OUT_OF_MEMORY =
  "The engine ran out of memory and restarted; the recipe was not run again by itself. Run it again when you are ready (fewer rules, or a smaller file, need less memory).";

/** How many rows a rule caught in a run (its rejections and warnings). */
export const rowsCaughtBy = (summary: RunSummary | null, ruleId: string): number =>
  summary?.ruleCounts.filter((c) => c.rule === ruleId).reduce((n, c) => n + c.n, 0) ?? 0;

export const summaryOf = (run: RunState): RunSummary | null =>
  run.kind === "done" ? run.summary : run.kind === "idle" ? null : run.last;
