"use client";

import { StorageNote } from "./StorageNote";
import { useHydrated } from "./useHydrated";

export type EngineState = { kind: "starting" } | { kind: "ready"; version: string; limits: string | null } | { kind: "failed"; message: string };

/** The app's name, what it does, the engine's state, and (narrow screens) the side column's toggle. */
export function AppHeader({ engine, drawer, setDrawer }: { engine: EngineState; drawer: boolean; setDrawer: (open: boolean) => void }) {
  const hydrated = useHydrated();
  return (
    <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
      <div className="flex items-baseline gap-3">
        <h1 className="text-xl font-bold">Stages</h1>
        <p className="text-sm text-slate-600 max-sm:hidden dark:text-slate-400">
          Stage data files, check them, and promote them to a durable dataset — all in this browser.
        </p>
      </div>
      <button
        type="button"
        aria-expanded={drawer}
        aria-controls="side-column"
        disabled={!hydrated}
        className="rounded border px-2 py-1 text-sm focus-visible:outline-2 min-[769px]:hidden"
        onClick={() => setDrawer(!drawer)}
      >
        Files and datasets
      </button>
      <p className="text-xs text-muted" aria-live="polite">
        {engine.kind === "starting" && "Starting the engine…"}
        {engine.kind === "ready" && `Engine ready (DuckDB ${engine.version})`}
        {engine.kind === "failed" && `The engine could not start: ${engine.message}`}
      </p>
      {engine.kind === "ready" && engine.limits && <StorageNote text={engine.limits} />}
    </header>
  );
}
