"use client";

import { Download } from "lucide-react";
import { useEffect, useState } from "react";
import { announceDatasetsChanged } from "@/browser/dataset-changes";
import type { Manifest } from "@/lib/datasets/manifest";
import type { DatasetSummary, ExportFormat, VersionDiff } from "@/lib/engine/api";
import { getEngine, progress, taskFor } from "@/browser/engine-client";
import { deliver } from "@/browser/download";
import { formatBytes, formatCount, formatDateTime, plural, shortHash } from "@/lib/format";
import { progressOf } from "@/lib/progress";
import { describeError } from "@/lib/result";
import { LICENCES } from "@/lib/standards/licences";
import type { Notify } from "../notices";
import { TaskStatus, type RunningTask } from "../TaskStatus";

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: "csv", label: "as CSV" },
  { format: "parquet", label: "as Parquet" },
  { format: "ndjson", label: "as NDJSON" },
  { format: "manifest", label: "manifest" },
  { format: "datapackage", label: "as a Data Package (zip)" },
];

const button = "rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline-2 dark:border-slate-700 dark:hover:bg-slate-800";

interface Props {
  dataset: DatasetSummary;
  neutralizeFormulas: boolean;
  onOpen: (version: number) => void;
  notify: Notify;
}

/** One dataset of the destination: its latest version, downloads, and every version's manifest. */
export function DatasetCard({ dataset: { name, latest, versions, bytes }, neutralizeFormulas, onOpen, notify }: Props) {
  const [manifests, setManifests] = useState<Manifest[] | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const [diff, setDiff] = useState<VersionDiff | null>(null);
  const [exporting, setExporting] = useState<RunningTask | null>(null);
  const [licence, setLicence] = useState("");
  useEffect(() => {
    void getEngine()
      .listVersions(name)
      .then((r) => r.ok && setManifests(r.value));
  }, [name, latest.version, versions.length]);

  async function download(version: number, format: ExportFormat) {
    const task: RunningTask = { label: `Preparing ${name} v${version} ${FORMATS.find((f) => f.format === format)!.label}`, controller: new AbortController(), startedAt: performance.now(), progress: null };
    setExporting(task);
    const update = progress((p) => setExporting(progressOf(task.controller, p)));
    const options = { neutralizeFormulas, ...(licence ? { licence } : {}) };
    const result = await getEngine().exportSource({ kind: "dataset", name, version }, format, options, taskFor(task.controller.signal), update);
    setExporting(null);
    if (!result.ok) return notify("error", describeError(result.error));
    await deliver(result.value.blob, result.value.fileName);
  }
  async function remove(version: number) {
    const result = await getEngine().deleteVersion(name, version);
    if (!result.ok) return notify("error", describeError(result.error));
    notify("info", `Deleted ${name} v${version}.`);
    announceDatasetsChanged();
  }
  async function compare(before: number, after: number) {
    const result = await getEngine().compareVersions(name, before, after);
    if (!result.ok) return notify("error", describeError(result.error));
    setDiff(result.value);
  }

  return (
    <li className="space-y-1 rounded border border-slate-200 p-2 text-sm dark:border-slate-800">
      <p className="font-medium">{name}</p>
      <p className="text-xs text-muted">
        v{latest.version} · {plural(latest.rows.promoted, "row")} · {plural(versions.length, "version")} · {formatBytes(bytes)} ·{" "}
        {formatDateTime(latest.createdAt)}
      </p>
      <div className="flex flex-wrap gap-2">
        {FORMATS.map(({ format, label }) => (
          <button key={format} type="button" className={`${button} inline-flex items-center gap-1`} onClick={() => void download(latest.version, format)}>
            <Download aria-hidden="true" size={12} />
            Download {name} v{latest.version} {label}
          </button>
        ))}
        <label className="inline-flex max-w-full flex-wrap items-center gap-1 text-xs">
          Licence in the Data Package
          <select className="max-w-full rounded border border-slate-300 bg-transparent px-1 py-0.5 dark:border-slate-700" value={licence} onChange={(e) => setLicence(e.target.value)}>
            <option value="">None given</option>
            {LICENCES.map((l) => (
              <option key={l.name} value={l.name} title={l.title}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {exporting && <TaskStatus task={exporting} cancelLabel="Cancel download" onCancel={() => exporting.controller.abort()} />}
      <details>
        <summary className="cursor-pointer text-xs">Versions of {name}</summary>
        <ol className="mt-1 space-y-1">
          {manifests?.map((m, i) => (
            <li key={m.version} aria-label={`${name} v${m.version}`} className="rounded bg-slate-50 p-1 text-xs dark:bg-slate-900">
              <p>
                v{m.version}
                {m.title ? ` · “${m.title}”` : ""} · {plural(m.rows.promoted, "row")} promoted of {formatCount(m.rows.in)} in, {formatCount(m.rows.rejected)} rejected ·{" "}
                {formatDateTime(m.createdAt)} · from {m.sources.map((s) => `${s.name} (sha256 ${shortHash(s.sha256)}${s.derivedFrom ? `, ${s.derivedFrom.part} of ${s.derivedFrom.name}, sha256 ${shortHash(s.derivedFrom.sha256)}` : ""}${s.url ? `, fetched from ${s.url}` : ""}${(s.companions ?? []).map((c) => `, ${c.kind === "memo" ? "memos" : c.kind === "shp" ? "geometry" : "labels"} from ${c.name}, sha256 ${shortHash(c.sha256)}`).join("")})`).join(", ")}
                {m.edits ? ` · ${plural(m.edits.cells, "cell")} edited by hand` : ""}
              </p>
              <div className="mt-1 flex flex-wrap gap-2">
                <button type="button" className={button} onClick={() => onOpen(m.version)}>
                  Open {name} v{m.version}
                </button>
                {i > 0 && (
                  <button type="button" className={button} onClick={() => void compare(manifests[i - 1]!.version, m.version)}>
                    Compare v{m.version} with v{manifests[i - 1]!.version}
                  </button>
                )}
                <button type="button" className={button} aria-expanded={shown === m.version} onClick={() => setShown(shown === m.version ? null : m.version)}>
                  Manifest of {name} v{m.version}
                </button>
                <button type="button" className={button} onClick={() => void remove(m.version)}>
                  Delete {name} v{m.version}
                </button>
              </div>
              {shown === m.version && <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap font-mono">{JSON.stringify(m, null, 2)}</pre>}
            </li>
          ))}
        </ol>
      </details>
      {diff && <DiffSummary name={name} diff={diff} />}
    </li>
  );
}

function DiffSummary({ name, diff }: { name: string; diff: VersionDiff }) {
  const { schema } = diff;
  const changes = [
    ...schema.added.map((c) => `added ${c.name} (${c.type})`),
    ...schema.removed.map((c) => `removed ${c.name}`),
    ...schema.retyped.map((c) => `${c.name} ${c.from} → ${c.to}`),
  ];
  return (
    <div role="status" className="rounded border border-sky-300 p-2 text-xs dark:border-sky-800">
      <p className="font-semibold">
        {name}: v{diff.before} → v{diff.after}
      </p>
      <p>
        Rows: {formatCount(diff.rowsBefore)} → {formatCount(diff.rowsAfter)}; {plural(diff.onlyBefore, "row")} only in v{diff.before},{" "}
        {plural(diff.onlyAfter, "row")} only in v{diff.after}.
      </p>
      <p>Columns: {changes.length ? changes.join("; ") : "no changes"}.</p>
    </div>
  );
}
