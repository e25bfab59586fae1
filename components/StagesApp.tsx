"use client";

import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useState } from "react";
import type { HeadPreview, Progress } from "@/lib/engine/api";
import { callback, getEngine, onEngineRestart, progress, taskFor } from "@/browser/engine-client";
import { plural } from "@/lib/format";
import { describeProgress, patchShownTask, progressOf } from "@/lib/progress";
import { describeError } from "@/lib/result";
import type { StagedFile } from "@/lib/staging/staged-file";
import { SAMPLE_FILE, SAMPLE_PATH, SAMPLE_RECIPE } from "@/lib/samples";
import { saveDraft, stagingDb } from "@/browser/staging-store";
import { DestinationPanel } from "./destination/DestinationPanel";
import { Notices } from "./Notices";
import { Workspace } from "./pipeline/Workspace";
import { SharedLink } from "./share/SharedLink";
import { useNotices } from "./notices";
import { AddFiles } from "./staging/AddFiles";
import { AuditLog } from "./staging/AuditLog";
import { HeadPreviewTable } from "./staging/HeadPreviewTable";
import { StagingArea } from "./staging/StagingArea";
import { StorageMeter } from "./staging/StorageMeter";

type EngineState = { kind: "starting" } | { kind: "ready"; version: string } | { kind: "failed"; message: string };
/** A file being staged, shown until its staging ends. */
type Adding = { name: string; controller: AbortController; progress: Progress | null; startedAt: number; preview?: HeadPreview };

/** The one screen: stage files, preview them, promote them to the destination. */
export function StagesApp() {
  const { notices, notify, dismiss } = useNotices();
  const files = useLiveQuery(() => stagingDb().files.orderBy("addedAt").toArray(), []);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [engine, setEngine] = useState<EngineState>({ kind: "starting" });
  const [adding, setAdding] = useState<Adding | null>(null);

  useEffect(() => {
    const start = () =>
      void getEngine()
        .start()
        .then((r) =>
          setEngine(r.ok ? { kind: "ready", version: r.value.duckdbVersion } : { kind: "failed", message: describeError(r.error) }),
        );
    start();
    return onEngineRestart((reason) => {
      notify("error", `The engine stopped (${reason}) and is restarting. Staged files and datasets are safe.`);
      setEngine({ kind: "starting" });
      start();
    });
  }, [notify]);

  async function trySample() {
    const response = await fetch(SAMPLE_PATH).catch(() => null);
    if (!response?.ok) return notify("error", "The sample data could not be loaded from this site.");
    const file = new File([await response.blob()], SAMPLE_FILE, { type: "text/csv" });
    const [staged] = await addFiles([file]);
    if (staged) await saveDraft(stagingDb(), staged, SAMPLE_RECIPE);
  }

  /** Stage files one after the other; resolves with the ids of those staged. */
  async function addFiles(list: File[]): Promise<string[]> {
    const ids: string[] = [];
    for (const file of list) {
      const controller = new AbortController();
      const startedAt = performance.now();
      setAdding({ name: file.name, controller, progress: null, startedAt });
      const result = await getEngine().stageFile(
        file,
        taskFor(controller.signal),
        progress((p) => setAdding(progressOf(controller, p))),
        callback((preview: HeadPreview) => setAdding(patchShownTask(controller, { preview }))),
      );
      if (!result.ok) notify("error", describeError(result.error));
      else {
        ids.push(result.value.id);
        setSelectedId(result.value.id);
        if (result.value.error) notify("error", describeError(result.value.error));
        else notify("info", `Staged ${file.name}: ${plural(result.value.rowCount ?? 0, "row")}.`);
        if (result.value.duplicateOf) notify("info", `${file.name} has the same content as ${result.value.duplicateOf}, staged earlier.`);
      }
    }
    setAdding(null);
    return ids;
  }

  async function removeFile(file: StagedFile) {
    const result = await getEngine().removeStaged(file.id);
    if (!result.ok) notify("error", describeError(result.error));
    if (selectedId === file.id) setSelectedId(null);
  }

  const selected = files?.find((f) => f.id === selectedId) ?? files?.at(-1) ?? null;

  return (
    <div className="mx-auto max-w-7xl space-y-4 p-4">
      <AppHeader engine={engine} />
      <SharedLink
        onAccept={async (list, share) => {
          const ids = await addFiles(list);
          await Promise.all(ids.map((fileId) => saveDraft(stagingDb(), fileId, share.recipe)));
        }}
      />
      <Notices notices={notices} dismiss={dismiss} />
      <div className="grid gap-4 md:grid-cols-[18rem_1fr]">
        <aside className="space-y-4">
          <AddFiles onFiles={(list) => void addFiles(list)} onSample={() => void trySample()} />
          {adding && <StagingProgress adding={adding} />}
          <StagingArea
            files={files ?? []}
            selectedId={selected?.id ?? null}
            onSelect={setSelectedId}
            onRemove={(f) => void removeFile(f)}
            onClear={() => void Promise.all((files ?? []).map((f) => removeFile(f)))}
          />
          <StorageMeter refreshKey={files} />
          <AuditLog />
        </aside>
        <main className="min-w-0 space-y-6">
          {adding?.preview && <HeadPreviewTable name={adding.name} preview={adding.preview} />}
          {selected ? (
            <Workspace key={selected.id} file={selected} notify={notify} onRemove={() => void removeFile(selected)} onAddFiles={(list) => void addFiles(list)} />
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">Add a CSV file to see its rows here.</p>
          )}
          <DestinationPanel notify={notify} />
        </main>
      </div>
    </div>
  );
}

function AppHeader({ engine }: { engine: EngineState }) {
  return (
    <header className="flex flex-wrap items-baseline justify-between gap-2">
      <div>
        <h1 className="text-xl font-bold">Stages</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Stage data files, check them, and promote them to a durable dataset — all in this browser.
        </p>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
        {engine.kind === "starting" && "Starting the engine…"}
        {engine.kind === "ready" && `Engine ready (DuckDB ${engine.version})`}
        {engine.kind === "failed" && `The engine could not start: ${engine.message}`}
      </p>
    </header>
  );
}

/** The file being staged: how far, how fast, and a way to stop it. */
function StagingProgress({ adding }: { adding: Adding }) {
  return (
      <div role="status" className="space-y-1 text-sm">
        <p>
          Staging {adding.name}
          {adding.progress ? ` — ${describeProgress(adding.progress, performance.now() - adding.startedAt)}` : "…"}
        </p>
        {adding.progress?.total ? <progress className="w-full" max={adding.progress.total} value={adding.progress.done} /> : null}
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
