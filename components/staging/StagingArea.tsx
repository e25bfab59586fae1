"use client";

import { useState } from "react";
import { formatBytes, plural, shortHash } from "@/lib/format";
import type { StagedFile } from "@/lib/staging/staged-file";
import { useHydrated } from "../useHydrated";

interface Props {
  files: StagedFile[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onRemove: (file: StagedFile) => void;
  onClear: () => void;
}

const DAY = 24 * 60 * 60 * 1000;
const AGE_KEY = "stages:flag-after-days";

/** The staging area: every staged file, by name, with its state. */
export function StagingArea({ files, selectedId, onSelect, onRemove, onClear }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [flagDays, setFlagDays] = useState(() => Number(globalThis.localStorage?.getItem(AGE_KEY)) || 7);
  const hydrated = useHydrated();
  const now = Date.now();
  return (
    <section aria-labelledby="staging-heading" className="space-y-2">
      <h2 id="staging-heading" className="text-base font-semibold">
        Staging area
      </h2>
      {files.length === 0 ? (
        <p className="text-sm text-muted">No files staged yet.</p>
      ) : (
        <ul className="space-y-1">
          {files.map((f) => (
            <li
              key={f.id}
              className={`rounded border p-2 text-sm ${
                f.id === selectedId
                  ? "border-sky-500 bg-sky-50 dark:bg-sky-950"
                  : "border-line"
              }`}
            >
              <div className="flex items-center justify-between gap-2">
                <button
                  type="button"
                  className="min-w-0 truncate text-left font-medium underline-offset-2 hover:underline focus-visible:outline-2"
                  aria-pressed={f.id === selectedId}
                  onClick={() => onSelect(f.id)}
                >
                  {f.name}
                </button>
                <button
                  type="button"
                  className="shrink-0 rounded px-1 text-xs text-slate-600 hover:text-red-700 focus-visible:outline-2 dark:text-slate-300"
                  aria-label={`Remove ${f.name} from staging`}
                  onClick={() => onRemove(f)}
                >
                  Remove
                </button>
              </div>
              <p className="text-xs text-muted">
                {formatBytes(f.size)} · sha256 <span title={f.sha256}>{shortHash(f.sha256)}</span>
                {" · "}
                <StatusText file={f} />
                {f.companions?.length ? ` · with ${f.companions.map((c) => c.name).join(", ")}` : null}
                {f.sqlName && (
                  <>
                    {" · "}
                    <span title="The name a recipe's SQL reads this file by">
                      SQL name <code className="font-mono">{f.sqlName}</code>
                    </span>
                  </>
                )}
              </p>
              {now - f.addedAt > flagDays * DAY && (
                <p className="text-xs text-amber-700 dark:text-amber-400">
                  Staged {plural(Math.floor((now - f.addedAt) / DAY), "day")} ago: staging is temporary.
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {files.length > 0 &&
        (confirming ? (
          <p className="flex flex-wrap items-center gap-2 text-xs">
            Remove all {plural(files.length, "staged file")}?
            <button type="button" className="rounded border border-red-400 px-2 py-0.5 text-red-700 focus-visible:outline-2 dark:text-red-400" onClick={() => { setConfirming(false); onClear(); }}>
              Remove all
            </button>
            <button type="button" className="rounded border px-2 py-0.5 focus-visible:outline-2" onClick={() => setConfirming(false)}>
              Keep them
            </button>
          </p>
        ) : (
          <button type="button" className="rounded border px-2 py-0.5 text-xs focus-visible:outline-2" onClick={() => setConfirming(true)}>
            Clear staging
          </button>
        ))}
      <label className="flex items-center gap-1 text-xs">
        Flag files staged more than
        <input
          type="number"
          min={1}
          disabled={!hydrated}
          className="w-14 rounded border border-slate-300 bg-transparent px-1 dark:border-slate-700"
          value={flagDays}
          onChange={(e) => {
            const days = Math.max(1, Number(e.target.value) || 1);
            setFlagDays(days);
            localStorage.setItem(AGE_KEY, String(days));
          }}
        />
        days ago
      </label>
    </section>
  );
}

function StatusText({ file }: { file: StagedFile }) {
  if (file.status === "reading") return <span>reading…</span>;
  if (file.status === "error") return <span className="text-danger">could not be read</span>;
  return <span>{plural(file.rowCount ?? 0, "row")}</span>;
}
