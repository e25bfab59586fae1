"use client";

import { useLiveQuery } from "dexie-react-hooks";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Progress, RunSummary } from "@/lib/engine/api";
import { getEngine, newTaskId, progress } from "@/lib/engine/client";
import { emptyRecipe, type Recipe } from "@/lib/recipe/schema";
import type { StagesError } from "@/lib/result";
import { useEngineEpoch } from "../useEngineEpoch";
import { stagingDb } from "@/lib/staging/store";

/** The recipe being edited for a staged file, saved as a draft on every change. */
export function useRecipe(fileId: string): [Recipe | undefined, (recipe: Recipe) => void] {
  const draft = useLiveQuery(async () => (await stagingDb().drafts.get(fileId)) ?? null, [fileId]);
  const setRecipe = useCallback(
    (recipe: Recipe) => void stagingDb().drafts.put({ fileId, recipe, updatedAt: Date.now() }),
    [fileId],
  );
  return [draft === undefined ? undefined : (draft?.recipe ?? emptyRecipe()), setRecipe];
}

export type RunState =
  | { kind: "idle" }
  | { kind: "running"; taskId: string; last: RunSummary | null; startedAt: number; progress: Progress | null }
  | { kind: "done"; summary: RunSummary }
  | { kind: "failed"; error: StagesError; last: RunSummary | null };

/** Runs the recipe in the worker whenever it changes; a newer run cancels the older. */
export function useRecipeRun(fileId: string, recipe: Recipe | undefined, readCount: number): { run: RunState; cancel: () => void } {
  const [run, setRun] = useState<RunState>({ kind: "idle" });
  const current = useRef<string | null>(null);
  const lastSummary = useRef<RunSummary | null>(null);
  const key = recipe ? JSON.stringify(recipe) : null;
  const epoch = useEngineEpoch();

  useEffect(() => {
    if (!key) return;
    const taskId = newTaskId();
    const previous = current.current;
    current.current = taskId;
    if (previous) void getEngine().cancel(previous);
    const running = { kind: "running", taskId, last: lastSummary.current, startedAt: performance.now(), progress: null } as const;
    setRun(running);
    const onProgress = progress((p) => current.current === taskId && setRun({ ...running, progress: p }));
    void getEngine()
      .runRecipe(fileId, JSON.parse(key) as Recipe, taskId, onProgress)
      .then((result) => {
        if (current.current !== taskId) return;
        current.current = null;
        if (result.ok) {
          lastSummary.current = result.value;
          setRun({ kind: "done", summary: result.value });
        } else setRun({ kind: "failed", error: result.error, last: lastSummary.current });
      });
  }, [fileId, key, epoch, readCount]);

  const cancel = useCallback(() => {
    if (current.current) void getEngine().cancel(current.current);
  }, []);
  return { run, cancel };
}

export const summaryOf = (run: RunState): RunSummary | null =>
  run.kind === "done" ? run.summary : run.kind === "idle" ? null : run.last;
