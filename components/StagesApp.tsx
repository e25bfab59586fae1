"use client";

import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useRef, useState } from "react";
import type { HeadPreview } from "@/lib/engine/api";
import { callback, getEngine, onEngineRestart, progress, taskFor } from "@/browser/engine-client";
import { makeFormatters, plural } from "@/lib/format";
import { patchShownTask, progressOf } from "@/lib/progress";
import { describeError } from "@/lib/result";
import { degradedNotice } from "@/lib/storage/support";
import type { FileOrigin, StagedFile } from "@/lib/staging/staged-file";
import { SAMPLE_FILE, SAMPLE_PATH, SAMPLE_RECIPE } from "@/lib/samples";
import { onLaunchedFiles } from "@/browser/launched-files";
import { onPastedFiles } from "@/browser/pasted-files";
import { unpackArchives } from "@/browser/archives";
import { attachDbfCompanions } from "@/lib/dbf/companions";
import { attachSasCatalogs } from "@/lib/sas/catalog-files";
import { laterCompanions } from "@/lib/staging/later-companions";
import { droppedLink } from "@/browser/dropped-files";
import { fetchFile } from "@/browser/fetch-file";
import { fetchedFileName } from "@/lib/staging/file-link";
import { fetchDuckDbAhead } from "@/browser/duckdb-ahead";
import { whenIdle } from "@/browser/idle";
import { registerServiceWorker } from "@/browser/service-worker";
import { saveDraft, stagingDb } from "@/browser/staging-store";
import { AppHeader, type EngineState } from "./AppHeader";
import { DestinationPanel } from "./destination/DestinationPanel";
import { DatasetView, type DatasetVersion } from "./destination/DatasetView";
import { FirstScreen } from "./FirstScreen";
import { Notices } from "./Notices";
import { Workspace } from "./pipeline/Workspace";
import { StagedFiles } from "./recipe/useOtherReadyFiles";
import { SharedLink } from "./share/SharedLink";
import { useNotices } from "./notices";
import { AddFiles } from "./staging/AddFiles";
import { AuditLog } from "./staging/AuditLog";
import { HeadPreviewTable } from "./staging/HeadPreviewTable";
import { StagingArea } from "./staging/StagingArea";
import { type Adding, StagingProgress } from "./staging/StagingProgress";
import { StorageMeter } from "./staging/StorageMeter";

if (typeof window !== "undefined") fetchDuckDbAhead();

