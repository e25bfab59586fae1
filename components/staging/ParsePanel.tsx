"use client";

import { useState } from "react";
import { getEngine } from "@/lib/engine/client";
import { saveBlob } from "@/lib/download";
import { plural } from "@/lib/format";
import { parseTargetSchema } from "@/lib/recipe/match-columns";
import { describeError } from "@/lib/result";
import type { StagedFile } from "@/lib/staging/db";
import { ENCODINGS, FORMATS } from "@/lib/staging/detect";
import type { ParseOptions } from "@/lib/staging/parse-options";
import type { Notify } from "../notices";
import { controlClass, LabeledControl } from "../recipe/LabeledControl";
import { SetAsideLines } from "./SetAsideLines";

const typesText = (types: Record<string, string>) => Object.entries(types).map(([c, t]) => `${c} ${t}`).join("\n");
const optional = (text: string) => (text === "" ? undefined : text);

/** How a staged file is read: what was detected and sniffed, and the user's choices. */
export function ParsePanel({ file, notify, onAddFiles }: { file: StagedFile; notify: Notify; onAddFiles: (files: File[]) => void }) {
  const [draft, setDraft] = useState<ParseOptions>(file.parse);
  const [types, setTypes] = useState(typesText(file.parse.types));
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ParseOptions>) => setDraft((d) => ({ ...d, ...patch }));
  const csv = draft.format === "csv";
  const text = csv || draft.format === "json" || draft.format === "ndjson";
  const s = file.sniffed;

  async function reread(patch: Partial<ParseOptions> = {}) {
    setBusy(true);
    const parsedTypes = Object.fromEntries(parseTargetSchema(types).map((t) => [t.name, t.type]));
    const result = await getEngine().reparse(file.id, { ...draft, ...patch, types: parsedTypes });
    setBusy(false);
    if (!result.ok) return notify("error", describeError(result.error));
    if (result.value.error) notify("error", describeError(result.value.error));
    else notify("info", `Read ${file.name} again: ${plural(result.value.rowCount ?? 0, "row")}.`);
  }
  async function stageSecondTable() {
    const result = await getEngine().secondTableFile(file.id);
    if (!result.ok) return notify("error", describeError(result.error));
    onAddFiles([new File([result.value.blob], result.value.fileName, { type: "text/csv" })]);
  }
  async function downloadBadLines() {
    const result = await getEngine().exportSource({ kind: "badLines", fileId: file.id }, "csv", { neutralizeFormulas: true });
    if (!result.ok) return notify("error", describeError(result.error));
    saveBlob(result.value.blob, result.value.fileName);
  }

  return (
    <details open={file.status === "error" || file.readCount > 1 || file.ambiguousDates !== undefined || (file.badLines ?? 0) > 0 || (file.csv?.lines.repaired ?? 0) > 0 || (file.csv?.typeFindings.length ?? 0) > 0 || Boolean(file.csv?.secondTable)} className="rounded border border-slate-200 p-2 text-sm dark:border-slate-800">
      <summary className="cursor-pointer text-sm font-semibold">
        How {file.name} is read: {file.parse.format.toUpperCase()}
        {file.parse.gzip ? " (gzip)" : ""}, {file.parse.encoding}
      </summary>
      <div className="mt-2 space-y-2">
        {s && (
          <p className="text-xs">
            Read with: delimiter {JSON.stringify(s.delimiter)}, quote {JSON.stringify(s.quote)}, escape{" "}
            {JSON.stringify(s.escape)}, header {s.header ? "yes" : "no"}, {plural(s.skip, "line")} above the table
            {s.dateFormat ? `, dates ${s.dateFormat}` : ""}
            {s.timestampFormat ? `, timestamps ${s.timestampFormat}` : ""}.
          </p>
        )}
        {file.encodingSample && (
          <dl className="grid grid-cols-[auto_1fr] gap-x-2 font-mono text-xs">
            <dt>As UTF-8</dt>
            <dd className="truncate">{file.encodingSample.asUtf8}</dd>
            <dt>As {file.parse.encoding}</dt>
            <dd className="truncate">{file.encodingSample.decoded}</dd>
          </dl>
        )}
        <SetAsideLines
          file={file}
          onDownload={() => void downloadBadLines()}
          onStageSecondTable={() => void stageSecondTable()}
          onRejoin={(line, text) => void reread({ edits: [...file.parse.edits.filter((e) => e.line !== line), { line, text }] })}
        />
        {file.ambiguousDates && (
          <div role="alert" className="space-y-1 rounded border border-amber-400 p-2 text-xs">
            <p>
              Dates in {file.ambiguousDates.columns.join(", ")} could be day/month or month/day: no day is above 12. They were read as{" "}
              <code>{file.ambiguousDates.chosen}</code>.
            </p>
            <div className="flex flex-wrap gap-2">
              <button type="button" className="rounded border px-2 py-0.5 focus-visible:outline-2" onClick={() => void reread({ dateFormat: file.ambiguousDates!.chosen })}>
                Keep {file.ambiguousDates.chosen}
              </button>
              <button type="button" className="rounded border px-2 py-0.5 focus-visible:outline-2" onClick={() => void reread({ dateFormat: file.ambiguousDates!.alternative })}>
                Read dates as {file.ambiguousDates.alternative}
              </button>
            </div>
          </div>
        )}
        {file.lenient && (
          <p className="text-xs text-amber-700 dark:text-amber-400">
            Read leniently: the file is irregular (mixed line endings, say), so DuckDB&apos;s strict checks were relaxed. Look over the rows.
          </p>
        )}
        {file.duplicateOf && <p className="text-xs text-amber-700 dark:text-amber-400">Same content as {file.duplicateOf}, staged earlier.</p>}
        <div className="flex flex-wrap items-end gap-2">
          <LabeledControl label="Format">
            {(id) => (
              <select id={id} className={controlClass} value={draft.format} onChange={(e) => set({ format: e.target.value as ParseOptions["format"] })}>
                {FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {f.toUpperCase()}
                  </option>
                ))}
              </select>
            )}
          </LabeledControl>
          <label className="flex items-center gap-1 text-xs">
            <input type="checkbox" checked={draft.gzip} onChange={(e) => set({ gzip: e.target.checked })} />
            Gzip-compressed
          </label>
          {text && (
            <LabeledControl label="Encoding">
              {(id) => (
                <select id={id} className={controlClass} value={draft.encoding} onChange={(e) => set({ encoding: e.target.value })}>
                  {ENCODINGS.map((e) => (
                    <option key={e} value={e}>
                      {e}
                    </option>
                  ))}
                </select>
              )}
            </LabeledControl>
          )}
          {csv && (
            <>
              <LabeledControl label="Delimiter (\t for tab)">
                {(id) => <input id={id} size={4} className={controlClass} value={draft.delimiter ?? ""} placeholder="auto" onChange={(e) => set({ delimiter: optional(e.target.value) })} />}
              </LabeledControl>
              <LabeledControl label="Quote">
                {(id) => <input id={id} size={2} maxLength={1} className={controlClass} value={draft.quote ?? ""} placeholder="auto" onChange={(e) => set({ quote: optional(e.target.value) })} />}
              </LabeledControl>
              <LabeledControl label="Escape">
                {(id) => <input id={id} size={2} maxLength={1} className={controlClass} value={draft.escape ?? ""} placeholder="auto" onChange={(e) => set({ escape: optional(e.target.value) })} />}
              </LabeledControl>
              <LabeledControl label="Header row">
                {(id) => (
                  <select
                    id={id}
                    className={controlClass}
                    value={draft.header === undefined ? "auto" : draft.header ? "yes" : "no"}
                    onChange={(e) => set({ header: e.target.value === "auto" ? undefined : e.target.value === "yes" })}
                  >
                    <option value="auto">Detect</option>
                    <option value="yes">Yes</option>
                    <option value="no">No</option>
                  </select>
                )}
              </LabeledControl>
              <LabeledControl label="Date format">
                {(id) => <input id={id} size={9} className={controlClass} value={draft.dateFormat ?? ""} placeholder="auto" onChange={(e) => set({ dateFormat: optional(e.target.value) })} />}
              </LabeledControl>
              <LabeledControl label="Lines below the table">
                {(id) => (
                  <input id={id} size={3} inputMode="numeric" className={controlClass} value={draft.notes ?? ""} placeholder="auto"
                    onChange={(e) => set({ notes: e.target.value === "" ? undefined : Math.max(0, Number(e.target.value) || 0) })} />
                )}
              </LabeledControl>
              <LabeledControl label="Skip lines at the top">
                {(id) => (
                  <input id={id} size={3} inputMode="numeric" className={controlClass} value={draft.skip ?? ""} placeholder="auto"
                    onChange={(e) => set({ skip: e.target.value === "" ? undefined : Math.max(0, Number(e.target.value) || 0) })} />
                )}
              </LabeledControl>
            </>
          )}
          {(csv || draft.format === "ndjson") && (
            <LabeledControl label="Bad lines">
              {(id) => (
                <select id={id} className={controlClass} value={draft.badLines} onChange={(e) => set({ badLines: e.target.value as ParseOptions["badLines"] })}>
                  <option value="skip">Set aside the lines that do not fit (counted and kept)</option>
                  <option value="stop">Stop and report them</option>
                </select>
              )}
            </LabeledControl>
          )}
          {draft.format === "xlsx" && (
            <>
              <LabeledControl label="Sheet">
                {(id) => (
                  <select id={id} className={controlClass} value={draft.sheet ?? file.sheets?.[0] ?? ""} onChange={(e) => set({ sheet: e.target.value })}>
                    {(file.sheets ?? []).map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </select>
                )}
              </LabeledControl>
              <LabeledControl label="Row with the column names">
                {(id) => (
                  <input id={id} size={3} inputMode="numeric" className={controlClass} value={draft.headerRow}
                    onChange={(e) => set({ headerRow: Math.max(1, Number(e.target.value) || 1) })} />
                )}
              </LabeledControl>
            </>
          )}
        </div>
        <LabeledControl label="Column types to force, one per line (e.g. zip VARCHAR)">
          {(id) => <textarea id={id} rows={2} className={`${controlClass} font-mono`} value={types} onChange={(e) => setTypes(e.target.value)} />}
        </LabeledControl>
        <button type="button" disabled={busy} className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 disabled:opacity-50" onClick={() => void reread()}>
          Read again with these options
        </button>
      </div>
    </details>
  );
}
