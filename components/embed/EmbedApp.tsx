"use client";

import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useMemo, useState } from "react";
import { fetchDuckDbAhead } from "@/browser/duckdb-ahead";
import { getEngine } from "@/browser/engine-client";
import { sendInChunks } from "@/browser/embed-rows";
import { stagingDb } from "@/browser/staging-store";
import { formatBytes, formatCount, plural } from "@/lib/format";
import { needsMatching } from "@/lib/recipe/expects";
import { emptyRecipe, type Recipe } from "@/lib/recipe/schema";
import { EMBED_FORMATS } from "@/lib/embed/protocol";
import { describeError } from "@/lib/result";
import { degradedNotice } from "@/lib/storage/support";
import { importTableSchema } from "@/lib/standards/table-schema";
import { DataGrid } from "../grid/DataGrid";
import { recipeEdits } from "../pipeline/steps/step-props";
import { MatchColumns } from "../recipe/MatchColumns";
import { readUnderNames } from "../recipe/read-under-names";
import { summaryOf, useRecipeRun } from "../recipe/useRecipe";
import { StorageNote } from "../StorageNote";
import { useHost } from "./useHost";

if (typeof window !== "undefined") fetchDuckDbAhead();

const button = "rounded bg-accent px-3 py-1.5 text-sm font-medium text-white focus-visible:outline-2 disabled:opacity-50";

/**
 * Stages in another page's iframe: a file is added, matched to the host's
 * schema, reviewed and fixed in place, and submitted; only then do its final
 * rows go, in acknowledged chunks, to the host's origin (lib/embed/protocol.ts).
 */