/** The one screen: a side column of files and datasets beside the first screen, an opened dataset, or the selected file's workspace. */
export function StagesApp() {
  const { notices, notify, dismiss } = useNotices();
  const files = useLiveQuery(() => stagingDb().files.orderBy("addedAt").toArray(), []);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // Counts the user's own picks of a file: a file that finishes staging after one is not selected over it.
  const picks = useRef(0);
  const pick = (id: string | null) => {
    picks.current++;
    setSelectedId(id);
    setAdding((shown) => (shown ? { ...shown, picked: true } : shown));
  };
  const [engine, setEngine] = useState<EngineState>({ kind: "starting" });
  const [adding, setAdding] = useState<Adding | null>(null);
  const [opened, setOpened] = useState<DatasetVersion | null>(null);
  // Below 769 px the side column is a drawer, closed until asked for.
  const [drawer, setDrawer] = useState(false);

  useEffect(() => {
    const start = () =>
      void getEngine()
        .start()
        .then((r) => {
          setEngine(
            r.ok ? { kind: "ready", version: r.value.duckdbVersion, limits: degradedNotice(r.value.storage) } : { kind: "failed", message: describeError(r.error) },
          );
          whenIdle(makeFormatters);
          // The offline copy is made once the engine has started, so that it never competes with the first load (it then comes from the HTTP cache).
          registerServiceWorker(() => notify("info", "A new version of Stages has been installed: reload the page to use it."));
        });
    start();
    return onEngineRestart((reason) => {
      notify("error", `The engine stopped (${reason}) and is restarting. Staged files and datasets are safe.`);
      setEngine({ kind: "starting" });
      start();
    });
  }, [notify]);

  // Files the operating system opened with the installed app are staged like dropped ones.
  const addFilesLater = useRef<(list: File[]) => void>(() => undefined);
  useEffect(() => onLaunchedFiles((list) => addFilesLater.current(list)), []);
  // So are files and tables pasted into the page outside a text field.
  const stagedNames = useRef<string[]>([]);
  stagedNames.current = (files ?? []).map((f) => f.name);
  const addFromLinkLater = useRef<(url: string) => void>(() => undefined);
  useEffect(
    () =>
      onPastedFiles(() => stagedNames.current, {
        files: (list) => addFilesLater.current(list),
        link: (url) => addFromLinkLater.current(url),
        error: (error) => notify("error", describeError(error)),
      }),
    [notify],
  );

  async function trySample() {
    const response = await fetch(SAMPLE_PATH).catch(() => null);
    if (!response?.ok) return notify("error", "The sample data could not be loaded from this site.");
    const file = new File([await response.blob()], SAMPLE_FILE, { type: "text/csv" });
    const [staged] = await addFiles([file]);
    if (staged) await saveDraft(stagingDb(), staged, SAMPLE_RECIPE);
  }

  /**
   * Stage files one after the other (a ZIP archive's data files in its place); resolves with the ids of those staged. The last one staged is shown at the end
   * (unless the user picked a file meanwhile); until then the first rows of the file being staged take the workspace's
   * place, those of the one before staying until the next file's come, so that a folder of files does not open a
   * workspace per file (120 files made 120 workspaces, each profiled and run, and frames of 150 ms of layout).
   */
  async function addFiles(added: File[], addedFrom: (FileOrigin | undefined)[] = []): Promise<string[]> {
    const ids: string[] = [];
    const picksBefore = picks.current;
    const unpacked = await unpackArchives(added, addedFrom, notify);
    // A dBase table's memo and code page files (notes.dbt, roads.cpg) go with their table, and a SAS format
    // catalog with the SAS datasets added with it, not staged on their own.
    const withTables = attachDbfCompanions(unpacked.files, unpacked.origins);
    const paired = attachSasCatalogs(withTables.files, withTables.origins);
    // One that goes with tables staged before (a catalog added after its datasets) goes to them: they are read again with it.
    const later = laterCompanions(paired.files, await stagingDb().files.toArray());
    for (const { file, fileId, kind } of later.given) {
      const read = await getEngine().addCompanion(fileId, kind, file);
      const error = read.ok ? read.value.error : read.error;
      if (error) notify("error", describeError(error));
      else if (read.ok) notify("info", kind === "prj" ? `${read.value.name}'s coordinate system is the one ${file.name} names.` : `Read ${read.value.name} again with ${file.name}.`);
    }
    const list = later.rest;
    const origins = paired.origins.filter((_, i) => later.rest.includes(paired.files[i]!));
    for (const [i, file] of list.entries()) {
      const controller = new AbortController();
      const startedAt = performance.now();
      const picked = picks.current !== picksBefore;
      setAdding((before) => ({ name: file.name, controller, progress: null, startedAt, picked, ...(before?.preview ? { preview: before.preview, previewName: before.previewName } : {}) }));
      const result = await getEngine().stageFile(
        file,
        taskFor(controller.signal),
        progress((p) => setAdding(progressOf(controller, p))),
        callback((preview: HeadPreview) => setAdding(patchShownTask(controller, { preview, previewName: file.name }))),
        origins[i],
      );
      if (!result.ok) notify("error", describeError(result.error));
      else {
        ids.push(result.value.id);
        // Until the last is shown, the workspace stays on the file it showed (or the first staged): not one a file.
        if (picks.current === picksBefore) setSelectedId((shown) => shown ?? result.value.id);
        if (result.value.error) notify("error", describeError(result.value.error));
        else notify("info", `Staged ${file.name}: ${plural(result.value.rowCount ?? 0, "row")}.`);
        if (result.value.duplicateOf) notify("info", `${file.name} has the same content as ${result.value.duplicateOf}, staged earlier.`);
      }
    }
    setAdding(null);
    if (ids.length && picks.current === picksBefore) setSelectedId(ids.at(-1)!);
    return ids;
  }

  addFilesLater.current = (list) => void addFiles(list);

  /** Fetch the file at an address the user gave (no cookies sent; cancellable while it comes) and stage it, the address kept in its lineage. */
  async function addFromLink(url: string) {
    const controller = new AbortController();
    setAdding({ name: fetchedFileName(url, null, null), controller, progress: null, startedAt: performance.now() });
    const fetched = await fetchFile(url, controller.signal);
    if (!fetched.ok) {
      setAdding(null);
      return notify("error", describeError(fetched.error));
    }
    await addFiles([fetched.value], [{ url }]);
  }
  addFromLinkLater.current = (url) => void addFromLink(url);

  async function removeFile(file: StagedFile) {
    const result = await getEngine().removeStaged(file.id);
    if (!result.ok) notify("error", describeError(result.error));
    if (selectedId === file.id) setSelectedId(null);
  }

  const selected = files?.find((f) => f.id === selectedId) ?? files?.at(-1) ?? null;
  // The first rows of a file being staged take the workspace's place (the staged file is shown there once read), so
  // nothing is pushed down as they come and pulled up as they go; a file the user picks meanwhile is shown instead.
  const previewing = adding?.preview && !adding.picked && opened === null ? { name: adding.previewName ?? adding.name, preview: adding.preview } : null;
  const hasFiles = (files?.length ?? 0) > 0;

  return (
    <div
      className="mx-auto max-w-[110rem] space-y-3 p-3"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const link = droppedLink(e.dataTransfer);
        if (link) void addFromLink(link);
        else if (e.dataTransfer.files.length) void addFiles([...e.dataTransfer.files]);
      }}
    >
      <AppHeader engine={engine} drawer={drawer} setDrawer={setDrawer} />
      <SharedLink
        onAccept={async (list, origins, share) => {
          const ids = await addFiles(list, origins);
          await Promise.all(ids.map((fileId) => saveDraft(stagingDb(), fileId, share.recipe)));
        }}
      />
      <Notices notices={notices} dismiss={dismiss} />
      <div className="grid gap-4 min-[769px]:grid-cols-[19rem_minmax(0,1fr)]">
        <aside
          id="side-column"
          aria-label="Files and datasets"
          className={`${drawer ? "" : "max-[769px]:hidden"} space-y-4 min-[769px]:sticky min-[769px]:top-0 min-[769px]:max-h-screen min-[769px]:overflow-y-auto min-[769px]:pr-1`}
        >
          {hasFiles && <AddFiles onFiles={(list) => void addFiles(list)} onLink={(url) => void addFromLink(url)} onSample={() => void trySample()} />}
          <StagingArea
            files={files ?? []}
            selectedId={selected?.id ?? null}
            onSelect={pick}
            onRemove={(f) => void removeFile(f)}
            onClear={() => void Promise.all((files ?? []).map((f) => removeFile(f)))}
          />
          {/* Below the staged files (the one being staged is the last of them), outside their region: as it comes, grows and goes, no file moves under the pointer. */}
          {adding && <StagingProgress adding={adding} />}
          <DestinationPanel notify={notify} onOpen={setOpened} />
          <StorageMeter refreshKey={files} />
          <AuditLog />
        </aside>
        <main className="min-w-0 space-y-4">
          {previewing && <HeadPreviewTable name={previewing.name} preview={previewing.preview} />}
          {opened && <DatasetView opened={opened} onClose={() => setOpened(null)} />}
          {files !== undefined && !hasFiles && !opened && <FirstScreen onFiles={(list) => void addFiles(list)} onLink={(url) => void addFromLink(url)} onSample={() => void trySample()} />}
          {selected && (
            // Hidden, not unmounted, while a dataset is open or a file's first rows are shown in its place (kept as it was).
            <div hidden={opened !== null || previewing !== null}>
              <StagedFiles.Provider value={files ?? []}>
                <Workspace key={selected.id} file={selected} notify={notify} onRemove={() => void removeFile(selected)} onAddFiles={(list, derivedFrom) => void addFiles(list, derivedFrom?.map((d) => ({ derivedFrom: d })))} />
              </StagedFiles.Provider>
            </div>
          )}
        </main>
      </div>
    </div>
  );
}
