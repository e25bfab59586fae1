"use client";

import { useState } from "react";
import { getEngine } from "@/browser/engine-client";
import { saveBlob } from "@/browser/download";
import { plural } from "@/lib/format";
import { parseTargetSchema } from "@/lib/recipe/match-columns";
import { describeError } from "@/lib/result";
import { hasEncoding } from "@/lib/staging/detect";
import type { DerivedFrom, StagedFile } from "@/lib/staging/staged-file";
import type { FileFormat } from "@/lib/staging/detect";
import type { FindingActions } from "./finding-actions";
import type { ParseOptions } from "@/lib/staging/parse-options";
import type { Notify } from "../notices";
import { controlClass, LabeledControl } from "../recipe/LabeledControl";
import { ReadFindings } from "./ReadFindings";
import { ReadOptionsFields } from "./ReadOptionsFields";

const typesText = (types: Record<string, string>) => Object.entries(types).map(([c, t]) => `${c} ${t}`).join("\n");

/** The files that hold several parts, each read one at a time (`sheet`), the others staged each as its own file: what they and their parts are called. */
const SEVERAL: Partial<Record<FileFormat, { holder: string; parts: string }>> = {
  xlsx: { holder: "workbook", parts: "sheets" },
  html: { holder: "page", parts: "tables" },
  sqlite: { holder: "database", parts: "tables" },
  xpt: { holder: "file", parts: "datasets" },
};

/** How a staged file is read: what was detected and sniffed, and the user's choices. */
export function ParsePanel({
  file,
  notify,
  onAddFiles,
  actions,
}: {
  file: StagedFile;
  notify: Notify;
  onAddFiles: (files: File[], derivedFrom?: DerivedFrom[]) => void;
  actions?: FindingActions;
}) {
  const [draft, setDraft] = useState<ParseOptions>(file.parse);
  const [types, setTypes] = useState(typesText(file.parse.types));
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ParseOptions>) => setDraft((d) => ({ ...d, ...patch }));
  const { holder, parts } = SEVERAL[file.parse.format] ?? { holder: "file", parts: "tables" };

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
    onAddFiles([new File([result.value.blob], result.value.fileName, { type: "text/csv" })], [result.value.derivedFrom]);
  }
  async function stageOtherSheets() {
    const result = await getEngine().otherSheetFiles(file.id);
    if (!result.ok) return notify("error", describeError(result.error));
    if (result.value.length === 0) return notify("info", `The other ${parts} of ${file.name} hold no values to stage.`);
    onAddFiles(
      result.value.map(({ blob, fileName }) => new File([blob], fileName, { type: blob.type || "application/octet-stream" })),
      result.value.map((f) => f.derivedFrom),
    );
  }
  async function downloadBadLines() {
    const result = await getEngine().exportSource({ kind: "badLines", fileId: file.id }, "csv", { neutralizeFormulas: true });
    if (!result.ok) return notify("error", describeError(result.error));
    saveBlob(result.value.blob, result.value.fileName);
  }

  return (
    <details open data-read-count={file.readCount} className="rounded border border-slate-200 p-2 text-sm dark:border-slate-800">
      <summary className="cursor-pointer text-sm font-semibold">
        How {file.name} is read: {file.parse.format.toUpperCase()}
        {file.parse.gzip ? " (gzip)" : ""}
        {/* A workbook, a Parquet file, a database and a dataset are not text (a dataset's is as its format says): no encoding to say. */}
        {hasEncoding(file.parse.format) ? `, ${file.parse.encoding}` : ""}
      </summary>
      <div className="mt-2 space-y-2">
        <ReadFindings file={file} onReread={(patch) => void reread(patch)} onDownload={() => void downloadBadLines()} onStageSecondTable={() => void stageSecondTable()} actions={actions} />
        <ReadOptionsFields
          draft={draft}
          set={set}
          sheets={file.sheets ?? []}
          hidden={file.hiddenSheets ?? []}
          labelledCodes={file.codeLabels !== undefined || file.parse.valueLabels !== undefined}
          declaredMissing={file.declaredMissing !== undefined || file.parse.userMissing !== undefined}
        />
        {file.parse.format in SEVERAL && (file.sheets?.length ?? 0) > 1 && (
          <p className="flex flex-wrap items-center gap-2 text-xs">
            The {holder} has {file.sheets!.length} {parts}; this reads one.
            <button type="button" className="rounded border px-2 py-0.5 focus-visible:outline-2" onClick={() => void stageOtherSheets()}>
              Stage the other {parts}, each as its own file
            </button>
          </p>
        )}
        <LabeledControl label="Column types to force, one per line (e.g. zip VARCHAR)">
          {(id) => <textarea id={id} rows={2} className={`${controlClass} font-mono`} value={types} onChange={(e) => setTypes(e.target.value)} />}
        </LabeledControl>
        <button type="button" disabled={busy} className="rounded bg-accent px-3 py-1 text-sm font-medium text-white hover:bg-accent-strong focus-visible:outline-2 disabled:opacity-50" onClick={() => void reread()}>
          Read again with these options
        </button>
      </div>
    </details>
  );
}