export function EmbedApp() {
  const { state, send, waitAck, decide } = useHost();
  const [fileId, setFileId] = useState<string | null>(null);
  const [recipe, setRecipe] = useState<Recipe | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const file = useLiveQuery(async () => (fileId ? ((await stagingDb().files.get(fileId)) ?? null) : null), [fileId]);
  const open = state.kind === "connected" ? state.open : null;
  const imported = useMemo(() => (open ? importTableSchema(open.schema) : null), [open]);
  const matching = file?.status === "ready" && recipe && needsMatching(recipe, file.columns ?? []);
  const { run } = useRecipeRun(fileId ?? "", file?.status === "ready" && !matching && recipe ? recipe : undefined, file?.readCount ?? 0);
  const summary = summaryOf(run);
  const done = run.kind === "done" ? run.summary : null;
  useEffect(() => {
    if (done) send({ type: "counts", rowsIn: done.rowsIn, valid: done.final, rejected: done.rejected });
  }, [done, send]);
  // What this browser lets the importer keep, said before a file is added (a page embedded from another site may get no storage).
  const [limits, setLimits] = useState<string | null>(null);
  useEffect(() => {
    void getEngine()
      .start()
      .then((r) => setLimits(r.ok ? degradedNotice(r.value.storage) : describeError(r.error)));
  }, []);
  // The host's theme (app/globals.css reads data-theme); "auto" follows the user's system.
  const theme = state.kind === "asking" || state.kind === "connected" ? state.open.theme : "auto";
  useEffect(() => {
    if (theme === "auto") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  if (state.kind === "waiting") return <p className="p-4 text-sm">Waiting for the page that embeds this importer…</p>;
  if (state.kind === "refused") return <p className="p-4 text-sm">{state.origin} will receive nothing from this importer.</p>;
  if (state.kind === "asking")
    return (
      <div role="dialog" aria-labelledby="embed-ask" className="space-y-2 p-4 text-sm">
        <h2 id="embed-ask" className="font-semibold">
          {state.origin} wants to receive the data you import
        </h2>
        <p>Nothing is sent until you press Submit, and only to {state.origin}. The file stays in this browser until then.</p>
        <div className="flex gap-2">
          <button type="button" className={button} onClick={() => decide(true)}>
            Allow {state.origin}
          </button>
          <button type="button" className="rounded border px-3 py-1.5 text-sm focus-visible:outline-2" onClick={() => decide(false)}>
            Refuse
          </button>
        </div>
      </div>
    );
  if (!imported?.ok) return <p role="alert" className="p-4 text-sm">The schema the page gave cannot be used: {imported?.reason}</p>;
  if (cancelled) return <p className="p-4 text-sm">The import was cancelled: nothing was sent to {state.origin}.</p>;
  const formats = open!.formats ?? EMBED_FORMATS;

  async function add(chosen: File) {
    setMessage(null);
    const extension = chosen.name.toLowerCase().replace(/\.gz$/, "").split(".").pop() ?? "";
    if (!(formats as string[]).includes(extension)) return setMessage(`${chosen.name}: this page takes ${formats.join(", ")} files.`);
    if (open!.maxBytes && chosen.size > open!.maxBytes) return setMessage(`${chosen.name} is ${formatBytes(chosen.size)}: this page takes files up to ${formatBytes(open!.maxBytes)}.`);
    const staged = await getEngine().stageFile(chosen, crypto.randomUUID());
    if (!staged.ok) return setMessage(describeError(staged.error));
    const { columns, rules, nullValues } = imported!.ok ? imported!.value : { columns: [], rules: [], nullValues: [] };
    // The host's columns only, in its order: what the file has besides is left here.
    const steps: Recipe["steps"] = [{ kind: "select", columns: columns.map((c) => c.name), enabled: true }];
    setRecipe({ ...emptyRecipe(), rules, steps, onErrors: open!.invalidRows, expects: { columns, read: nullValues.length ? { nullValues } : {} } });
    setFileId(staged.value.id);
    send({ type: "staged", fileName: chosen.name, rows: staged.value.rowCount ?? 0 });
  }
  async function submit() {
    if (!summary || !file) return;
    const rows = await getEngine().exportSource({ kind: "result", fileId: file.id, part: "final", runId: summary.runId }, open!.format, { neutralizeFormulas: false });
    if (!rows.ok) {
      send({ type: "error", message: describeError(rows.error) });
      return setMessage(describeError(rows.error));
    }
    const bytes = open!.format === "arrow";
    await sendInChunks(rows.value.blob, (seq, data) => send({ type: "chunk", seq, part: "final", data }), waitAck, { bytes });
    if (open!.sendRejected && summary.rejected > 0) {
      const rejected = await getEngine().exportSource({ kind: "result", fileId: file.id, part: "rejected", runId: summary.runId }, open!.format, { neutralizeFormulas: false });
      if (!rejected.ok) return setMessage(describeError(rejected.error));
      await sendInChunks(rejected.value.blob, (seq, data) => send({ type: "chunk", seq, part: "rejected", data }), waitAck, { bytes });
    }
    send({
      type: "done",
      summary: { fileName: file.name, sha256: file.sha256, rowsIn: summary.rowsIn, rejected: summary.rejected, rows: summary.final, columns: summary.finalColumns, recipe },
    });
    setSent(true);
  }

  return (
    <main className="space-y-3 p-4 text-sm">
      <h1 className="text-base font-semibold">{open!.title ?? "Import data"}</h1>
      {limits && <StorageNote text={limits} />}
      <label className="block">
        File to import
        <input type="file" className="block" accept={formats.map((f) => `.${f}`).join(",")} onChange={(e) => e.target.files?.[0] && void add(e.target.files[0])} />
      </label>
      {!sent && (
        <button
          type="button"
          className="rounded border px-3 py-1 text-sm focus-visible:outline-2"
          onClick={() => {
            send({ type: "cancelled" });
            setCancelled(true);
          }}
        >
          Cancel import
        </button>
      )}
      {message && <p role="alert">{message}</p>}
      {file && matching && recipe && (
        <MatchColumns
          file={file}
          recipe={recipe as Recipe & { expects: NonNullable<Recipe["expects"]> }}
          remembered={{}}
          onApply={(next, rename) => void readUnderNames(file, rename).then((error) => (error ? setMessage(describeError(error)) : setRecipe(next)))}
          onCancel={() => setFileId(null)}
        />
      )}
      {file && summary && recipe && !matching && (
        <>
          <p data-testid="embed-counts">
            {formatCount(summary.rowsIn)} rows in = {formatCount(summary.final)} to send + {formatCount(summary.rejected)} left out
          </p>
          <DataGrid label="Rows to check" source={{ kind: "staged", fileId: file.id, checkedBy: summary.runId }} columns={file.columns ?? []} rowCount={file.rowCount ?? 0} edits={recipeEdits(recipe, setRecipe)} height="16rem" />
          <button type="button" className={button} disabled={sent || run.kind !== "done"} onClick={() => void submit()}>
            Submit {plural(summary.final, "row")} to {state.origin}
          </button>
          {sent && <p role="status">Sent {plural(summary.final, "row")} to {state.origin}.</p>}
        </>
      )}
    </main>
  );
}
